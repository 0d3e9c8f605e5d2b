import { type AuditRecord, listAudit, testDialects } from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthWorld, authWorld, type Browser, PASSWORD, signIn } from '../../auth/test-kit.js';

describe.each(await testDialects())('users, roles and tokens on %s', (dialect) => {
  let w: AuthWorld;
  let admin: Browser;
  beforeAll(async () => {
    w = await authWorld(dialect);
    await w.user('root', [{ role: 'admin', unit: null }]);
    admin = await signIn(w.app, 'root');
  });
  afterAll(async () => w?.close());

  /** Run `write`, and return the audit records it appended (newest last). */
  async function audited(write: () => Promise<{ statusCode: number; body: string }>, status: number) {
    const before = await listAudit(w.t.handle.db, { limit: 1 });
    const res = await write();
    expect(res.statusCode, res.body).toBe(status);
    const after = await listAudit(w.t.handle.db, { limit: 1000 });
    return after.filter((e) => e.id > (before[0]?.id ?? 0)).reverse();
  }
  const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, who = admin) =>
    w.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
  const pick = (e: AuditRecord | undefined) =>
    e && { user: e.user, action: e.action, entity: e.entity, entityId: e.entityId, old: e.old, new: e.new };

  let userId = 0;
  let tokenId = 0;

  it('every write appends exactly one audit record with the old and new values', async () => {
    const created = await audited(
      () =>
        send('POST', '/api/users', {
          username: 'Lan.Nguyen',
          password: PASSWORD,
          displayName: 'Nguyễn Thị Lan',
          roles: [{ role: 'editor', unit: '381', indicators: ['GO', 'IND'] }],
        }),
      201,
    );
    expect(created.map(pick)).toEqual([
      {
        user: 'root',
        action: 'create',
        entity: 'user',
        entityId: 'lan.nguyen',
        old: null,
        new: {
          username: 'lan.nguyen',
          displayName: 'Nguyễn Thị Lan',
          disabled: false,
          roles: ['editor@381[GO,IND]'],
        },
      },
    ]);
    const user = (await listAudit(w.t.handle.db, { entity: 'user', id: 'lan.nguyen' }))[0];
    expect(user?.ip).toBe('127.0.0.1');
    userId = Number(
      (
        await w.t.handle.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', 'lan.nguyen')
          .executeTakeFirst()
      )?.id,
    );

    const renamed = await audited(
      () => send('PATCH', `/api/users/${userId}`, { displayName: 'N. T. Lan' }),
      200,
    );
    expect(renamed.map(pick)).toEqual([
      {
        user: 'root',
        action: 'update',
        entity: 'user',
        entityId: 'lan.nguyen',
        old: { displayName: 'Nguyễn Thị Lan' },
        new: { displayName: 'N. T. Lan' },
      },
    ]);

    const roles = await audited(
      () =>
        send('PUT', `/api/users/${userId}/roles`, {
          roles: [
            { role: 'manager', unit: '381' },
            { role: 'viewer', unit: null },
          ],
        }),
      200,
    );
    expect(roles.map(pick)).toEqual([
      {
        user: 'root',
        action: 'update',
        entity: 'role',
        entityId: 'lan.nguyen',
        old: ['editor@381[GO,IND]'],
        new: ['manager@381', 'viewer@*'],
      },
    ]);

    const lan = await signIn(w.app, 'lan.nguyen');
    const token = await audited(() => send('POST', '/api/tokens', { name: 'báo cáo', days: 7 }, lan), 201);
    tokenId = Number(token[0]?.entityId);
    expect(token.map(pick)).toEqual([
      {
        user: 'lan.nguyen',
        action: 'create',
        entity: 'token',
        entityId: String(tokenId),
        old: null,
        new: { user: 'lan.nguyen', name: 'báo cáo', expiresAt: expect.any(String) },
      },
    ]);
    const revoked = await audited(() => send('DELETE', `/api/tokens/${tokenId}`, undefined, lan), 204);
    expect(revoked.map(pick)).toEqual([
      {
        user: 'lan.nguyen',
        action: 'revoke',
        entity: 'token',
        entityId: String(tokenId),
        old: { revokedAt: null },
        new: { revokedAt: expect.any(String) },
      },
    ]);

    const reset = await audited(
      () => send('PUT', `/api/users/${userId}/password`, { password: 'mat-khau-moi-1234' }),
      200,
    );
    expect(reset.map(pick)).toEqual([
      {
        user: 'root',
        action: 'change-password',
        entity: 'user',
        entityId: 'lan.nguyen',
        old: null,
        new: null,
      },
    ]);
    const ended = await audited(() => send('DELETE', `/api/users/${userId}/sessions`), 200);
    expect(ended.map((e) => [e.action, e.entityId, e.details])).toEqual([
      ['end-sessions', 'lan.nguyen', { ended: 0, tokensRevoked: 0 }],
    ]);

    const disabled = await audited(() => send('PATCH', `/api/users/${userId}`, { disabled: true }), 200);
    expect(disabled.map(pick)).toEqual([
      {
        user: 'root',
        action: 'update',
        entity: 'user',
        entityId: 'lan.nguyen',
        old: { disabled: false },
        new: { disabled: true },
      },
    ]);
    // Writing what is already there changes nothing, and audits nothing.
    expect(await audited(() => send('PATCH', `/api/users/${userId}`, { disabled: true }), 200)).toEqual([]);
  });

  it('audits sign-in and sign-out as the user', async () => {
    await w.user('hai', [{ role: 'viewer', unit: '382' }]);
    const login = await audited(
      () =>
        w.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'hai', password: PASSWORD },
        }),
      200,
    );
    expect(login.map((e) => [e.user, e.action, e.entity])).toEqual([['hai', 'login', 'session']]);
    const session = await signIn(w.app, 'hai');
    const logout = await audited(() => send('POST', '/api/auth/logout', undefined, session), 204);
    expect(logout.map((e) => [e.user, e.action, e.entity])).toEqual([['hai', 'logout', 'session']]);
  });

  it('says what is wrong with a new user, where', async () => {
    const taken = await send('POST', '/api/users', { username: 'root', password: PASSWORD, roles: [] });
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'username-taken']);
    const unit = await w.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { ...admin.headers, 'accept-language': 'en' },
      payload: { username: 'x1', password: PASSWORD, roles: [{ role: 'viewer', unit: '999' }] },
    });
    expect(unit.json().error.details).toEqual([
      { path: 'body.roles', message: 'No unit has the code "999".' },
    ]);
    const short = await send('POST', '/api/users', { username: 'x2', password: 'short', roles: [] });
    expect(short.json().error.details).toEqual([
      { path: 'body.password', message: 'Phải có ít nhất 10 ký tự.' },
    ]);
    const users = await w.app.inject({ url: '/api/users', headers: admin.headers });
    expect(users.body).not.toContain('argon2');
  });

  it("shows an editor's indicator limit with the roles", async () => {
    await w.user('kim', [{ role: 'editor', unit: '381', indicators: ['GO'] }]);
    const kim = await signIn(w.app, 'kim');
    const me = await w.app.inject({ url: '/api/auth/session', headers: kim.headers });
    expect(me.json().user.roles).toEqual([{ role: 'editor', unit: '381', indicators: ['GO'] }]);
  });

  it('keeps at least one enabled administrator of every unit', async () => {
    const rootId = Number(
      (await w.t.handle.db.selectFrom('users').select('id').where('username', '=', 'root').executeTakeFirst())
        ?.id,
    );
    const off = await send('PATCH', `/api/users/${rootId}`, { disabled: true });
    expect([off.statusCode, off.json().error.code]).toEqual([409, 'last-admin']);
    const demoted = await send('PUT', `/api/users/${rootId}/roles`, {
      roles: [{ role: 'viewer', unit: null }],
    });
    expect(demoted.statusCode).toBe(409);
    // Once a second administrator exists, the first may step down.
    await w.user('root2', [{ role: 'admin', unit: null }]);
    expect(
      (await send('PUT', `/api/users/${rootId}/roles`, { roles: [{ role: 'viewer', unit: null }] }))
        .statusCode,
    ).toBe(200);
  });
});
