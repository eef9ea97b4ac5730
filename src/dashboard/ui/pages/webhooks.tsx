/**
 * Webhooks: the merchant's endpoints with their health, and for one endpoint its deliveries (newest
 * first, filter by outcome) with each attempt's status code, latency and error; a delivery can be sent
 * again (a new delivery of the same event, signed anew) by a role that manages webhooks.
 */
import { useState } from 'preact/hooks';
import { dataOf, outcomeOf } from '../api.js';
import { dateTime } from '../format.js';
import { MESSAGES } from '../messages.js';
import { Link, LoadState, Outcome, PageTitle, Table } from '../parts.js';
import { navigate } from '../router.js';
import { api, canManage, type Role } from '../session.js';
import { useLoad } from '../use-load.js';

const T = MESSAGES.webhooks;
const OUTCOMES = ['pending', 'succeeded', 'failed'] as const;

export function WebhooksPage() {
  const loaded = useLoad(async () => dataOf(await api.GET('/api/v1/payments/webhooks')).data, []);
  return (
    <>
      <PageTitle>{T.title}</PageTitle>
      <LoadState loaded={loaded} />
      {loaded.data !== null &&
        (loaded.data.length === 0 ? (
          <p class="muted">{T.empty}</p>
        ) : (
          <Table
            caption={T.caption}
            columns={[{ label: T.col.url }, { label: T.col.status }, { label: T.col.health }, { label: T.col.events }]}
          >
            {loaded.data.map((w) => (
              <tr key={w.id}>
                <td>
                  <Link to={`/webhooks/${encodeURIComponent(w.id)}`}>{w.url}</Link>
                </td>
                <td>
                  <span class={`badge badge-${w.status === 'active' ? 'completed' : 'failed'}`}>{T.status[w.status] ?? w.status}</span>
                </td>
                <td>{w.failing_since !== null ? T.failingSince(dateTime(w.failing_since)) : T.lastSuccess(dateTime(w.last_success_at))}</td>
                <td>{w.events.length === 0 || w.events.includes('*') ? T.allEvents : w.events.join(', ')}</td>
              </tr>
            ))}
          </Table>
        ))}
    </>
  );
}

export function WebhookPage(props: { id: string; query: URLSearchParams; role: Role }) {
  const status = OUTCOMES.find((s) => s === props.query.get('status'));
  const loaded = useLoad(async () => {
    const [endpoint, deliveries] = await Promise.all([
      api.GET('/api/v1/payments/webhooks/{webhook_id}', { params: { path: { webhook_id: props.id } } }),
      api.GET('/api/v1/payments/webhooks/{webhook_id}/deliveries', {
        params: { path: { webhook_id: props.id }, query: { limit: 50, ...(status ? { status } : {}) } },
      }),
    ]);
    return { endpoint: dataOf(endpoint), deliveries: dataOf(deliveries).data };
  }, [props.id, status]);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  async function redeliver(deliveryId: string) {
    const result = await api.POST('/api/v1/payments/webhooks/deliveries/{delivery_id}/redeliver', {
      params: { path: { delivery_id: deliveryId }, header: { 'Idempotency-Key': crypto.randomUUID() } },
    });
    setOutcome(outcomeOf(result, (data) => T.redelivered(data.id)));
    loaded.reload();
  }

  return (
    <>
      <p>
        <Link to="/webhooks">{T.back}</Link>
      </p>
      <PageTitle>{loaded.data ? T.endpointTitle(loaded.data.endpoint.url) : T.title}</PageTitle>
      <form class="filters" aria-label={T.filter}>
        <div class="field">
          <label for="delivery-status">{T.filter}</label>
          <select
            id="delivery-status"
            value={status ?? ''}
            onChange={(e) => {
              const value = (e.target as HTMLSelectElement).value;
              navigate(`/webhooks/${encodeURIComponent(props.id)}${value === '' ? '' : `?status=${value}`}`, { replace: true });
            }}
          >
            <option value="">{MESSAGES.payments.any}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {T.outcome[o]}
              </option>
            ))}
          </select>
        </div>
      </form>
      <Outcome outcome={outcome} />
      <LoadState loaded={loaded} />
      {loaded.data !== null &&
        (loaded.data.deliveries.length === 0 ? (
          <p class="muted">{T.noDeliveries}</p>
        ) : (
          <Table
            caption={T.deliveriesCaption}
            columns={[
              { label: T.col.event },
              { label: T.col.outcome },
              { label: T.col.attempts, num: true },
              { label: T.col.response },
              { label: T.col.created },
              canManage(props.role) && { label: T.col.action },
            ]}
          >
            {loaded.data.deliveries.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.event_type}
                  <br />
                  <span class="mono muted">{d.id}</span>
                </td>
                <td>
                  <span class={`badge badge-${d.status === 'succeeded' ? 'completed' : d.status === 'failed' ? 'failed' : 'pending'}`}>
                    {T.outcome[d.status]}
                  </span>
                </td>
                <td class="num">{d.attempts}</td>
                <td class="wrap">{d.last_status_code !== null ? `HTTP ${d.last_status_code}` : (d.last_error ?? '—')}</td>
                <td>{dateTime(d.created_at)}</td>
                {canManage(props.role) && (
                  <td>
                    <button type="button" class="button" aria-label={T.redeliverLabel(d.id)} onClick={() => redeliver(d.id)}>
                      {T.redeliver}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </Table>
        ))}
    </>
  );
}
