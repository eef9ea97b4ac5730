/**
 * Payouts waiting for approval: each held payout with its amount, payee and creator, approved or
 * rejected (cancelled with the note as its reason) by a role that may act. The API keeps the
 * four-eyes rule (the key or user that created a payout cannot approve it) and says so when refused.
 */
import { useState } from 'preact/hooks';
import { problemText } from '../api.js';
import { dateTime, money } from '../format.js';
import { heldPayouts } from '../held-payouts.js';
import { MESSAGES } from '../messages.js';
import { Link, LoadState, Outcome, PageTitle } from '../parts.js';
import { api, canAct, type Role } from '../session.js';
import { useLoad } from '../use-load.js';

const T = MESSAGES.payouts;

export function PayoutsPage(props: { role: Role }) {
  const loaded = useLoad(heldPayouts, []);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const mayAct = canAct(props.role);

  async function approve(id: string) {
    const { data, error, response } = await api.POST('/api/v1/payments/{payment_id}/approve', {
      params: { path: { payment_id: id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
    });
    setOutcome(data === undefined ? { ok: false, text: problemText(error, response.status) } : { ok: true, text: T.approved(id) });
    loaded.reload();
  }

  async function reject(id: string, note: string) {
    const { data, error, response } = await api.POST('/api/v1/payments/{payment_id}/cancel', {
      body: note.trim() === '' ? {} : { reason: note.trim() },
      params: { path: { payment_id: id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
    });
    setOutcome(data === undefined ? { ok: false, text: problemText(error, response.status) } : { ok: true, text: T.rejected(id) });
    loaded.reload();
  }

  return (
    <>
      <PageTitle>{T.title}</PageTitle>
      <p class="muted">{T.intro}</p>
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
                  <dt>{T.payee}</dt>
                  <dd class="mono">{p.payee_address}</dd>
                  <dt>{T.reference}</dt>
                  <dd>{p.reference_id ?? '—'}</dd>
                  <dt>{T.created}</dt>
                  <dd>{dateTime(p.created_at)}</dd>
                </dl>
                {mayAct && <Decision id={p.payment_id} onApprove={approve} onReject={reject} />}
              </li>
            ))}
          </ul>
        ))}
      {loaded.data?.more && <p class="muted">{T.more}</p>}
    </>
  );
}

function Decision(props: { id: string; onApprove: (id: string) => Promise<void>; onReject: (id: string, note: string) => Promise<void> }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const noteId = `note-${props.id}`;
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    await action();
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
          onClick={() => run(() => props.onApprove(props.id))}
        >
          {T.approve}
        </button>
        <button
          type="button"
          class="button button-danger"
          disabled={busy}
          aria-label={T.rejectLabel(props.id)}
          onClick={() => run(() => props.onReject(props.id, note))}
        >
          {T.reject}
        </button>
      </div>
    </div>
  );
}
