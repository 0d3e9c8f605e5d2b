import { testDialects } from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiToken } from '../routes/tokens/routes.js';
import { type AuthWorld, authWorld, PASSWORD, signIn } from './test-kit.js';

/** Issue 9, item 6: nothing signed in with old credentials outlives a password change or "end all sessions". */
describe.each(await testDialects())('tokens after account recovery on %s', (dialect) => {
  let w: AuthWorld;
  let lan = 0;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const tokenFor = async (userId: number) =>
    (await issueApiToken(w.t.handle.db, { userId, name: 'script', days: 30, now: w.clock.now }, null)).token;
  const works = async (token: string) =>
    (await w.app.inject({ method: 'GET', url: '/api/tokens', headers: bearer(token) })).statusCode;
  beforeAll(async () => {
    w = await authWorld(dialect, { auth: { tokenMaxDays: 400 } });
    lan = await w.user('lan', [{ role: 'editor', unit: '381' }]);
    await w.user('quan-tri', [{ role: 'admin', unit: null }]);
  });
  afterAll(async () => w?.close());

  it('Given a token, When its owner changes the password, Then the token is refused and the answer says it was revoked', async () => {
    const token = await tokenFor(lan);
    expect(await works(token)).toBe(200);
    const session = await signIn(w.app, 'lan');
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { ...session.headers, 'accept-language': 'en' },
      payload: { current: PASSWORD, password: 'mat-khau-moi-rat-dai-1' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ sessionsEnded: 0, tokensRevoked: 1 });
    expect(res.json().message).toContain('1 API token(s)');
    expect(await works(token)).toBe(401);
    // The session that made the change goes on.
    expect(
      (await w.app.inject({ url: '/api/auth/session', headers: session.headers })).json().user.username,
    ).toBe('lan');
  });

  it('Given a token, When an administrator resets the password or ends all sessions, Then the token is refused', async () => {
    const admin = (await signIn(w.app, 'quan-tri')).headers;
    const first = await tokenFor(lan);
    const reset = await w.app.inject({
      method: 'PUT',
      url: `/api/users/${lan}/password`,
      headers: admin,
      payload: { password: PASSWORD },
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ tokensRevoked: 1 });
    expect(await works(first)).toBe(401);

    const second = await tokenFor(lan);
    const session = await signIn(w.app, 'lan');
    const ended = await w.app.inject({ method: 'DELETE', url: `/api/users/${lan}/sessions`, headers: admin });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ ended: 1, sessionsEnded: 1, tokensRevoked: 1 });
    expect(ended.json().message).toContain('thu hồi 1 mã truy cập API');
    expect(await works(second)).toBe(401);
    expect(
      (await w.app.inject({ url: '/api/auth/session', headers: session.headers })).json().user,
    ).toBeNull();
  });

  it('Given a token, When it asks for a new token, Then 403 session-required; a signed-in browser may', async () => {
    const token = await tokenFor(lan);
    const minted = await w.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer(token),
      payload: { name: 'con', days: 30 },
    });
    expect(minted.statusCode).toBe(403);
    expect(minted.json().error.code).toBe('session-required');
    const session = await signIn(w.app, 'lan');
    const made = await w.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: session.headers,
      payload: { name: 'trình duyệt', days: 30 },
    });
    expect(made.statusCode).toBe(201);
  });

  it('Given the configured maximum of 400 days, When a token for longer is asked, Then 400 on body.days; 400 days is fine', async () => {
    const session = await signIn(w.app, 'lan');
    const tooLong = await w.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { ...session.headers, 'accept-language': 'en' },
      payload: { name: 'ba năm', days: 1096 },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details).toEqual([{ path: 'body.days', message: 'At most 400 days.' }]);
    const longest = await w.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: session.headers,
      payload: { name: 'một năm', days: 400 },
    });
    expect(longest.statusCode).toBe(201);
    const days = (Date.parse(longest.json().expiresAt) - w.clock.now.getTime()) / 86_400_000;
    expect(days).toBe(400);
    // The same limit for every caller of issueApiToken (the CLI): a year by default.
    await expect(issueApiToken(w.t.handle.db, { userId: lan, name: 'x', days: 366 }, null)).rejects.toThrow(
      RangeError,
    );
  });
});

