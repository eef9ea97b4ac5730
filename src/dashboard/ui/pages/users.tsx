/**
 * Users: who may use this merchant's dashboard, with their role. An owner invites a user (a one-time
 * password, shown once), changes roles, disables a user and resets a password (both end the user's
 * sessions); an admin sees the list only. The API enforces the same: only an owner touches an owner.
 */
import { useState } from 'preact/hooks';
import { dataOf, outcomeOf, problemText } from '../api.js';
import { dateTime } from '../format.js';
import { MESSAGES } from '../messages.js';
import { ConfirmButton, FormError, LoadState, Outcome, type OutcomeText, PageTitle, ShownOnce, Table } from '../parts.js';
import { api, type Role } from '../session.js';
import { useLoad } from '../use-load.js';

const T = MESSAGES.users;
const ROLES = ['owner', 'admin', 'operator', 'viewer'] as const;

/** only owners manage users from the dashboard; admins see who has access */
export function managesUsers(role: Role): boolean {
  return role === 'owner';
}

function RoleOptions() {
  return (
    <>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {MESSAGES.roles[r]} — {T.roleHelp[r]}
        </option>
      ))}
    </>
  );
}

export function UsersPage(props: { role: Role }) {
  const loaded = useLoad(async () => dataOf(await api.GET('/api/v1/users')).data, []);
  const [outcome, setOutcome] = useState<OutcomeText | null>(null);
  const [password, setPassword] = useState<{ email: string; password: string } | null>(null);
  const manage = managesUsers(props.role);
  const userPath = (id: string) => ({ params: { path: { user_id: id } } });

  async function act(
    result: Promise<{ data?: { email: string }; error?: unknown; response: { status: number } }>,
    success: (email: string) => string,
  ) {
    setOutcome(outcomeOf(await result, (user) => success(user.email)));
    loaded.reload();
  }

  async function resetPassword(id: string) {
    const result = await api.POST('/api/v1/users/{user_id}/reset-password', userPath(id));
    if (result.data) setPassword({ email: result.data.email, password: result.data.one_time_password });
    setOutcome(result.data ? null : { ok: false, text: problemText(result.error, result.response.status) });
    loaded.reload();
  }

  return (
    <>
      <PageTitle>{T.title}</PageTitle>
      {!manage && <p class="muted">{T.onlyOwners}</p>}
      {manage && (
        <InviteForm
          onInvited={(email, oneTime) => {
            setPassword({ email, password: oneTime });
            setOutcome(null);
            loaded.reload();
          }}
        />
      )}
      {password !== null && (
        <ShownOnce
          id="one-time-password"
          title={T.passwordTitle(password.email)}
          note={T.passwordOnce}
          values={[password.password]}
          onDone={() => setPassword(null)}
        />
      )}
      <Outcome outcome={outcome} />
      <LoadState loaded={loaded} />
      {loaded.data !== null && (
        <Table
          caption={T.caption}
          columns={[
            { label: T.col.email },
            { label: T.col.role },
            { label: T.col.status },
            { label: T.col.totp },
            { label: T.col.created },
            manage && { label: T.col.action },
          ]}
        >
          {loaded.data.map((u) => (
            <tr key={u.id}>
              <td>{u.email}</td>
              <td>
                {manage && u.status === 'active' ? (
                  <select
                    aria-label={T.changeRole(u.email)}
                    value={u.role}
                    onChange={(e) => {
                      const role = (e.target as HTMLSelectElement).value as Role;
                      act(api.PATCH('/api/v1/users/{user_id}', { ...userPath(u.id), body: { role } }), (email) =>
                        T.roleChanged(email, MESSAGES.roles[role]),
                      );
                    }}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {MESSAGES.roles[r]}
                      </option>
                    ))}
                  </select>
                ) : (
                  MESSAGES.roles[u.role]
                )}
              </td>
              <td>
                <span class={`badge badge-${u.status === 'active' ? 'completed' : 'cancelled'}`}>{T.status[u.status]}</span>
              </td>
              <td>{T.totp(u.totp_enabled)}</td>
              <td>{dateTime(u.created_at)}</td>
              {manage && (
                <td class="row-actions">
                  {u.status === 'active' && (
                    <>
                      <ConfirmButton label={T.reset} question={T.resetQuestion(u.email)} onConfirm={() => resetPassword(u.id)} />{' '}
                      <ConfirmButton
                        label={T.disable}
                        question={T.disableQuestion(u.email)}
                        danger
                        onConfirm={() => act(api.DELETE('/api/v1/users/{user_id}', userPath(u.id)), T.disabled)}
                      />
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

function InviteForm(props: { onInvited: (email: string, oneTimePassword: string) => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    const result = await api.POST('/api/v1/users', { body: { email: email.trim(), role } });
    setBusy(false);
    if (result.data === undefined) {
      setError(problemText(result.error, result.response.status));
      return;
    }
    setError(null);
    setEmail('');
    props.onInvited(result.data.email, result.data.one_time_password);
  }

  return (
    <section class="panel" aria-labelledby="invite-title">
      <h2 id="invite-title">{T.inviteTitle}</h2>
      <form class="inline-form" onSubmit={submit}>
        <div class="field field-wide">
          <label for="invite-email">{T.email}</label>
          <input
            id="invite-email"
            type="email"
            autocomplete="off"
            required
            maxLength={254}
            value={email}
            onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="invite-role">{T.role}</label>
          <select id="invite-role" value={role} onChange={(e) => setRole((e.target as HTMLSelectElement).value as Role)}>
            <RoleOptions />
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {T.invite}
          </button>
        </div>
      </form>
      <FormError message={error} />
    </section>
  );
}
