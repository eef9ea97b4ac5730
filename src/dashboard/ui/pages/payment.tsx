/**
 * One payment: its details, the timeline of its status changes, chain links through the configured
 * explorer template, and — for roles that may act — a partial or full refund with a reason (completed
 * collections) and cancelling (pending ones). Each action carries an idempotency key made once per form,
 * so a double submit or a retry after a lost answer does not refund twice.
 */
import { useMemo, useState } from 'preact/hooks';
import { problemText } from '../api.js';
import type { DashboardConfig } from '../app.js';
import { dateTime, money } from '../format.js';
import { MESSAGES } from '../messages.js';
import { ErrorNote, FormError, Link, Loading, Outcome, PageTitle, StatusBadge, TransactionLink } from '../parts.js';
import { api, canAct, type Role } from '../session.js';
import { useLoad } from '../use-load.js';

const T = MESSAGES.payment;
const REASONS = Object.keys(T.reasons) as (keyof typeof T.reasons)[];

export function PaymentPage(props: { id: string; role: Role; config: DashboardConfig }) {
  const loaded = useLoad(async () => {
    const { data, error, response } = await api.GET('/api/v1/payments/{payment_id}', { params: { path: { payment_id: props.id } } });
    if (data === undefined)
      throw new Error(response.status === 404 ? MESSAGES.payments.notFound(props.id) : problemText(error, response.status));
    return data;
  }, [props.id]);

  if (loaded.loading && loaded.data === null) return <Loading />;
  if (loaded.error !== null || loaded.data === null) {
    return (
      <>
        <p>
          <Link to="/payments">{T.back}</Link>
        </p>
        <ErrorNote message={loaded.error ?? ''} retry={loaded.reload} />
      </>
    );
  }
  const p = loaded.data;
  const mayAct = canAct(props.role);
  const refundable = p.status === 'completed' && p.payment_method === 'payment_gateway';

  return (
    <>
      <p>
        <Link to="/payments">{T.back}</Link>
      </p>
      <PageTitle>
        <span class="mono">{T.title(p.payment_id)}</span> <StatusBadge status={p.status} />
      </PageTitle>
      <div class="columns">
        <section aria-labelledby="details-title">
          <h2 id="details-title">{T.details}</h2>
          <dl class="details">
            <dt>{T.amount}</dt>
            <dd>{money(p.amount, p.currency)}</dd>
            <dt>{T.received}</dt>
            <dd>{money(p.amount_received, p.currency)}</dd>
            <dt>{T.fee}</dt>
            <dd>{money(p.fee, p.currency)}</dd>
            <dt>{T.net}</dt>
            <dd>{money(p.net_amount, p.currency)}</dd>
            <dt>{T.reference}</dt>
            <dd>{p.reference_id ?? '—'}</dd>
            <dt>{T.description}</dt>
            <dd>{p.description ?? '—'}</dd>
            <dt>{T.depositAddress}</dt>
            <dd class="mono">{p.deposit_address ?? '—'}</dd>
            <dt>{T.payer}</dt>
            <dd class="mono">{p.payer_address ?? '—'}</dd>
            <dt>{T.payee}</dt>
            <dd class="mono">{p.payee_address}</dd>
            <dt>{T.transaction}</dt>
            <dd class="mono">
              <TransactionLink txid={p.transaction_id} template={props.config.explorerTxUrl} />
            </dd>
            <dt>{T.confirmations}</dt>
            <dd>{p.confirmations}</dd>
            <dt>{T.created}</dt>
            <dd>{dateTime(p.created_at)}</dd>
            <dt>{T.expires}</dt>
            <dd>{dateTime(p.expires_at)}</dd>
            {p.approval_status !== null && (
              <>
                <dt>{T.approval}</dt>
                <dd>
                  {T.approvalStatus[p.approval_status] ?? p.approval_status}
                  {p.approval_note !== null && ` — “${p.approval_note}”`}
                </dd>
              </>
            )}
          </dl>
        </section>
        <section aria-labelledby="timeline-title">
          <h2 id="timeline-title">{T.timeline}</h2>
          {p.history.length === 0 ? (
            <p class="muted">{T.noTimeline}</p>
          ) : (
            <ol class="timeline">
              {p.history.map((h) => (
                <li key={`${h.at}-${h.to}`}>
                  <StatusBadge status={h.to} /> <time dateTime={h.at}>{dateTime(h.at)}</time>
                  {h.reason !== null && <span class="muted"> · {h.reason}</span>}
                  {h.actor !== null && <span class="muted"> · {T.by(h.actor)}</span>}
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
      {mayAct && refundable && <RefundForm paymentId={p.payment_id} asset={p.currency} max={p.amount_received} onDone={loaded.reload} />}
      {mayAct && p.status === 'pending' && <CancelForm paymentId={p.payment_id} onDone={loaded.reload} />}
    </>
  );
}

function useIdempotencyKey(): [string, () => void] {
  const [key, setKey] = useState(() => crypto.randomUUID());
  return [key, () => setKey(crypto.randomUUID())];
}

function RefundForm(props: { paymentId: string; asset: string; max: string; onDone: () => void }) {
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState<string>('user_request');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [idempotencyKey, nextKey] = useIdempotencyKey();
  const hintId = useMemo(() => `refund-hint-${props.paymentId}`, [props.paymentId]);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    const body = { payment_id: props.paymentId, reason, ...(amount.trim() === '' ? {} : { amount: amount.trim() }) };
    const { data, error, response } = await api.POST('/api/v1/payments/refund', {
      body,
      params: { header: { 'Idempotency-Key': idempotencyKey } },
    });
    setBusy(false);
    if (data === undefined) {
      setResult({ ok: false, text: problemText(error, response.status) });
      if (response.status !== 409) nextKey();
      return;
    }
    setResult({ ok: true, text: T.refundDone(data.amount, data.currency, data.refund_id) });
    setAmount('');
    nextKey();
    props.onDone();
  }

  return (
    <section aria-labelledby="refund-title" class="panel">
      <h2 id="refund-title">{T.refundTitle}</h2>
      <form onSubmit={submit} class="inline-form">
        <div class="field">
          <label for="refund-amount">{T.refundAmount}</label>
          <input
            id="refund-amount"
            name="amount"
            inputMode="decimal"
            value={amount}
            aria-describedby={hintId}
            onInput={(e) => setAmount((e.target as HTMLInputElement).value)}
          />
          <p id={hintId} class="hint">
            {T.refundAmountHint(props.max, props.asset)}
          </p>
        </div>
        <div class="field">
          <label for="refund-reason">{T.refundReason}</label>
          <select id="refund-reason" name="reason" value={reason} onChange={(e) => setReason((e.target as HTMLSelectElement).value)}>
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {T.reasons[r]}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {T.refundSubmit}
          </button>
        </div>
      </form>
      <Outcome outcome={result} />
    </section>
  );
}

function CancelForm(props: { paymentId: string; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [idempotencyKey, nextKey] = useIdempotencyKey();

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    const body = reason.trim() === '' ? {} : { reason: reason.trim() };
    const {
      data,
      error: problem,
      response,
    } = await api.POST('/api/v1/payments/{payment_id}/cancel', {
      body,
      params: { path: { payment_id: props.paymentId }, header: { 'Idempotency-Key': idempotencyKey } },
    });
    setBusy(false);
    nextKey();
    if (data === undefined) {
      setError(problemText(problem, response.status));
      return;
    }
    props.onDone();
  }

  return (
    <section aria-labelledby="cancel-title" class="panel">
      <h2 id="cancel-title">{T.cancelTitle}</h2>
      <form onSubmit={submit} class="inline-form">
        <div class="field field-wide">
          <label for="cancel-reason">{T.cancelReason}</label>
          <input
            id="cancel-reason"
            name="reason"
            maxLength={200}
            value={reason}
            onInput={(e) => setReason((e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="actions">
          <button type="submit" class="button button-danger" disabled={busy}>
            {T.cancelSubmit}
          </button>
        </div>
      </form>
      <FormError message={error} />
    </section>
  );
}
