/**
 * Payouts waiting for approval: each held payout with its amount, asset, payee and creator, approved or
 * rejected with a note (stored on the payout and in the audit log) by a role that may act; a viewer sees
 * the queue without controls. The API keeps the four-eyes rule (and, when configured, the two-person
 * rule) and says why when it refuses.
 */
import { useState } from 'preact/hooks';
import { problemText } from '../api.js';
import { dateTime, money } from '../format.js';
import { heldPayouts } from '../held-payouts.js';
import { MESSAGES } from '../messages.js';
import { Link, LoadState, Outcome, type OutcomeText, PageTitle } from '../parts.js';
import { api, canAct, type Role } from '../session.js';
import { useLoad } from '../use-load.js';

const T = MESSAGES.payouts;

/** The held payouts with who created each (the first entry of its history). */
async function queue() {
  const held = await heldPayouts();
  const creators = await Promise.all(
    held.payouts.map(async (p) => {
      const { data } = await api.GET('/api/v1/payments/{payment_id}', { params: { path: { payment_id: p.payment_id } } });
      return data?.history[0]?.actor ?? null;
    }),
  );
  return { ...held, payouts: held.payouts.map((p, i) => ({ ...p, created_by: creators[i] ?? null })) };
}

export function PayoutsPage(props: { role: Role }) {
  const loaded = useLoad(queue, []);
  const [outcome, setOutcome] = useState<OutcomeText | null>(null);
  const mayAct = canAct(props.role);

  async function decide(decision: 'approve' | 'reject', id: string, note: string) {
    const options = {
      body: note.trim() === '' ? {} : { note: note.trim() },
      params: { path: { payment_id: id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
    };
    const { data, error, response } =
      decision === 'approve'
        ? await api.POST('/api/v1/payments/{payment_id}/approve', options)
        : await api.POST('/api/v1/payments/{payment_id}/reject', options);
    if (data === undefined) setOutcome({ ok: false, text: problemText(error, response.status) });
    else setOutcome({ ok: true, text: decision === 'approve' ? T.approved(id, data.approval_note) : T.rejected(id, data.approval_note) });
    loaded.reload();
  }

  return (
    <>
      <PageTitle>{T.title}</PageTitle>
      <p class="muted">{T.intro}</p>
      {mayAct && (
        <p>
          <Link to="/payouts/batch">{T.toBatch}</Link>
        </p>
      )}
      <Outcome outcome={outcome} />
      <LoadState loaded={loaded} />
      {loaded.data !== null &&
        (loaded.data.payouts.length === 0 ? (
          <p class="muted">{T.empty}</p>
        ) : (
          <ul class="plain queue">
            {loaded.data.payouts.map((p) => (
              <li key={p.payment_id} class="panel">
                <h2>
                  <Link to={`/payments/${encodeURIComponent(p.payment_id)}`} class="mono">
                    {p.payment_id}
                  </Link>
                </h2>
                <dl class="details">
                  <dt>{T.amount}</dt>
                  <dd>{money(p.amount, p.currency)}</dd>
                  <dt>{T.asset}</dt>
                  <dd>{p.currency}</dd>
                  <dt>{T.payee}</dt>
                  <dd class="mono">{p.payee_address}</dd>
                  <dt>{T.creator}</dt>
                  <dd class="mono">{p.created_by ?? '—'}</dd>
                  <dt>{T.reference}</dt>
                  <dd>{p.reference_id ?? '—'}</dd>
                  <dt>{T.created}</dt>
                  <dd>{dateTime(p.created_at)}</dd>
                </dl>
                {mayAct && <Decision id={p.payment_id} onDecide={decide} />}
              </li>
            ))}
          </ul>
        ))}
      {loaded.data?.more && <p class="muted">{T.more}</p>}
    </>
  );
}

function Decision(props: { id: string; onDecide: (decision: 'approve' | 'reject', id: string, note: string) => Promise<void> }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const noteId = `note-${props.id}`;
  const run = async (decision: 'approve' | 'reject') => {
    setBusy(true);
    await props.onDecide(decision, props.id, note);
    setBusy(false);
  };
  return (
    <div class="inline-form decision">
      <div class="field field-wide">
        <label for={noteId}>{T.note}</label>
        <input id={noteId} maxLength={200} value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
      </div>
      <div class="actions">
        <button
          type="button"
          class="button button-primary"
          disabled={busy}
          aria-label={T.approveLabel(props.id)}
          onClick={() => run('approve')}
        >
          {T.approve}
        </button>
        <button
          type="button"
          class="button button-danger"
          disabled={busy}
          aria-label={T.rejectLabel(props.id)}
          onClick={() => run('reject')}
        >
          {T.reject}
        </button>
      </div>
    </div>
  );
}
