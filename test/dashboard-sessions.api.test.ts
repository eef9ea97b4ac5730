/**
 * Dashboard users and sessions through the API (issue 22), on both engines: login and logout, wrong
 * passwords, TOTP (RFC 6238's vectors) with replay refused, recovery codes once, throttling per account
 * and per client address, idle and absolute expiry on an injected clock, revocation, a viewer refused on
 * every state-changing route, CSRF and Origin checks, session fixation, and no secret anywhere it should not be.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../src/http/app.js';
import { base32Decode, base32Encode, totpAt } from '../src/modules/dashboard-users/totp.js';
import type { DashboardRole } from '../src/shared/catalogues/dashboard-roles.js';
import { fixedClock } from '../src/shared/clock.js';
import { ENGINES } from './db-harness.js';
import { startTestGateway, type TestGateway } from './gateway-harness.js';

/** RFC 6238 Appendix B: 1111111109 s is in step 0x23523EC (code 081804), 1111111111 s in the next (050471). */
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');
const T0 = 1_111_111_109_000;
const PASSWORD = 'correct horse battery staple';
const ORIGIN = 'http://127.0.0.1:8097';

interface LoginAnswer {
  status: number;
  token: string | null;
  setCookie: string;
  body: Record<string, unknown> & { csrf_token?: string; code?: string; detail?: string; errors?: Array<{ path: string }> };
  headers: LightMyRequestResponse['headers'];
}

interface Session {
  token: string;
  csrf: string;
}

