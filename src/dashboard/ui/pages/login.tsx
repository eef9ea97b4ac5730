/**
 * Sign-in. Until dashboard accounts exist on this gateway, development sign-in with an API key: the key
 * is checked against the API (it must list payments) before the dashboard opens.
 */
import { useState } from 'preact/hooks';
import { createApi, problemText } from '../api.js';
import { MESSAGES } from '../messages.js';
import { PageTitle } from '../parts.js';
import { type Session, signIn } from '../session.js';

const T = MESSAGES.login;

export function LoginPage(props: { onSignedIn: (session: Session) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (key.trim() === '') {
      setError(T.needKey);
      return;
    }
    setBusy(true);
    setError(null);
    const credentials = { kind: 'api-key' as const, key: key.trim() };
    const probe = createApi('', () => credentials);
    const { error: problem, response } = await probe.GET('/api/v1/payments', { params: { query: { limit: 1 } } });
    setBusy(false);
    if (problem !== undefined) {
      setError(`${T.failed}: ${problemText(problem, response.status)}`);
      return;
    }
    const session: Session = { credentials, label: T.apiKeyLabel, role: 'admin' };
    signIn(session);
    props.onSignedIn(session);
  }

  return (
    <main id="main" class="login">
      <div class="login-card">
        <p class="brand">{MESSAGES.product}</p>
        <PageTitle>{T.title}</PageTitle>
        <p class="muted">{T.intro}</p>
        <form onSubmit={submit} noValidate>
          <div class="field">
            <label for="api-key">{T.apiKey}</label>
            <input
              id="api-key"
              name="api-key"
              type="password"
              autocomplete="off"
              value={key}
              aria-describedby="api-key-hint"
              aria-invalid={error !== null}
              onInput={(e) => setKey((e.target as HTMLInputElement).value)}
            />
            <p id="api-key-hint" class="hint">
              {T.apiKeyHint}
            </p>
          </div>
          {error !== null && (
            <p class="note note-bad" role="alert">
              {error}
            </p>
          )}
          <button type="submit" class="button button-primary" disabled={busy}>
            {T.submit}
          </button>
        </form>
      </div>
    </main>
  );
}