/** Issue 9, item 10: lock-out per user name and address, an administrator's unlock, atomic counting. */
describe.each(await testDialects())('sign-in lock-out on %s', (dialect) => {
  let w: AuthWorld;
  const login = (username: string, password: string, remoteAddress = '10.0.0.66') =>
    w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
  beforeAll(async () => {
    w = await authWorld(dialect, { auth: { loginPerMinute: 1000 } });
    await w.user('admin', [{ role: 'admin', unit: null }]);
    await w.user('root', [{ role: 'admin', unit: null }]);
    await w.user('lan', [{ role: 'viewer', unit: '381' }]);
  });
  afterAll(async () => w?.close());

  it('Given 5 bad passwords for admin from one address, When admin signs in from another address, Then 200; from the first, 429', async () => {
    for (let i = 0; i < 4; i++) expect((await login('admin', `sai-${i}`)).statusCode).toBe(401);
    expect((await login('admin', 'sai-4')).statusCode).toBe(429);
    const locked = await login('admin', PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('900');
    expect((await login('admin', PASSWORD, '192.168.1.20')).statusCode).toBe(200);
  });

  it('Given a locked user name, When an administrator unlocks it, Then the locked address may sign in and the unlock is audited', async () => {
    for (let i = 0; i < 6; i++) await login('lan', `sai-${i}`);
    expect((await login('lan', PASSWORD)).statusCode).toBe(429);
    const root = await signIn(w.app, 'root');
    const viewer = await signIn(w.app, 'lan').catch(() => null);
    expect(viewer).not.toBeNull(); // from inject's own address: not locked there
    const refused = await w.app.inject({
      method: 'POST',
      url: '/api/users/lan/unlock',
      headers: viewer?.headers,
    });
    expect(refused.statusCode).toBe(403);
    const unlocked = await w.app.inject({
      method: 'POST',
      url: '/api/users/lan/unlock',
      headers: root.headers,
    });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toEqual({ username: 'lan', cleared: 1 });
    expect((await login('lan', PASSWORD)).statusCode).toBe(200);
    const audit = await w.app.inject({ url: '/api/audit?entity=user&id=lan', headers: root.headers });
    expect(audit.json().entries.map((e: { action: string }) => e.action)).toContain('unlock');
    const nobody = await w.app.inject({
      method: 'POST',
      url: '/api/users/khong-co/unlock',
      headers: root.headers,
    });
    expect(nobody.statusCode).toBe(404);
  });

  it('Given 25 wrong passwords sent at once, When they are counted, Then no more than 5 are checked', async () => {
    await w.user('song-song', [{ role: 'viewer', unit: '381' }]);
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => login('song-song', `doan-sai-${i}`, '10.9.9.9')),
    );
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(4);
    expect(codes.filter((c) => c === 429)).toHaveLength(21);
    // Only checked passwords leave a failure row: exactly the limit.
    const checked = await w.t.handle.db
      .selectFrom('login_failures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('username', '=', 'song-song')
      .executeTakeFirstOrThrow();
    expect(Number(checked.n)).toBe(5);
    // The right password from there is locked out too; the lock ends after 15 minutes.
    expect((await login('song-song', PASSWORD, '10.9.9.9')).statusCode).toBe(429);
    w.clock.now = new Date(w.clock.now.getTime() + 15 * 60_000 + 1);
    expect((await login('song-song', PASSWORD, '10.9.9.9')).statusCode).toBe(200);
  });
});

/** Issue 9, item 10: behind a TLS proxy the cookie is Secure when TRUST_PROXY says to believe it. */
describe.each(await testDialects())('a trusted proxy on %s', (dialect) => {
  it('Given trustProxy, When sign-in arrives with X-Forwarded-Proto https, Then the cookie is Secure and the address is the client’s', async () => {
    const trusting = await authWorld(dialect, { trustProxy: true });
    const plain = await authWorld(dialect);
    try {
      for (const w of [trusting, plain]) await w.user('lan', [{ role: 'viewer', unit: '381' }]);
      const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' };
      const payload = { username: 'lan', password: PASSWORD };
      const behind = await trusting.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload });
      expect(behind.statusCode).toBe(200);
      expect(behind.cookies.find((c) => c.name === 'chitieu_session')?.secure).toBe(true);
      const session = await trusting.t.handle.db
        .selectFrom('sessions')
        .select('ip')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(session.ip).toBe('203.0.113.7');
      // Not trusted: a client cannot claim HTTPS or another address.
      const direct = await plain.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload });
      expect(direct.cookies.find((c) => c.name === 'chitieu_session')?.secure).toBeFalsy();
    } finally {
      await trusting.close();
      await plain.close();
    }
  });
});