describe.each(ENGINES)('dashboard sessions (%s)', (engine) => {
  let gw: TestGateway;
  const clock = fixedClock(T0);
  const logs: string[] = [];
  let seq = 0;

  beforeAll(async () => {
    const { pino } = await import('pino');
    const logger = pino({ level: 'trace' }, { write: (line: string) => void logs.push(line) });
    gw = await startTestGateway(engine, { clock, logger });
  });
  afterAll(async () => {
    await gw?.close();
  });

  const owner = { role: 'owner' as const, actor: 'test', requestId: null };

  async function newUser(role: DashboardRole, merchantId = gw.merchantId): Promise<{ id: string; email: string }> {
    const email = `user${++seq}-${role}@shop.example`;
    const created = await gw.core.dashboard.users.createUser({ merchantId, email, role, password: PASSWORD }, owner);
    return { id: created.user.id, email };
  }

  async function login(
    email: string,
    password = PASSWORD,
    extra: { totp_code?: string; recovery_code?: string } = {},
    options: { ip?: string; cookie?: string } = {},
  ): Promise<LoginAnswer> {
    const res = await gw.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      remoteAddress: options.ip ?? '10.0.0.1',
      headers: { 'content-type': 'application/json', ...(options.cookie ? { cookie: options.cookie } : {}) },
      payload: JSON.stringify({ email, password, ...extra }),
    });
    const setCookie = String(res.headers['set-cookie'] ?? '');
    const token = /tpg_session=([^;]*)/.exec(setCookie)?.[1] ?? null;
    return { status: res.statusCode, token: token || null, setCookie, body: res.json(), headers: res.headers };
  }

  async function loggedIn(email: string): Promise<Session> {
    const answer = await login(email);
    expect(answer.status).toBe(200);
    return { token: answer.token as string, csrf: answer.body.csrf_token as string };
  }

  function send(
    method: string,
    url: string,
    session: Session | null,
    options: { body?: unknown; csrf?: string | null; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (session) headers.cookie = `tpg_session=${session.token}`;
    const csrf = options.csrf === undefined ? session?.csrf : options.csrf;
    if (csrf !== null && csrf !== undefined) headers['x-csrf-token'] = csrf;
    let payload: string | undefined;
    if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    return gw.app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload } : {}) });
  }

  async function auditRows(action?: string) {
    let query = gw.db.db.selectFrom('audit_log').select(['actor', 'action', 'entity_id', 'before', 'after']).orderBy('seq', 'asc');
    if (action) query = query.where('action', '=', action);
    return query.execute();
  }

  it('logs in with a cookie that is HttpOnly, SameSite=Strict, Path=/ (not Secure over http), reads, and logs out', async () => {
    const user = await newUser('operator');
    const answer = await login(user.email.toUpperCase());
    expect(answer.status).toBe(200);
    expect(answer.token).toMatch(/^tpgs_[A-Za-z0-9_-]{43}$/);
    expect(answer.setCookie).toContain('HttpOnly');
    expect(answer.setCookie).toContain('SameSite=Strict');
    expect(answer.setCookie).toContain('Path=/');
    expect(answer.setCookie).toContain(`Max-Age=${12 * 3600}`);
    expect(answer.setCookie).not.toContain('Secure');
    expect(answer.body).toMatchObject({
      user: { id: user.id, email: user.email, role: 'operator', totp_enabled: false },
      recovery_codes_left: 0,
    });
    const session = { token: answer.token as string, csrf: answer.body.csrf_token as string };

    const me = await send('GET', '/api/v1/session', session);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: user.id }, csrf_token: session.csrf });
    expect((await send('GET', '/api/v1/payments', session)).statusCode).toBe(200);

    const out = await send('DELETE', '/api/v1/session', session);
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/^tpg_session=; .*Max-Age=0/);
    const after = await send('GET', '/api/v1/session', session);
    expect(after.statusCode).toBe(401);
    expect(after.json().detail).toContain('the session has ended');
    expect((await send('GET', '/api/v1/payments', session)).statusCode).toBe(401);

    const actions = (await auditRows()).filter((r) => r.actor === `user:${user.id}`).map((r) => r.action);
    expect(actions).toEqual(['session.created', 'session.logged_out']);
  });

  it('acts on the public API as the user: the audit log names user:<id>', async () => {
    const user = await newUser('operator');
    const session = await loggedIn(user.email);
    const [payer, payee] = gw.addresses;
    const created = await send('POST', '/api/v1/payments/create', session, {
      body: { amount: '12.5', payer_address: payer, payee_address: payee },
    });
    expect(created.statusCode).toBe(201);
    const record = (await auditRows('payment.created')).find((r) => r.entity_id === created.json().payment_id);
    expect(record?.actor).toBe(`user:${user.id}`);
    // an operator has no admin scope
    expect((await send('GET', '/api/v1/users', session)).statusCode).toBe(403);
  });

  it('answers the same 401 for a wrong password and an unknown e-mail, and records both without the password', async () => {
    const user = await newUser('viewer');
    const wrong = await login(user.email, 'not the password at all', {}, { ip: '10.9.0.1' });
    const unknown = await login('nobody@shop.example', 'not the password at all', {}, { ip: '10.9.0.1' });
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.token).toBeNull();
      expect(answer.body.detail).toBe('the e-mail or password is wrong');
    }
    const failures = await auditRows('session.login_failed');
    const reasons = failures.map((r) => JSON.parse(r.after as string).reason);
    expect(reasons).toEqual(expect.arrayContaining(['wrong_password', 'unknown_account']));
    expect(failures.every((r) => r.actor === 'client:10.9.0.1' || !r.actor.startsWith('user:'))).toBe(true);
    expect(JSON.stringify(failures)).not.toContain('not the password at all');
  });

  it('an Idempotency-Key replays only to the user who used it: another user of the merchant never gets that answer', async () => {
    const alice = await loggedIn((await newUser('admin')).email);
    const bob = await loggedIn((await newUser('admin')).email);
    const headers = { 'idempotency-key': 'enrol-totp-1' };
    const first = await send('POST', '/api/v1/session/totp', alice, { headers });
    expect(first.statusCode).toBe(200);
    const again = await send('POST', '/api/v1/session/totp', alice, { headers });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().secret).toBe(first.json().secret);
    // the same key and the same (empty) request from another user: refused, nothing of Alice's answer
    const other = await send('POST', '/api/v1/session/totp', bob, { headers });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
    expect(other.body).not.toContain(first.json().secret);
  });

  it('logs in with TOTP (RFC 6238 vectors), refuses a code of a step already used, and a recovery code once', async () => {
    clock.set(T0);
    const user = await newUser('admin');
    let session = await loggedIn(user.email);
    const begun = await send('POST', '/api/v1/session/totp', session);
    expect(begun.statusCode).toBe(200);
    expect(begun.json().otpauth_uri).toContain(`secret=${begun.json().secret}`);
    // confirm with the RFC's secret in place of the random one, so that the codes are the RFC's
    await gw.db.db
      .updateTable('dashboard_users')
      .set({ totp_pending_secret: base32Encode(RFC_SECRET) })
      .where('id', '=', user.id)
      .execute();
    expect(totpAt(RFC_SECRET, T0)).toBe('081804');
    const confirmed = await send('POST', '/api/v1/session/totp/confirm', session, { body: { totp_code: '081804' } });
    expect(confirmed.statusCode).toBe(200);
    const codes = confirmed.json().recovery_codes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await send('DELETE', '/api/v1/session', session)).statusCode).toBe(200);

    // password alone: asked for the code
    const bare = await login(user.email);
    expect(bare.status).toBe(401);
    expect(bare.body.errors?.[0]?.path).toBe('totp_code');
    // the step confirmed with is used: its code does not log in
    expect((await login(user.email, PASSWORD, { totp_code: '081804' })).status).toBe(401);
    clock.set(1_111_111_111_000);
    expect(totpAt(RFC_SECRET, clock.now())).toBe('050471');
    const withCode = await login(user.email, PASSWORD, { totp_code: '050471' });
    expect(withCode.status).toBe(200);
    // the same code again, within its window: refused
    expect((await login(user.email, PASSWORD, { totp_code: '050471' })).status).toBe(401);

    const recovery = await login(user.email, PASSWORD, { recovery_code: (codes[0] as string).toUpperCase() });
    expect(recovery.status).toBe(200);
    expect(recovery.body.recovery_codes_left).toBe(9);
    expect((await login(user.email, PASSWORD, { recovery_code: codes[0] as string })).status).toBe(401);
    session = { token: recovery.token as string, csrf: recovery.body.csrf_token as string };

    // disabling needs a code; a wrong one is refused
    expect((await send('DELETE', '/api/v1/session/totp', session, { body: { totp_code: '000000' } })).statusCode).toBe(422);
    const off = await send('DELETE', '/api/v1/session/totp', session, { body: { recovery_code: codes[1] } });
    expect(off.statusCode).toBe(200);
    expect(off.json().totp_enabled).toBe(false);
    expect((await login(user.email)).status).toBe(200);
    const totpActions = (await auditRows()).filter((r) => r.entity_id === user.id && r.action.includes('totp')).map((r) => r.action);
    expect(totpActions).toEqual(['dashboard_user.totp_enrolment_started', 'dashboard_user.totp_enabled', 'dashboard_user.totp_disabled']);
  });

  it('throttles an account after 5 failures in 15 minutes (429 with Retry-After, from any address), then lets it in', async () => {
    const user = await newUser('viewer');
    for (let i = 0; i < 5; i++) expect((await login(user.email, 'wrong password!', {}, { ip: `10.1.0.${i}` })).status).toBe(401);
    const locked = await login(user.email, PASSWORD, {}, { ip: '10.1.1.1' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(locked.body.detail).toContain('this account');
    const lockouts = (await auditRows('dashboard_user.locked_out')).filter((r) => r.entity_id === user.id);
    expect(lockouts).toHaveLength(1);
    clock.advance(15 * 60_000 + 1000);
    expect((await login(user.email, PASSWORD, {}, { ip: '10.1.1.1' })).status).toBe(200);
  });

  it('throttles a client address after 20 failures, whichever accounts it tries; other addresses still log in', async () => {
    const user = await newUser('viewer');
    for (let i = 0; i < 20; i++)
      expect((await login(`guess${i}@shop.example`, 'wrong password!', {}, { ip: '10.2.0.9' })).status).toBe(401);
    const blocked = await login(user.email, PASSWORD, {}, { ip: '10.2.0.9' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.detail).toContain('this client address');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(user.email, PASSWORD, {}, { ip: '10.2.0.10' })).status).toBe(200);
    expect((await auditRows('session.client_locked_out')).some((r) => JSON.parse(r.after as string).client_ip === '10.2.0.9')).toBe(true);
    clock.advance(15 * 60_000 + 1000);
  });

  it('ends a session after 30 idle minutes, and after 12 hours however active', async () => {
    const user = await newUser('viewer');
    const idle = await loggedIn(user.email);
    clock.advance(29 * 60_000);
    expect((await send('GET', '/api/v1/session', idle)).statusCode).toBe(200);
    clock.advance(29 * 60_000);
    expect((await send('GET', '/api/v1/session', idle)).statusCode).toBe(200);
    clock.advance(30 * 60_000);
    expect((await send('GET', '/api/v1/session', idle)).statusCode).toBe(401);

    const busy = await loggedIn(user.email);
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      clock.advance(20 * 60_000);
      expect((await send('GET', '/api/v1/payments', busy)).statusCode).toBe(200);
    }
    clock.advance(20 * 60_000);
    expect((await send('GET', '/api/v1/payments', busy)).statusCode).toBe(401);
  });

  it('lists and revokes sessions; another user’s session id is 404; disabling a user ends theirs', async () => {
    const user = await newUser('operator');
    const first = await loggedIn(user.email);
    const second = await loggedIn(user.email);
    const listed = await send('GET', '/api/v1/sessions', first);
    expect(listed.statusCode).toBe(200);
    const data = listed.json().data as Array<{ id: string; current: boolean }>;
    expect(data).toHaveLength(2);
    expect(data.filter((s) => s.current)).toHaveLength(1);
    const secondId = data.find((s) => !s.current)?.id as string;
    expect((await send('DELETE', `/api/v1/sessions/${secondId}`, first)).statusCode).toBe(200);
    expect((await send('GET', '/api/v1/session', second)).statusCode).toBe(401);
    expect((await send('GET', '/api/v1/session', first)).statusCode).toBe(200);

    const other = await newUser('operator');
    const otherSession = await loggedIn(other.email);
    expect((await send('DELETE', `/api/v1/sessions/${secondId}`, otherSession)).statusCode).toBe(404);

    const manager = await loggedIn((await newUser('admin')).email);
    const disabled = await send('DELETE', `/api/v1/users/${user.id}`, manager);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().status).toBe('disabled');
    expect((await send('GET', '/api/v1/session', first)).statusCode).toBe(401);
    expect((await login(user.email)).status).toBe(401);
  });

  it('refuses a viewer session on every state-changing route of the API, and lets it read', async () => {
    const viewer = await loggedIn((await newUser('viewer')).email);
    const writes: Array<[string, string]> = [];
    for (const route of registeredRoutes(gw.app)) {
      // public routes (login, checkout) and the session's own account are not role-guarded
      if (route.config.public === true || route.config.session === 'self') continue;
      for (const method of route.methods.filter((m) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m))) {
        writes.push([method, route.url.replace(/:[a-z_]+/g, 'x_0123456789abcdef')]);
      }
    }
    expect(writes.length).toBeGreaterThan(15);
    const answers = await Promise.all(
      writes.map(async ([method, url]) => [method, url, (await send(method, url, viewer, { body: {} })).statusCode]),
    );
    expect(answers.filter(([, , status]) => status !== 403)).toEqual([]);
    for (const url of ['/api/v1/payments', '/api/v1/wallet', '/api/v1/payments/analytics', '/api/v1/session']) {
      expect([url, (await send('GET', url, viewer)).statusCode]).toEqual([url, 200]);
    }
  });

  it('refuses a state change without the CSRF token, with a wrong one, or from another origin', async () => {
    const user = await newUser('operator');
    const session = await loggedIn(user.email);
    const [payer, payee] = gw.addresses;
    const body = { amount: '1', payer_address: payer, payee_address: payee };
    const missing = await send('POST', '/api/v1/payments/create', session, { body, csrf: null });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().detail).toContain('X-CSRF-Token');
    expect((await send('POST', '/api/v1/payments/create', session, { body, csrf: tampered(session.csrf) })).statusCode).toBe(403);
    const other = await loggedIn(user.email);
    expect((await send('POST', '/api/v1/payments/create', session, { body, csrf: other.csrf })).statusCode).toBe(403);
    const foreign = await send('POST', '/api/v1/payments/create', session, { body, headers: { origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().detail).toContain('origin');
    expect((await send('DELETE', '/api/v1/session', session, { csrf: null })).statusCode).toBe(403);
    expect((await send('POST', '/api/v1/payments/create', session, { body, headers: { origin: ORIGIN } })).statusCode).toBe(201);
    // API keys are unchanged: no CSRF token
    expect((await gw.call('POST', '/api/v1/payments/create', { key: gw.adminKey, body })).status).toBe(201);
    // login from another site's page
    const crossSiteLogin = await gw.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      payload: JSON.stringify({ email: user.email, password: PASSWORD }),
    });
    expect(crossSiteLogin.statusCode).toBe(403);
  });

  it('replaces a cookie planted before login: the planted one never becomes the victim’s session', async () => {
    const attacker = await newUser('viewer');
    const victim = await newUser('owner');
    const attackerSession = await loggedIn(attacker.email);
    const planted = `tpg_session=${attackerSession.token}`;
    const answer = await login(victim.email, PASSWORD, {}, { cookie: planted });
    expect(answer.status).toBe(200);
    expect(answer.token).not.toBe(attackerSession.token);
    const viaPlanted = await send('GET', '/api/v1/session', attackerSession);
    expect(viaPlanted.json().user.id).toBe(attacker.id);
    const viaNew = await send('GET', '/api/v1/session', { token: answer.token as string, csrf: '' });
    expect(viaNew.json().user.id).toBe(victim.id);

    const made = 'tpgs_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const second = await login(victim.email, PASSWORD, {}, { cookie: `tpg_session=${made}` });
    expect(second.token).not.toBe(made);
    expect((await send('GET', '/api/v1/session', { token: made, csrf: '' })).statusCode).toBe(401);
    // two session cookies (one tossed in from a sibling domain) authenticate neither
    const both = await gw.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: `${planted}; tpg_session=${answer.token}` },
    });
    expect(both.statusCode).toBe(401);
  });

  it('makes a one-time password be changed first, and manages users with the owner rules', async () => {
    const ownerUser = await newUser('owner');
    const ownerSession = await loggedIn(ownerUser.email);
    const invited = await send('POST', '/api/v1/users', ownerSession, { body: { email: 'New.Person@Shop.Example', role: 'operator' } });
    expect(invited.statusCode).toBe(201);
    const oneTime = invited.json().one_time_password as string;
    expect(oneTime).toMatch(/^[A-Za-z2-9]{20}$/);
    expect(invited.json()).toMatchObject({ email: 'new.person@shop.example', must_change_password: true });
    const list = await send('GET', '/api/v1/users', ownerSession);
    expect(JSON.stringify(list.json())).not.toContain(oneTime);

    const first = await login('new.person@shop.example', oneTime);
    expect(first.status).toBe(200);
    const fresh = { token: first.token as string, csrf: first.body.csrf_token as string };
    expect((await send('GET', '/api/v1/payments', fresh)).statusCode).toBe(403);
    const changed = await send('POST', '/api/v1/session/password', fresh, {
      body: { current_password: oneTime, new_password: 'a brand new passphrase' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().must_change_password).toBe(false);
    expect((await send('GET', '/api/v1/payments', fresh)).statusCode).toBe(200);

    // an admin cannot touch an owner, nor make one; the last owner stays
    const admin = await loggedIn((await newUser('admin')).email);
    expect((await send('PATCH', `/api/v1/users/${ownerUser.id}`, admin, { body: { role: 'viewer' } })).statusCode).toBe(403);
    expect((await send('DELETE', `/api/v1/users/${ownerUser.id}`, admin)).statusCode).toBe(403);
    expect((await send('POST', '/api/v1/users', admin, { body: { email: 'boss@shop.example', role: 'owner' } })).statusCode).toBe(403);
    const merchant = await gw.createMerchant();
    const soleOwner = await gw.core.dashboard.users.createUser(
      { merchantId: merchant.merchantId, email: 'sole@other.example', role: 'owner', password: PASSWORD },
      owner,
    );
    const sole = await loggedIn('sole@other.example');
    const demote = await send('PATCH', `/api/v1/users/${soleOwner.user.id}`, sole, { body: { role: 'admin' } });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().detail).toBe('the last owner cannot be demoted or disabled');
    // another merchant's user is 404
    expect((await send('DELETE', `/api/v1/users/${ownerUser.id}`, sole)).statusCode).toBe(404);
    const promoted = await send('PATCH', `/api/v1/users/${invited.json().id}`, ownerSession, { body: { role: 'admin' } });
    expect(promoted.json().role).toBe('admin');
    const changes = (await auditRows()).filter((r) => r.entity_id === invited.json().id).map((r) => [r.action, r.actor]);
    expect(changes).toContainEqual(['dashboard_user.created', `user:${ownerUser.id}`]);
    expect(changes).toContainEqual(['dashboard_user.password_changed', `user:${invited.json().id}`]);
    expect(changes).toContainEqual(['dashboard_user.role_changed', `user:${ownerUser.id}`]);
  });

  it('keeps one owner when the last two are demoted at the same moment', async () => {
    const merchant = await gw.createMerchant();
    const users = gw.core.dashboard.users;
    const owners = await Promise.all(
      ['a', 'b'].map((n) =>
        users.createUser(
          { merchantId: merchant.merchantId, email: `race-${n}-${++seq}@shop.example`, role: 'owner', password: PASSWORD },
          owner,
        ),
      ),
    );
    const results = await Promise.allSettled(owners.map((o) => users.changeRole(merchant.merchantId, o.user.id, 'admin', owner)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(String(refused.reason)).toContain('the last owner cannot be demoted or disabled');
    expect((await users.listUsers(merchant.merchantId)).filter((u) => u.role === 'owner')).toHaveLength(1);
  });

  it('keeps passwords, tokens, CSRF tokens, TOTP secrets and codes out of the logs and the audit log', async () => {
    const user = await newUser('owner');
    const answer = await login(user.email, PASSWORD, {}, {});
    const session = { token: answer.token as string, csrf: answer.body.csrf_token as string };
    const begun = (await send('POST', '/api/v1/session/totp', session)).json() as { secret: string };
    const code = totpAt(base32Decode(begun.secret) as Buffer, clock.now());
    const codes = (await send('POST', '/api/v1/session/totp/confirm', session, { body: { totp_code: code } })).json()
      .recovery_codes as string[];
    const invited = (
      await send('POST', '/api/v1/users', session, { body: { email: `invitee${++seq}@shop.example`, role: 'viewer' } })
    ).json();
    const me = await send('GET', '/api/v1/session', session);
    expect(JSON.stringify(me.json())).not.toContain(begun.secret);
    const secrets = [PASSWORD, session.token, session.csrf, begun.secret, invited.one_time_password as string, ...codes];
    const rows = JSON.stringify(await auditRows());
    const logText = logs.join('\n');
    expect(logText.length).toBeGreaterThan(1000);
    for (const secret of secrets) {
      expect(rows).not.toContain(secret);
      expect(logText).not.toContain(secret);
    }
    const stored = await gw.db.db.selectFrom('dashboard_sessions').select('token_hash').execute();
    expect(JSON.stringify(stored)).not.toContain(session.token);
  });

  it('forgets login failures past the window and sessions ended an absolute timeout ago (maintenance)', async () => {
    const user = await newUser('viewer');
    await login(user.email, 'wrong password!', {}, { ip: '10.3.0.1' });
    const live = await loggedIn(user.email);
    expect(await gw.count('dashboard_login_failures')).toBeGreaterThan(0);
    clock.advance(15 * 60_000 + 1);
    const early = await gw.core.dashboard.sessions.pruneStale();
    expect(early.login_failures).toBeGreaterThan(0);
    expect(await gw.count('dashboard_login_failures')).toBe(0);
    const sessionsBefore = await gw.count('dashboard_sessions');
    clock.advance(2 * 12 * 3_600_000);
    const late = await gw.core.dashboard.sessions.pruneStale();
    expect(late.sessions).toBe(sessionsBefore);
    expect(await gw.count('dashboard_sessions')).toBe(0);
    expect((await send('GET', '/api/v1/session', live)).statusCode).toBe(401);
  });

  it('sets the Secure flag when server.public_url is https', async () => {
    const secure = await startTestGateway(engine, { config: { server: { public_url: 'https://pay.shop.example' } } });
    try {
      await secure.core.dashboard.users.createUser(
        { merchantId: secure.merchantId, email: 'tls@shop.example', role: 'viewer', password: PASSWORD },
        owner,
      );
      const res = await secure.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'content-type': 'application/json', origin: 'https://pay.shop.example' },
        payload: JSON.stringify({ email: 'tls@shop.example', password: PASSWORD }),
      });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure$/);
    } finally {
      await secure.close();
    }
  });
});

/** The token with its last character changed: never equal to the original, whatever that character was. */
function tampered(token: string): string {
  return `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
}
