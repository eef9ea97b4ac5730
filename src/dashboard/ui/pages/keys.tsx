/**
 * API keys: the merchant's keys (prefix, scopes, last use; never the secret), a new key with the scopes
 * chosen — its secret shown once, right after creation, and never again — and revoking a key.
 */
import { useState } from 'preact/hooks';
import { problemText } from '../api.js';
import { dateTime } from '../format.js';
import { MESSAGES } from '../messages.js';
import { LoadState, Outcome, PageTitle, SecretOnce } from '../parts.js';
import { api, canManage, type Role } from '../session.js';
import { useLoad } from '../use-load.js';

const T = MESSAGES.keys;
const SCOPES = ['payments:read', 'payments:write', 'payouts:write', 'refunds:write', 'webhooks:manage', 'reports:read', 'admin'] as const;
type Scope = (typeof SCOPES)[number];

function createKey(body: { name: string; scopes: Scope[] }) {
  return api.POST('/api/v1/keys', { body, params: { header: { 'Idempotency-Key': crypto.randomUUID() } } });
}

export function KeysPage(props: { role: Role }) {
  const loaded = useLoad(async () => {
    const { data, error, response } = await api.GET('/api/v1/keys');
    if (data === undefined) throw new Error(problemText(error, response.status));
    return data.data;
  }, []);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const mayManage = canManage(props.role);

  async function revoke(id: string, name: string) {
    const { error, response } = await api.DELETE('/api/v1/keys/{key_id}', { params: { path: { key_id: id } } });
    setOutcome(response.ok ? { ok: true, text: T.revoked(name) } : { ok: false, text: problemText(error, response.status) });
    loaded.reload();
  }

  return (
    <>
      <PageTitle>{T.title}</PageTitle>
      {mayManage && (
        <NewKeyForm
          onCreated={(name, secret) => {
            setCreated({ name, secret });
            setOutcome(null);
            loaded.reload();
          }}
        />
      )}
      {created !== null && (
        <SecretOnce title={T.secretTitle(created.name)} secret={created.secret} testId="new-key-secret" onDone={() => setCreated(null)} />
      )}
      <Outcome outcome={outcome} />
      <LoadState loaded={loaded} />
      {loaded.data !== null && (
        <div class="table-wrap">
          <table>
            <caption>{T.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{T.col.name}</th>
                <th scope="col">{T.col.prefix}</th>
                <th scope="col">{T.col.scopes}</th>
                <th scope="col">{T.col.status}</th>
                <th scope="col">{T.col.lastUsed}</th>
                {mayManage && <th scope="col">{T.col.action}</th>}
              </tr>
            </thead>
            <tbody>
              {loaded.data.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td class="mono">{k.prefix}</td>
                  <td class="wrap">{k.scopes.join(', ')}</td>
                  <td>
                    <span class={`badge badge-${k.status === 'active' ? 'completed' : 'cancelled'}`}>{T.status[k.status] ?? k.status}</span>
                  </td>
                  <td>{dateTime(k.last_used_at)}</td>
                  {mayManage && (
                    <td>
                      {k.status === 'active' && (
                        <button
                          type="button"
                          class="button button-danger"
                          aria-label={T.revokeLabel(k.name)}
                          onClick={() => revoke(k.id, k.name)}
                        >
                          {T.revoke}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function NewKeyForm(props: { onCreated: (name: string, secret: string) => void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['payments:read']);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    const body = { name: name.trim(), scopes };
    const { data, error: problem, response } = await createKey(body);
    setBusy(false);
    if (data === undefined) {
      setError(problemText(problem, response.status));
      return;
    }
    setError(null);
    setName('');
    props.onCreated(data.name, data.secret);
  }

  return (
    <section class="panel" aria-labelledby="new-key-title">
      <h2 id="new-key-title">{T.newTitle}</h2>
      <form onSubmit={submit}>
        <div class="field">
          <label for="key-name">{T.name}</label>
          <input id="key-name" maxLength={100} value={name} required onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        </div>
        <fieldset class="scopes">
          <legend>{T.scopes}</legend>
          {SCOPES.map((scope) => (
            <label key={scope} class="check">
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(e) => {
                  const on = (e.target as HTMLInputElement).checked;
                  setScopes((list) => (on ? [...list, scope] : list.filter((s) => s !== scope)));
                }}
              />{' '}
              <span class="mono">{scope}</span> — {T.scopeHelp[scope]}
            </label>
          ))}
        </fieldset>
        {error !== null && (
          <p class="note note-bad" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button button-primary" disabled={busy}>
          {T.create}
        </button>
      </form>
    </section>
  );
}
