import { Writable } from 'node:stream';
import { listAudit, testDialects } from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthWorld, authWorld, type Browser, PASSWORD, signIn } from './test-kit.js';

const HOUR = 60 * 60_000;

describe.each(await testDialects())('accounts on %s', (dialect) => {
  let w: AuthWorld;
  let logs = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs += chunk;
      done();
    },
  });
  beforeAll(async () => {
    // Trace level: every request and reply is logged, so a secret in any of them would show.
    w = await authWorld(dialect, {
      logger: { level: 'trace', stream: sink },
      auth: { loginPerMinute: 1000 },
    });
    await w.user('root', [{ role: 'admin', unit: null }]);
    await w.user('lan', [{ role: 'editor', unit: '381' }]);
    await w.user('minh', [{ role: 'viewer', unit: '381' }]);
  });
  afterAll(async () => w?.close());

  const audit = (filter: Parameters<typeof listAudit>[1]) => listAudit(w.t.handle.db, filter);
  const newToken = (b: Browser, payload: object) =>
    w.app.inject({ method: 'POST', url: '/api/tokens', headers: b.headers, payload });

  describe('signing in', () => {
    it('gives an HttpOnly, SameSite=Lax session cookie and a CSRF token', async () => {
      const res = await w.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'lan', password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'chitieu_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(res.json()).toMatchObject({
        user: { username: 'lan', roles: [{ role: 'editor', unit: '381', indicators: null }] },
        csrfToken: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    });

    it('answers an unknown user and a wrong password alike', async () => {
      const unknown = await w.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'nobody', password: PASSWORD },
      });
      const wrong = await w.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'minh', password: 'sai-mật-khẩu-rồi' },
      });
      expect(unknown.statusCode).toBe(401);
      expect(wrong.statusCode).toBe(401);
      expect(unknown.body).toBe(wrong.body);
      expect(unknown.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    });

    it('locks a user name out after 5 failures in 15 minutes, with a clear message, known or not', async () => {
      for (const name of ['hoa', 'ghost']) {
        if (name === 'hoa') await w.user('hoa', [{ role: 'viewer', unit: '382' }]);
        const codes: number[] = [];
        for (let i = 0; i < 5; i++) {
          const r = await w.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: name, password: `wrong-${i}-xxxxxxxx` },
          });
          codes.push(r.statusCode);
        }
        expect(codes).toEqual([401, 401, 401, 401, 429]);
        // Even the right password is refused while locked.
        const locked = await w.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'accept-language': 'en' },
          payload: { username: name, password: PASSWORD },
        });
        expect(locked.statusCode).toBe(429);
        expect(locked.headers['retry-after']).toBe('900');
        expect(locked.json().error).toEqual({
          code: 'locked-out',
          message: 'Too many failed sign-ins: the account is locked for a few minutes; try again later.',
          details: [{ path: '', message: 'Try again in 15 minutes.' }],
        });
      }
      w.clock.now = new Date(w.clock.now.getTime() + 16 * 60_000);
      await signIn(w.app, 'hoa');
    });

    it('limits sign-in attempts per address', async () => {
      const strict = await authWorld(dialect, { auth: { loginPerMinute: 3 } });
      try {
        const codes: number[] = [];
        for (let i = 0; i < 4; i++) {
          const r = await strict.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: `u${i}`, password: 'x' },
          });
          codes.push(r.statusCode);
        }
        expect(codes).toEqual([401, 401, 401, 429]);
      } finally {
        await strict.close();
      }
    });
  });

  describe('sessions', () => {
    it('end after an hour idle, but not while used', async () => {
      const b = await signIn(w.app, 'minh');
      const whoami = async () =>
        (await w.app.inject({ url: '/api/auth/session', headers: b.headers })).json().user;
      const start = w.clock.now.getTime();
      w.clock.now = new Date(start + 50 * 60_000);
      expect((await whoami())?.username).toBe('minh');
      w.clock.now = new Date(start + 100 * 60_000); // 50 minutes after the last request
      expect((await whoami())?.username).toBe('minh');
      w.clock.now = new Date(start + 161 * 60_000); // 61 minutes idle
      expect(await whoami()).toBeNull();
    });

    it('end 12 hours after sign-in however busy', async () => {
      const b = await signIn(w.app, 'minh');
      const start = w.clock.now.getTime();
      for (let h = 0.5; h < 12; h += 0.5) {
        w.clock.now = new Date(start + h * HOUR);
        const r = await w.app.inject({ url: '/api/auth/session', headers: b.headers });
        expect(r.json().user?.username).toBe('minh');
      }
      w.clock.now = new Date(start + 12 * HOUR);
      expect((await w.app.inject({ url: '/api/auth/session', headers: b.headers })).json().user).toBeNull();
    });

    it('end on logout', async () => {
      const b = await signIn(w.app, 'minh');
      const out = await w.app.inject({ method: 'POST', url: '/api/auth/logout', headers: b.headers });
      expect(out.statusCode).toBe(204);
      const after = await w.app.inject({ url: '/api/workflow?plan=NQ-XI&unit=381', headers: b.headers });
      expect(after.statusCode).toBe(401);
    });

    it('of a disabled user end, tokens are refused, and the user cannot sign in', async () => {
      const id = await w.user('tuan', [{ role: 'editor', unit: '381' }]);
      const b = await signIn(w.app, 'tuan');
      const made = await newToken(b, { name: 'script' });
      const bearer = { authorization: `Bearer ${made.json().token}` };
      expect((await w.app.inject({ url: '/api/tokens', headers: bearer })).statusCode).toBe(200);
      const admin = await signIn(w.app, 'root');
      const off = await w.app.inject({
        method: 'PATCH',
        url: `/api/users/${id}`,
        headers: admin.headers,
        payload: { disabled: true },
      });
      expect(off.json()).toMatchObject({ username: 'tuan', disabled: true });
      expect((await w.app.inject({ url: '/api/auth/session', headers: b.headers })).json().user).toBeNull();
      expect((await w.app.inject({ url: '/api/tokens', headers: bearer })).statusCode).toBe(401);
      const again = await w.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'tuan', password: PASSWORD },
      });
      expect(again.statusCode).toBe(401);
    });

    it('change of password ends the other sessions and keeps this one', async () => {
      await w.user('thu', [{ role: 'viewer', unit: '381' }]);
      const here = await signIn(w.app, 'thu');
      const elsewhere = await signIn(w.app, 'thu');
      const wrong = await w.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: here.headers,
        payload: { current: 'not-it', password: 'mot-mat-khau-moi-dai' },
      });
      expect(wrong.statusCode).toBe(400);
      const ok = await w.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: here.headers,
        payload: { current: PASSWORD, password: 'mot-mat-khau-moi-dai' },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ sessionsEnded: 1, tokensRevoked: 0 });
      const who = async (h: { cookie: string }) =>
        (await w.app.inject({ url: '/api/auth/session', headers: h })).json().user?.username ?? null;
      expect(await who(here.headers)).toBe('thu');
      expect(await who(elsewhere.headers)).toBeNull();
      await signIn(w.app, 'thu', 'mot-mat-khau-moi-dai');
    });
  });

  describe('CSRF and tokens', () => {
    it('requires the CSRF token on writes made with the session cookie', async () => {
      const b = await signIn(w.app, 'lan');
      const payload = { name: 'x' };
      const none = await w.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie: b.cookie },
        payload,
      });
      const bad = await w.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie: b.cookie, 'x-csrf-token': 'f'.repeat(64) },
        payload,
      });
      expect([none.statusCode, bad.statusCode]).toEqual([403, 403]);
      expect(none.json().error.code).toBe('csrf-failed');
      const good = await w.app.inject({ method: 'POST', url: '/api/tokens', headers: b.headers, payload });
      expect(good.statusCode).toBe(201);
      // A reloaded page gets the same token back from the session.
      const session = await w.app.inject({ url: '/api/auth/session', headers: { cookie: b.cookie } });
      expect(session.json().csrfToken).toBe(b.csrf);
    });

    it('lets a signed-in browser sign in again without the CSRF token (the session is not used)', async () => {
      const b = await signIn(w.app, 'lan');
      const again = await w.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { cookie: b.cookie },
        payload: { username: 'minh', password: PASSWORD },
      });
      expect(again.json().user.username).toBe('minh');
    });

    it('lets a Bearer token act as its user without CSRF, audited as that user, and stores only its hash', async () => {
      const b = await signIn(w.app, 'lan');
      const made = await newToken(b, { name: 'thống kê', days: 30 });
      expect(made.statusCode).toBe(201);
      const { token, id, expiresAt } = made.json();
      expect(token).toMatch(/^ctk_[A-Za-z0-9_-]{43}$/);
      expect(expiresAt).toBe(new Date(w.clock.now.getTime() + 30 * 24 * HOUR).toISOString());
      const bearer = { authorization: `Bearer ${token}` };
      const step = await w.app.inject({
        method: 'POST',
        url: '/api/workflow/submit',
        headers: bearer,
        payload: { plan: 'NQ-XI', unit: '38101', year: 2021 },
      });
      expect(step.statusCode).toBe(200);
      const [entry] = await audit({ entity: 'workflow', id: 'NQ-XI/38101/2021' });
      expect(entry).toMatchObject({
        user: 'lan',
        action: 'submit',
        old: { state: 'draft' },
        new: { state: 'submitted' },
      });
      const listed = await w.app.inject({ url: '/api/tokens', headers: bearer });
      expect(listed.json().tokens.find((t: { id: number }) => t.id === id)).toMatchObject({
        name: 'thống kê',
      });
      // Only the SHA-256 is stored: the secret appears in no column of any token or session.
      const rows = JSON.stringify([
        await w.t.handle.db.selectFrom('api_tokens').selectAll().execute(),
        await w.t.handle.db.selectFrom('sessions').selectAll().execute(),
      ]);
      expect(rows).not.toContain(token.slice(4));
      expect(rows).not.toContain(b.cookie.split('=')[1]);
      // Revoked: refused.
      const revoke = await w.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: b.headers });
      expect(revoke.statusCode).toBe(204);
      const after = await w.app.inject({ url: '/api/tokens', headers: bearer });
      expect(after.statusCode).toBe(401);
      expect(after.json().error.code).toBe('invalid-token');
    });

    it('refuses an expired token', async () => {
      const b = await signIn(w.app, 'lan');
      const made = await newToken(b, { name: 'short', days: 1 });
      const bearer = { authorization: `Bearer ${made.json().token}` };
      expect((await w.app.inject({ url: '/api/tokens', headers: bearer })).statusCode).toBe(200);
      w.clock.now = new Date(w.clock.now.getTime() + 25 * HOUR);
      expect((await w.app.inject({ url: '/api/tokens', headers: bearer })).statusCode).toBe(401);
    });

    it('sends security headers', async () => {
      const res = await w.app.inject({ url: '/api/health' });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    });
  });

  it('never logs a password, a session cookie, a CSRF token or an API token', async () => {
    const b = await signIn(w.app, 'lan');
    const made = await newToken(b, { name: 'l' });
    await w.app.inject({ url: '/api/tokens', headers: { authorization: `Bearer ${made.json().token}` } });
    await w.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'lan', password: 'một-mật-khẩu-sai-hẳn' },
    });
    expect(logs).toContain('/api/auth/login'); // the log did capture these requests
    for (const secret of [
      PASSWORD,
      'một-mật-khẩu-sai-hẳn',
      b.cookie.split('=')[1],
      b.csrf,
      made.json().token,
    ]) {
      expect(logs).not.toContain(secret);
    }
    const audited = JSON.stringify(await audit({ limit: 1000 }));
    expect(audited).not.toContain(PASSWORD);
    expect(audited).not.toContain('$argon2id');
  });
});
