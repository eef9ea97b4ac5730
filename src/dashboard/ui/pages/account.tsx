/**
 * The signed-in user's own account, whatever the role: where they are signed in (each session can be
 * ended, or all but this one at once) and the second factor (TOTP: enrol with a key and a code, get
 * recovery codes once; turn it off with a code).
 */
import { useState } from 'preact/hooks';
import { dataOf, outcomeOf, problemText } from '../api.js';
import { dateTime } from '../format.js';
import { MESSAGES } from '../messages.js';
import { ConfirmButton, FormError, LoadState, Outcome, type OutcomeText, PageTitle, ShownOnce, Table } from '../parts.js';
import { api } from '../session.js';
import { useLoad } from '../use-load.js';

const T = MESSAGES.account;

export function AccountPage() {
  return (
    <>
      <PageTitle>{T.title}</PageTitle>
      <SessionsSection />
      <SecondFactorSection />
    </>
  );
}

function SessionsSection() {
  const loaded = useLoad(async () => dataOf(await api.GET('/api/v1/sessions')).data, []);
  const [outcome, setOutcome] = useState<OutcomeText | null>(null);
  const others = (loaded.data ?? []).filter((s) => !s.current);
  const revoke = (id: string) => api.DELETE('/api/v1/sessions/{session_id}', { params: { path: { session_id: id } } });

  async function signOutOthers() {
    const results = await Promise.all(others.map((s) => revoke(s.id)));
    const failed = results.find((r) => r.data === undefined);
    setOutcome(failed ? outcomeOf(failed, () => '') : { ok: true, text: T.othersEnded(results.length) });
    loaded.reload();
  }

  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">{T.sessionsTitle}</h2>
      <Outcome outcome={outcome} />
      <LoadState loaded={loaded} />
      {loaded.data !== null && (
        <>
          <Table
            caption={T.sessionsCaption}
            columns={[
              { label: T.col.where },
              { label: T.col.ip },
              { label: T.col.created },
              { label: T.col.lastSeen },
              { label: T.col.action },
            ]}
          >
            {loaded.data.map((s) => (
              <tr key={s.id}>
                <td class="wrap">{s.user_agent || '—'}</td>
                <td class="mono">{s.client_ip}</td>
                <td>{dateTime(s.created_at)}</td>
                <td>{dateTime(s.last_seen_at)}</td>
                <td>
                  {s.current ? (
                    <span class="badge badge-completed">{T.thisSession}</span>
                  ) : (
                    <button
                      type="button"
                      class="button"
                      aria-label={T.revokeLabel(`${s.client_ip}, ${dateTime(s.created_at)}`)}
                      onClick={async () => {
                        setOutcome(outcomeOf(await revoke(s.id), () => T.revoked));
                        loaded.reload();
                      }}
                    >
                      {T.revoke}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </Table>
          <p>
            {others.length === 0 ? (
              <span class="muted">{T.noOthers}</span>
            ) : (
              <ConfirmButton label={T.signOutOthers} question={T.signOutOthersQuestion} danger onConfirm={signOutOthers} />
            )}
          </p>
        </>
      )}
    </section>
  );
}

function SecondFactorSection() {
  const loaded = useLoad(async () => dataOf(await api.GET('/api/v1/session')), []);
  const [enrolling, setEnrolling] = useState<{ secret: string; uri: string } | null>(null);
  const [recovery, setRecovery] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<OutcomeText | null>(null);
  const enabled = loaded.data?.user.totp_enabled ?? false;

  async function begin() {
    const result = await api.POST('/api/v1/session/totp');
    if (result.data === undefined) return setError(problemText(result.error, result.response.status));
    setError(null);
    setEnrolling({ secret: result.data.secret, uri: result.data.otpauth_uri });
  }

  async function confirm(event: Event) {
    event.preventDefault();
    const result = await api.POST('/api/v1/session/totp/confirm', { body: { totp_code: code.replace(/\s+/g, '') } });
    if (result.data === undefined) return setError(problemText(result.error, result.response.status));
    setError(null);
    setCode('');
    setEnrolling(null);
    setRecovery(result.data.recovery_codes);
    loaded.reload();
  }

  async function disable(event: Event) {
    event.preventDefault();
    const typed = code.replace(/\s+/g, '');
    const body = /^\d{6}$/.test(typed) ? { totp_code: typed } : { recovery_code: typed };
    const result = await api.DELETE('/api/v1/session/totp', { body });
    if (result.data === undefined) return setError(problemText(result.error, result.response.status));
    setError(null);
    setCode('');
    setOutcome({ ok: true, text: T.totpDisabled });
    loaded.reload();
  }

  const codeField = (label: string) => (
    <div class="field">
      <label for="totp-code">{label}</label>
      <input
        id="totp-code"
        autocomplete="one-time-code"
        inputMode="numeric"
        required
        maxLength={32}
        value={code}
        onInput={(e) => setCode((e.target as HTMLInputElement).value)}
      />
    </div>
  );

  return (
    <section class="panel" aria-labelledby="totp-title">
      <h2 id="totp-title">{T.totpTitle}</h2>
      <LoadState loaded={loaded} />
      <Outcome outcome={outcome} />
      {recovery !== null && (
        <ShownOnce id="recovery-codes" title={T.recoveryTitle} note={T.recoveryOnce} values={recovery} onDone={() => setRecovery(null)} />
      )}
      {loaded.data !== null && (
        <>
          <p>{enabled ? T.totpOn : T.totpOff}</p>
          {enabled && <p class="muted">{T.recoveryLeft(loaded.data.recovery_codes_left)}</p>}
          {!enabled && enrolling === null && (
            <button type="button" class="button button-primary" onClick={begin}>
              {T.totpStart}
            </button>
          )}
          {!enabled && enrolling !== null && (
            <form onSubmit={confirm} class="narrow">
              <p>{T.totpSecret}</p>
              <p>
                {T.totpKey}:{' '}
                <code class="mono" data-testid="totp-secret">
                  {enrolling.secret}
                </code>
              </p>
              <p>
                <a href={enrolling.uri}>{T.totpLink}</a>
              </p>
              {codeField(T.totpCode)}
              <button type="submit" class="button button-primary">
                {T.totpConfirm}
              </button>
            </form>
          )}
          {enabled && (
            <form onSubmit={disable} class="narrow">
              {codeField(T.totpDisableCode)}
              <button type="submit" class="button button-danger">
                {T.totpDisable}
              </button>
            </form>
          )}
        </>
      )}
      <FormError message={error} />
    </section>
  );
}
