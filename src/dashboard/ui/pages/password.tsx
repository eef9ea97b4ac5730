/** Replacing a one-time password (a new user's, or after a reset): the API refuses everything else until then. */
import { useState } from 'preact/hooks';
import { problemText } from '../api.js';
import { MESSAGES } from '../messages.js';
import { FormError, PageTitle } from '../parts.js';
import { api, passwordChanged, type Session } from '../session.js';

const T = MESSAGES.password;

export function ChangePasswordPage(props: { onChanged: (session: Session | null) => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const {
      data,
      error: problem,
      response,
    } = await api.POST('/api/v1/session/password', {
      body: { current_password: current, new_password: next },
    });
    if (data === undefined) {
      setError(problemText(problem, response.status));
      return;
    }
    props.onChanged(passwordChanged());
  }

  return (
    <>
      <PageTitle>{T.title}</PageTitle>
      <p>{T.intro}</p>
      <form onSubmit={submit} class="panel narrow">
        <div class="field">
          <label for="current-password">{T.current}</label>
          <input
            id="current-password"
            type="password"
            autocomplete="current-password"
            value={current}
            onInput={(e) => setCurrent((e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="new-password">{T.next}</label>
          <input
            id="new-password"
            type="password"
            autocomplete="new-password"
            aria-describedby="new-password-hint"
            value={next}
            onInput={(e) => setNext((e.target as HTMLInputElement).value)}
          />
          <p id="new-password-hint" class="hint">
            {T.nextHint}
          </p>
        </div>
        <FormError message={error} />
        <button type="submit" class="button button-primary">
          {T.submit}
        </button>
      </form>
    </>
  );
}
