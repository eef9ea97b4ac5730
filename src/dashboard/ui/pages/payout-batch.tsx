/**
 * A batch of payouts from a CSV file (or pasted text), in three steps: the rows previewed, each with its
 * line and the problem naming the field for a bad one (nothing sent yet); the good rows sent as one batch
 * (POST /api/v1/payments/batch); then its live progress, polled until every payout is final.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PayoutRow } from '../../../shared/payout-csv.js';
import { problemText } from '../api.js';
import { finalCount, type PreviewRow, payoutItem, previewPayoutCsv } from '../batch-preview.js';
import { MESSAGES } from '../messages.js';
import { Link, Outcome, type OutcomeText, PageTitle } from '../parts.js';
import { api } from '../session.js';

const T = MESSAGES.batch;
const POLL_MS = 1000;

type Stage =
  | { kind: 'edit' }
  | { kind: 'preview'; rows: PreviewRow[]; good: PayoutRow[] }
  | { kind: 'sent'; batchId: string; created: number; held: number };

export function PayoutBatchPage() {
  const [text, setText] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'edit' });
  const [outcome, setOutcome] = useState<OutcomeText | null>(null);
  const [busy, setBusy] = useState(false);

  async function check(event: Event) {
    event.preventDefault();
    setBusy(true);
    const preview = await previewPayoutCsv(api, text);
    setBusy(false);
    if ('error' in preview) {
      setOutcome({ ok: false, text: preview.error });
      return;
    }
    setOutcome(null);
    setStage({ kind: 'preview', ...preview });
  }

  async function send(good: PayoutRow[]) {
    setBusy(true);
    const { data, error, response } = await api.POST('/api/v1/payments/batch', {
      body: { payments: good.map(payoutItem) },
      params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
    });
    setBusy(false);
    if (data === undefined) {
      setOutcome({ ok: false, text: problemText(error, response.status) });
      return;
    }
    const held = data.results.filter((r) => r.requires_approval === true).length;
    setOutcome(
      data.rejected_count > 0
        ? { ok: false, text: T.someRejected(data.created_count, data.rejected_count) }
        : { ok: true, text: T.sent(data.batch_id, data.created_count) },
    );
    setStage({ kind: 'sent', batchId: data.batch_id, created: data.created_count, held });
  }

  return (
    <>
      <p>
        <Link to="/payouts">{T.back}</Link>
      </p>
      <PageTitle>{T.title}</PageTitle>
      <p class="muted">{T.intro}</p>
      <Outcome outcome={outcome} />
      {stage.kind === 'edit' && <CsvForm text={text} onText={setText} onSubmit={check} busy={busy} />}
      {stage.kind === 'preview' && (
        <PreviewTable
          rows={stage.rows}
          good={stage.good}
          busy={busy}
          onSend={() => send(stage.good)}
          onBack={() => setStage({ kind: 'edit' })}
        />
      )}
      {stage.kind === 'sent' && <Progress batchId={stage.batchId} created={stage.created} held={stage.held} />}
    </>
  );
}

function CsvForm(props: { text: string; onText: (text: string) => void; onSubmit: (event: Event) => void; busy: boolean }) {
  return (
    <form class="panel" onSubmit={props.onSubmit}>
      <div class="field">
        <label for="batch-file">{T.file}</label>
        <input
          id="batch-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={async (e) => {
            const file = (e.target as HTMLInputElement).files?.[0];
            if (file) props.onText(await file.text());
          }}
        />
      </div>
      <div class="field field-wide">
        <label for="batch-csv">{T.paste}</label>
        <textarea
          id="batch-csv"
          rows={8}
          class="mono"
          aria-describedby="batch-csv-hint"
          value={props.text}
          onInput={(e) => props.onText((e.target as HTMLTextAreaElement).value)}
        />
        <p class="hint" id="batch-csv-hint">
          {T.format}
        </p>
      </div>
      <button type="submit" class="button button-primary" disabled={props.busy || props.text.trim() === ''}>
        {T.check}
      </button>
    </form>
  );
}

function PreviewTable(props: { rows: PreviewRow[]; good: PayoutRow[]; busy: boolean; onSend: () => void; onBack: () => void }) {
  const bad = props.rows.filter((r) => r.problems.length > 0);
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{T.previewTitle}</h2>
      <p role="status">{T.summary(props.good.length, bad.length)}</p>
      {bad.length > 0 && (
        <ul class="note note-bad problems" aria-label={T.problemsLabel}>
          {bad.map((r) => (
            <li key={r.line}>{T.problem(r.line, r.problems.join('; '))}</li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="button" class="button button-primary" disabled={props.busy || props.good.length === 0} onClick={props.onSend}>
          {T.send(props.good.length)}
        </button>
        <button type="button" class="button" onClick={props.onBack}>
          {T.edit}
        </button>
      </div>
      <div class="table-wrap">
        <table>
          <caption>{T.caption}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                {T.col.line}
              </th>
              <th scope="col">{T.col.payee}</th>
              <th scope="col" class="num">
                {T.col.amount}
              </th>
              <th scope="col">{T.col.reference}</th>
              <th scope="col">{T.col.check}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.line} class={r.problems.length > 0 ? 'row-bad' : undefined}>
                <td class="num">{r.line}</td>
                <td class="mono">{r.row?.payee_address ?? '—'}</td>
                <td class="num">{r.row?.amount ?? '—'}</td>
                <td>{r.row?.reference_id ?? '—'}</td>
                <td class="wrap">
                  {r.problems.length === 0 ? (
                    <span class="badge badge-completed">{T.ok}</span>
                  ) : (
                    <span class="badge badge-failed">{r.problems.join('; ')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The batch's live counts, polled until every payout it created is final. */
function Progress(props: { batchId: string; created: number; held: number }) {
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const done = finalCount(counts);
  const finished = props.created > 0 && done >= props.created;
  useEffect(() => {
    if (finished) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const {
        data,
        error: problem,
        response,
      } = await api.GET('/api/v1/payments/batches/{batch_id}', {
        params: { path: { batch_id: props.batchId } },
      });
      if (!live) return;
      if (data === undefined) setError(problemText(problem, response.status));
      else {
        setError(null);
        setCounts(data.counts);
      }
      timer = setTimeout(poll, POLL_MS);
    };
    poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [props.batchId, finished]);
  const statuses = Object.entries(counts).filter(([, n]) => n > 0);
  return (
    <section class="panel" aria-labelledby="progress-title">
      <h2 id="progress-title">{T.progressTitle(props.batchId)}</h2>
      <label for="batch-progress">{T.progress(done, props.created)}</label>
      <progress id="batch-progress" max={Math.max(props.created, 1)} value={done} />
      {props.held > 0 && <p class="hint">{T.held(props.held)}</p>}
      {error !== null && (
        <p class="note note-bad" role="alert">
          {error}
        </p>
      )}
      <dl class="details" aria-label={T.countsLabel}>
        {statuses.map(([status, n]) => (
          <>
            <dt key={`${status}-t`}>{MESSAGES.status[status] ?? status}</dt>
            <dd key={`${status}-d`} data-status={status}>
              {n}
            </dd>
          </>
        ))}
      </dl>
      {finished && (
        <p role="status" class="note note-ok">
          {T.finished(counts.completed ?? 0, props.created)}
        </p>
      )}
      <p>
        <Link to={`/payments?batch_id=${encodeURIComponent(props.batchId)}`}>{T.seePayments}</Link>
      </p>
    </section>
  );
}
