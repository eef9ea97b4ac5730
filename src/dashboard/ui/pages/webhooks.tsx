/**
 * Webhooks: the merchant's endpoints with their health and a form for a new one (its signing secret shown
 * once); for one endpoint its settings (URL, events, enabled), a test event, a new signing secret (shown
 * once) and its deliveries (newest first, filter by outcome); for one delivery the request it sends
 * (headers, custom values masked, and body), each attempt's answer and timing, and redelivery.
 */
import { useState } from 'preact/hooks';
import { ALL_EVENTS, WEBHOOK_EVENTS } from '../../../shared/catalogues/webhook-events.js';
import { problemText } from '../api.js';
import { dateTime } from '../format.js';
import { MESSAGES } from '../messages.js';
import { Link, LoadState, Outcome, type OutcomeText, PageTitle, ShownOnce } from '../parts.js';
import { navigate } from '../router.js';
import { api, canManage, type Role } from '../session.js';
import { useLoad } from '../use-load.js';

const T = MESSAGES.webhooks;
const OUTCOMES = ['pending', 'succeeded', 'failed'] as const;
const idempotent = () => ({ header: { 'Idempotency-Key': crypto.randomUUID() } });

function deliveryBadge(status: string): string {
  return `badge badge-${status === 'succeeded' ? 'completed' : status === 'failed' ? 'failed' : 'pending'}`;
}

