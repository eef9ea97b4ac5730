/**
 * The audit log (admin): the merchant's records newest first, filtered by actor, action, object id and
 * date range (in the URL, so a view can be reloaded and shared), cursor paging; and verifying the whole
 * hash chain step by step (GET /api/v1/audit/verify) with a progress bar, naming where a broken chain breaks.
 */
import { useState } from 'preact/hooks';
import { dataOf, type paths, problemText } from '../api.js';
import { dateTime } from '../format.js';
import { MESSAGES } from '../messages.js';
import { FilterActions, LoadState, Outcome, type OutcomeText, Pager, PageTitle, Table } from '../parts.js';
import { navigate, pathWithQuery } from '../router.js';
import { api } from '../session.js';
import { useLoad } from '../use-load.js';

const T = MESSAGES.audit;
type ListQuery = NonNullable<paths['/api/v1/audit']['get']['parameters']['query']>;
const PAGE_SIZE = 50;
/** records per verification step: small enough that the bar moves on a large chain */
const VERIFY_STEP = 500;
const TEXT_FILTERS = ['actor', 'action', 'entity_id'] as const;
const FILTERS = [...TEXT_FILTERS, 'from', 'to'] as const;

function listQuery(query: URLSearchParams): ListQuery {
  const out: ListQuery = { limit: PAGE_SIZE };
  for (const name of TEXT_FILTERS) {
    const value = query.get(name)?.trim();
    if (value) out[name] = value;
  }
  const after = Number(query.get('starting_after'));
  if (Number.isSafeInteger(after) && after > 0) out.starting_after = after;
  // date inputs give a day; the API takes instants (to is exclusive): whole days in UTC
  const from = query.get('from');
  if (from) out.from = `${from}T00:00:00Z`;
  const to = query.get('to');
  if (to) out.to = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString();
  return out;
}

const pathWith = (query: URLSearchParams, changes: Record<string, string | null>) => pathWithQuery('/audit', query, changes);

export function AuditPage(props: { query: URLSearchParams }) {
  const key = props.query.toString();
  const loaded = useLoad(async () => dataOf(await api.GET('/api/v1/audit', { params: { query: listQuery(props.query) } })), [key]);

  function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const changes: Record<string, string | null> = { starting_after: null };
    for (const name of FILTERS) changes[name] = String(form.get(name) ?? '').trim();
    navigate(pathWith(props.query, changes));
  }

  const field = (name: (typeof FILTERS)[number], label: string, hint?: string) => {
    const input = {
      id: `audit-${name}`,
      name,
      defaultValue: props.query.get(name) ?? '',
      'aria-describedby': hint ? `audit-${name}-hint` : undefined,
    };
    return (
      <div class="field">
        <label for={input.id}>{label}</label>
        {name === 'from' || name === 'to' ? <input type="date" {...input} /> : <input {...input} />}
        {hint && (
          <p id={`audit-${name}-hint`} class="hint">
            {hint}
          </p>
        )}
      </div>
    );
  };

  return (
    <>
      <PageTitle>{T.title}</PageTitle>
      <VerifySection />
      <form class="filters" onSubmit={submit} key={key} aria-label={T.filters}>
        {field('actor', T.actor, T.actorHint)}
        {field('action', T.action)}
        {field('entity_id', T.entity)}
        {field('from', T.from)}
        {field('to', T.to)}
        <FilterActions resetTo="/audit" />
      </form>
      <LoadState loaded={loaded} />
      {loaded.data !== null && (
        <>
          {loaded.data.data.length === 0 ? (
            <p class="muted">{T.empty}</p>
          ) : (
            <Table
              caption={T.caption}
              columns={[
                { label: T.col.seq, num: true },
                { label: T.col.at },
                { label: T.col.actor },
                { label: T.col.action },
                { label: T.col.object },
                { label: T.col.request },
              ]}
            >
              {loaded.data.data.map((r) => (
                <tr key={r.seq}>
                  <td class="num">{r.seq}</td>
                  <td>{dateTime(r.at)}</td>
                  <td class="mono wrap">{r.actor}</td>
                  <td>{r.action}</td>
                  <td class="mono wrap">{r.entity_id ?? r.entity_type}</td>
                  <td class="mono muted wrap">{r.request_id ?? '—'}</td>
                </tr>
              ))}
            </Table>
          )}
          <Pager
            label={T.title}
            first={props.query.get('starting_after') ? pathWith(props.query, { starting_after: null }) : null}
            next={
              loaded.data.has_more && loaded.data.next_cursor !== null
                ? pathWith(props.query, { starting_after: String(loaded.data.next_cursor) })
                : null
            }
          />
        </>
      )}
    </>
  );
}

/** Walks the chain in steps, each continuing from the running hash the previous one answered. */
function VerifySection() {
  const [progress, setProgress] = useState<{ checked: number; total: number } | null>(null);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<OutcomeText | null>(null);

  async function verify() {
    setRunning(true);
    setOutcome(null);
    setProgress({ checked: 0, total: 0 });
    let query: { limit: number; after_seq?: number; prev_hash?: string } = { limit: VERIFY_STEP };
    try {
      for (;;) {
        const step = dataOf(await api.GET('/api/v1/audit/verify', { params: { query } }));
        setProgress({ checked: step.checked, total: step.total });
        if (!step.ok) {
          setOutcome({ ok: false, text: T.broken(step.problem?.message ?? '') });
          break;
        }
        // every step but the last moves the cursor forward, so the loop ends
        if (step.done || step.next === null || step.next.after_seq <= (query.after_seq ?? 0)) {
          setOutcome({ ok: true, text: T.intact(step.checked) });
          break;
        }
        query = { limit: VERIFY_STEP, after_seq: step.next.after_seq, prev_hash: step.next.prev_hash };
      }
    } catch (error) {
      setOutcome({ ok: false, text: error instanceof Error ? error.message : problemText(error) });
    }
    setRunning(false);
  }

  return (
    <section class="panel" aria-labelledby="verify-title">
      <h2 id="verify-title">{T.verifyTitle}</h2>
      <p>{T.verifyIntro}</p>
      <button type="button" class="button button-primary" onClick={verify} disabled={running}>
        {T.verify}
      </button>
      {progress !== null && (
        <div class="verify-progress">
          <progress id="verify-bar" aria-label={T.progressLabel} max={Math.max(progress.total, 1)} value={progress.checked} />
          <p role="status">{T.progress(progress.checked, progress.total)}</p>
        </div>
      )}
      <Outcome outcome={outcome} />
    </section>
  );
}
