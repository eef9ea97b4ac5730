/**
 * Sign-in with email and password; when the account has a second factor, the server says so and the
 * page asks for the authenticator code (or a recovery code) and signs in with all three.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { MESSAGES } from '../messages.js';
import { FormError, PageTitle } from '../parts.js';
import { logIn, type Session } from '../session.js';

const T = MESSAGES.login;

export function LoginPage(props: { onSignedIn: (session: Session) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [askCode, setAskCode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (askCode) codeInput.current?.focus();
  }, [askCode]);

  async function submit(event: Event) {
    event.preventDefault();
    if (email.trim() === '' || password === '') {
      setError(T.needBoth);
      return;
    }
    setBusy(true);
    setError(null);
    const outcome = await logIn(email.trim(), password, askCode ? code : '');
    setBusy(false);
    if ('session' in outcome) props.onSignedIn(outcome.session);
    else if ('needsSecondFactor' in outcome) setAskCode(true);
    else setError(`${T.failed}: ${outcome.error}`);
  }

  return (
    <main id="main" class="login">
      <div class="login-card">
        <p class="brand">{MESSAGES.product}</p>
        <PageTitle>{T.title}</PageTitle>
        <p class="muted">{T.intro}</p>
        <form onSubmit={submit} noValidate>
          <div class="field">
            <label for="email">{T.email}</label>
            <input
              id="email"
              name="email"
              type="email"
              autocomplete="username"
              value={email}
              onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="password">{T.password}</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              value={password}
              onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
            />
          </div>
          {askCode && (
            <div class="field">
              <label for="totp">{T.totp}</label>
              <input
                id="totp"
                name="totp"
                ref={codeInput}
                autocomplete="one-time-code"
                inputMode="numeric"
                aria-describedby="totp-hint"
                value={code}
                onInput={(e) => setCode((e.target as HTMLInputElement).value)}
              />
              <p id="totp-hint" class="hint">
                {T.totpHint}
              </p>
            </div>
          )}
          <FormError message={error} />
          <button type="submit" class="button button-primary" disabled={busy}>
            {T.submit}
          </button>
        </form>
      </div>
    </main>
  );
}