export function WebhooksPage() {
  const loaded = useLoad(async () => {
    const { data, error, response } = await api.GET('/api/v1/payments/webhooks');
    if (data === undefined) throw new Error(problemText(error, response.status));
    return data.data;
  }, []);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  return (
    <>
      <PageTitle>{T.title}</PageTitle>
      {created !== null && (
        <ShownOnce
          id="webhook-secret"
          title={T.secretTitle(created.url)}
          note={MESSAGES.secretOnce}
          values={[created.secret]}
          onDone={() => setCreated(null)}
        />
      )}
      <EndpointForm
        title={T.newTitle}
        submitLabel={T.create}
        initial={{ url: '', events: [ALL_EVENTS], active: true }}
        onSubmit={async (body) => {
          const { data, error, response } = await api.POST('/api/v1/payments/webhooks/register', { body, params: idempotent() });
          if (data === undefined) return problemText(error, response.status);
          setCreated({ url: data.url, secret: data.secret });
          loaded.reload();
          return null;
        }}
      />
      <LoadState loaded={loaded} />
      {loaded.data !== null &&
        (loaded.data.length === 0 ? (
          <p class="muted">{T.empty}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption>{T.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{T.col.url}</th>
                  <th scope="col">{T.col.status}</th>
                  <th scope="col">{T.col.health}</th>
                  <th scope="col">{T.col.events}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.map((w) => (
                  <tr key={w.id}>
                    <td>
                      <Link to={`/webhooks/${encodeURIComponent(w.id)}`}>{w.url}</Link>
                    </td>
                    <td>
                      <span class={`badge badge-${w.status === 'active' ? 'completed' : 'failed'}`}>{T.status[w.status] ?? w.status}</span>
                    </td>
                    <td>
                      {w.failing_since !== null ? T.failingSince(dateTime(w.failing_since)) : T.lastSuccess(dateTime(w.last_success_at))}
                    </td>
                    <td>{w.events.length === 0 || w.events.includes(ALL_EVENTS) ? T.allEvents : w.events.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </>
  );
}

interface EndpointFields {
  url: string;
  events: string[];
  active: boolean;
}

/** URL, events (all, or some of the catalogue) and, when editing, whether it is enabled. Answers an error text or null. */
function EndpointForm(props: {
  title: string;
  submitLabel: string;
  initial: EndpointFields;
  withActive?: boolean;
  onSubmit: (fields: EndpointFields) => Promise<string | null>;
}) {
  const [fields, setFields] = useState<EndpointFields>(props.initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const all = fields.events.includes(ALL_EVENTS);
  const prefix = props.withActive ? 'edit' : 'new';
  const toggle = (event: string, on: boolean) =>
    setFields((f) => ({ ...f, events: on ? [...f.events.filter((e) => e !== ALL_EVENTS), event] : f.events.filter((e) => e !== event) }));

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    const problem = await props.onSubmit({ ...fields, url: fields.url.trim() });
    setBusy(false);
    setError(problem);
    if (problem === null && !props.withActive) setFields(props.initial);
  }

  return (
    <section class="panel" aria-labelledby={`${prefix}-endpoint-title`}>
      <h2 id={`${prefix}-endpoint-title`}>{props.title}</h2>
      <form onSubmit={submit}>
        <div class="field">
          <label for={`${prefix}-url`}>{T.url}</label>
          <input
            id={`${prefix}-url`}
            type="url"
            required
            maxLength={2048}
            value={fields.url}
            onInput={(e) => setFields((f) => ({ ...f, url: (e.target as HTMLInputElement).value }))}
          />
        </div>
        <fieldset class="scopes">
          <legend>{T.events}</legend>
          <label class="check">
            <input
              type="checkbox"
              checked={all}
              onChange={(e) => setFields((f) => ({ ...f, events: (e.target as HTMLInputElement).checked ? [ALL_EVENTS] : [] }))}
            />{' '}
            {T.allEventsChoice}
          </label>
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} class="check">
              <input
                type="checkbox"
                checked={all || fields.events.includes(event)}
                disabled={all}
                onChange={(e) => toggle(event, (e.target as HTMLInputElement).checked)}
              />{' '}
              <span class="mono">{event}</span>
            </label>
          ))}
        </fieldset>
        {props.withActive && (
          <label class="check">
            <input
              type="checkbox"
              checked={fields.active}
              onChange={(e) => setFields((f) => ({ ...f, active: (e.target as HTMLInputElement).checked }))}
            />{' '}
            {T.enabled}
          </label>
        )}
        {error !== null && (
          <p class="note note-bad" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button button-primary" disabled={busy}>
          {props.submitLabel}
        </button>
      </form>
    </section>
  );
}

export function WebhookPage(props: { id: string; query: URLSearchParams; role: Role }) {
  const status = OUTCOMES.find((s) => s === props.query.get('status'));
  const path = { webhook_id: props.id };
  const loaded = useLoad(async () => {
    const [endpoint, deliveries] = await Promise.all([
      api.GET('/api/v1/payments/webhooks/{webhook_id}', { params: { path } }),
      api.GET('/api/v1/payments/webhooks/{webhook_id}/deliveries', {
        params: { path, query: { limit: 50, ...(status ? { status } : {}) } },
      }),
    ]);
    if (endpoint.data === undefined) throw new Error(problemText(endpoint.error, endpoint.response.status));
    if (deliveries.data === undefined) throw new Error(problemText(deliveries.error, deliveries.response.status));
    return { endpoint: endpoint.data, deliveries: deliveries.data.data };
  }, [props.id, status]);
  const [outcome, setOutcome] = useState<OutcomeText | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const mayManage = canManage(props.role);

  async function redeliver(deliveryId: string) {
    const { data, error, response } = await api.POST('/api/v1/payments/webhooks/deliveries/{delivery_id}/redeliver', {
      params: { path: { delivery_id: deliveryId }, ...idempotent() },
    });
    setOutcome(data === undefined ? { ok: false, text: problemText(error, response.status) } : { ok: true, text: T.redelivered(data.id) });
    loaded.reload();
  }

  async function sendTest() {
    const { data, error, response } = await api.POST('/api/v1/payments/webhooks/{webhook_id}/test', { params: { path, ...idempotent() } });
    setOutcome(data === undefined ? { ok: false, text: problemText(error, response.status) } : { ok: true, text: T.testSent(data.id) });
    loaded.reload();
  }

  async function rotate() {
    const { data, error, response } = await api.POST('/api/v1/payments/webhooks/{webhook_id}/rotate-secret', {
      body: {},
      params: { path, ...idempotent() },
    });
    if (data === undefined) {
      setOutcome({ ok: false, text: problemText(error, response.status) });
      return;
    }
    setSecret(data.secret);
    setOutcome({ ok: true, text: T.rotated(dateTime(data.previous_secret_expires_at)) });
  }

  async function update(body: { url?: string; events?: string[]; active?: boolean }, done: string): Promise<string | null> {
    const { data, error, response } = await api.PATCH('/api/v1/payments/webhooks/{webhook_id}', { body, params: { path } });
    if (data === undefined) return problemText(error, response.status);
    setOutcome({ ok: true, text: done });
    loaded.reload();
    return null;
  }

  const endpoint = loaded.data?.endpoint;
  return (
    <>
      <p>
        <Link to="/webhooks">{T.back}</Link>
      </p>
      <PageTitle>{endpoint ? T.endpointTitle(endpoint.url) : T.title}</PageTitle>
      {endpoint && (
        <p>
          <span class={`badge badge-${endpoint.status === 'active' ? 'completed' : 'failed'}`}>
            {T.status[endpoint.status] ?? endpoint.status}
          </span>{' '}
          {endpoint.disabled_reason !== null && <span class="muted">{endpoint.disabled_reason}</span>}
        </p>
      )}
      <Outcome outcome={outcome} />
      {secret !== null && endpoint && (
        <ShownOnce
          id="webhook-secret"
          title={T.newSecretTitle(endpoint.url)}
          note={MESSAGES.secretOnce}
          values={[secret]}
          onDone={() => setSecret(null)}
        />
      )}
      {mayManage && endpoint && endpoint.status !== 'deleted' && (
        <>
          <div class="actions">
            <button type="button" class="button" onClick={sendTest}>
              {T.test}
            </button>
            <button type="button" class="button" onClick={rotate}>
              {T.rotate}
            </button>
            {endpoint.active ? (
              <button type="button" class="button button-danger" onClick={() => update({ active: false }, T.disabledDone)}>
                {T.disable}
              </button>
            ) : (
              <button type="button" class="button" onClick={() => update({ active: true }, T.enabledDone)}>
                {T.enable}
              </button>
            )}
          </div>
          <EndpointForm
            key={endpoint.updated_at}
            title={T.editTitle}
            submitLabel={T.save}
            withActive
            initial={{ url: endpoint.url, events: [...endpoint.events], active: endpoint.active }}
            onSubmit={(fields) => update(fields, T.saved)}
          />
        </>
      )}
      <h2>{T.deliveriesCaption}</h2>
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
      <LoadState loaded={loaded} />
      {loaded.data !== null &&
        (loaded.data.deliveries.length === 0 ? (
          <p class="muted">{T.noDeliveries}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption>{T.deliveriesCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{T.col.event}</th>
                  <th scope="col">{T.col.outcome}</th>
                  <th scope="col" class="num">
                    {T.col.attempts}
                  </th>
                  <th scope="col">{T.col.response}</th>
                  <th scope="col">{T.col.nextRetry}</th>
                  <th scope="col">{T.col.created}</th>
                  {mayManage && <th scope="col">{T.col.action}</th>}
                </tr>
              </thead>
              <tbody>
                {loaded.data.deliveries.map((d) => (
                  <tr key={d.id}>
                    <td>
                      {d.event_type}
                      <br />
                      <Link to={`/webhooks/deliveries/${encodeURIComponent(d.id)}`} class="mono">
                        {d.id}
                      </Link>
                    </td>
                    <td>
                      <span class={deliveryBadge(d.status)}>{T.outcome[d.status]}</span>
                    </td>
                    <td class="num">{d.attempts}</td>
                    <td class="wrap">{d.last_status_code !== null ? `HTTP ${d.last_status_code}` : (d.last_error ?? '—')}</td>
                    <td>{dateTime(d.next_attempt_at)}</td>
                    <td>{dateTime(d.created_at)}</td>
                    {mayManage && (
                      <td>
                        <button type="button" class="button" aria-label={T.redeliverLabel(d.id)} onClick={() => redeliver(d.id)}>
                          {T.redeliver}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </>
  );
}

/** One delivery: what it sends (request), what came back at each attempt (response, timing), redelivery. */
export function DeliveryPage(props: { id: string; role: Role }) {
  const loaded = useLoad(async () => {
    const { data, error, response } = await api.GET('/api/v1/payments/webhooks/deliveries/{delivery_id}', {
      params: { path: { delivery_id: props.id } },
    });
    if (data === undefined) throw new Error(problemText(error, response.status));
    return data;
  }, [props.id]);
  const [outcome, setOutcome] = useState<OutcomeText | null>(null);

  async function redeliver() {
    const { data, error, response } = await api.POST('/api/v1/payments/webhooks/deliveries/{delivery_id}/redeliver', {
      params: { path: { delivery_id: props.id }, ...idempotent() },
    });
    setOutcome(data === undefined ? { ok: false, text: problemText(error, response.status) } : { ok: true, text: T.redelivered(data.id) });
  }

  const d = loaded.data;
  return (
    <>
      {d && (
        <p>
          <Link to={`/webhooks/${encodeURIComponent(d.webhook_id)}`}>{T.backToEndpoint}</Link>
        </p>
      )}
      <PageTitle>{T.deliveryTitle(props.id)}</PageTitle>
      <Outcome outcome={outcome} />
      <LoadState loaded={loaded} />
      {d && (
        <>
          <dl class="details">
            <dt>{T.col.event}</dt>
            <dd>
              {d.event_type} <span class="mono muted">{d.event_id}</span>
            </dd>
            <dt>{T.kind}</dt>
            <dd>{T.kinds[d.kind]}</dd>
            <dt>{T.col.outcome}</dt>
            <dd>
              <span class={deliveryBadge(d.status)}>{T.outcome[d.status]}</span>
            </dd>
            <dt>{T.col.attempts}</dt>
            <dd>{d.attempts}</dd>
            <dt>{T.col.nextRetry}</dt>
            <dd>{dateTime(d.next_attempt_at)}</dd>
            <dt>{T.col.created}</dt>
            <dd>{dateTime(d.created_at)}</dd>
            <dt>{T.completed}</dt>
            <dd>{dateTime(d.completed_at)}</dd>
          </dl>
          {canManage(props.role) && (
            <div class="actions spaced">
              <button type="button" class="button" onClick={redeliver}>
                {T.redeliver}
              </button>
            </div>
          )}
          <section aria-labelledby="request-title">
            <h2 id="request-title">{T.request}</h2>
            {d.request === null ? (
              <p class="muted">{T.noRequest}</p>
            ) : (
              <>
                <p class="mono">POST {d.request.url}</p>
                <div class="table-wrap">
                  <table>
                    <caption>{T.headers}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{T.headerName}</th>
                        <th scope="col">{T.headerValue}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {Object.entries(d.request.headers).map(([name, value]) => (
                        <tr key={name}>
                          <td class="mono">{name}</td>
                          <td class="mono wrap">{value}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <h3>{T.body}</h3>
                <pre class="code">{pretty(d.request.body)}</pre>
              </>
            )}
          </section>
          <section aria-labelledby="attempts-title">
            <h2 id="attempts-title">{T.attemptsTitle}</h2>
            {d.attempt_log.length === 0 ? (
              <p class="muted">{T.noAttempts}</p>
            ) : (
              <ol class="plain">
                {d.attempt_log.map((a) => (
                  <li key={a.attempt} class="panel attempt">
                    <h3>{T.attemptTitle(a.attempt, dateTime(a.started_at))}</h3>
                    <dl class="details">
                      <dt>{T.answer}</dt>
                      <dd>{a.status_code !== null ? `HTTP ${a.status_code}` : '—'}</dd>
                      <dt>{T.duration}</dt>
                      <dd>{T.ms(a.latency_ms)}</dd>
                      <dt>{T.col.outcome}</dt>
                      <dd>{T.attemptOutcome[a.outcome] ?? a.outcome}</dd>
                      {a.error !== null && (
                        <>
                          <dt>{T.error}</dt>
                          <dd>{a.error}</dd>
                        </>
                      )}
                    </dl>
                    {a.response_excerpt !== null && <p class="hint">{T.excerpt(a.attempt)}</p>}
                    {a.response_excerpt !== null && <pre class="code">{a.response_excerpt}</pre>}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </>
  );
}

/** The body indented for reading; as sent when it is not JSON. */
function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
