import { type AuditRecord, listAudit, testDialects } from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthWorld, authWorld, type Browser, signIn } from '../../auth/test-kit.js';

/**
 * Every write through the API, whoever's routes they are, appends exactly one audit record that
 * names the user (session or token) and the address, with the old and new values.
 */
describe.each(await testDialects())('one audit record per write on %s', (dialect) => {
  let w: AuthWorld;
  let root: Browser;
  beforeAll(async () => {
    w = await authWorld(dialect);
    await w.user('root', [{ role: 'admin', unit: null }]);
    await w.user('hoa', [{ role: 'manager', unit: '381' }]);
    root = await signIn(w.app, 'root');
  });
  afterAll(async () => w?.close());

  const latestId = async () => (await listAudit(w.t.handle.db, { limit: 1 }))[0]?.id ?? 0;
  /** Send a write and return the audit records it appended. */
  async function write(
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
    headers: Record<string, string> = root.headers,
  ): Promise<{ status: number; body: Record<string, unknown>; entries: AuditRecord[] }> {
    const before = await latestId();
    const res = await w.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    const entries = (await listAudit(w.t.handle.db, { limit: 1000 })).filter((e) => e.id > before);
    return { status: res.statusCode, body: res.body ? res.json() : {}, entries };
  }
  const shape = (e: AuditRecord | undefined) =>
    e && {
      user: e.user,
      ip: e.ip,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      old: e.old,
      new: e.new,
    };

  it('units: create, rename, delete', async () => {
    const created = await write('POST', '/api/units', {
      code: '384',
      name: 'Huyện Nga Sơn',
      level: 'district',
      parent: '38',
    });
    expect(created.status).toBe(201);
    expect(created.entries).toHaveLength(1);
    expect(shape(created.entries[0])).toMatchObject({
      user: 'root',
      ip: '127.0.0.1',
      action: 'create',
      entity: 'unit',
      entityId: '384',
      old: null,
      new: expect.objectContaining({ name: 'Huyện Nga Sơn' }),
    });
    const renamed = await write('PATCH', '/api/units/384', { name: 'Huyện Nga Sơn (mới)', version: 1 });
    expect(renamed.status).toBe(200);
    expect(renamed.entries.map(shape)).toEqual([
      expect.objectContaining({
        action: 'update',
        entity: 'unit',
        entityId: '384',
        old: expect.objectContaining({ name: 'Huyện Nga Sơn' }),
        new: expect.objectContaining({ name: 'Huyện Nga Sơn (mới)' }),
      }),
    ]);
    const deleted = await write('DELETE', '/api/units/384', undefined, {
      ...root.headers,
      'if-match': '"2"',
    });
    expect(deleted.status).toBe(204);
    expect(deleted.entries.map((e) => [e.action, e.entity, e.entityId, e.new])).toEqual([
      ['delete', 'unit', '384', null],
    ]);
  });

  it('figures: enter and correct, by a token as its user', async () => {
    const made = await w.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: root.headers,
      payload: { name: 't' },
    });
    const bearer = { authorization: `Bearer ${made.json().token}` };
    const entered = await write(
      'POST',
      '/api/figures',
      { indicator: 'GO', unit: '382', year: 2024, status: 'estimate', value: 33000 },
      bearer,
    );
    expect(entered.status).toBe(201);
    expect(entered.entries.map(shape)).toEqual([
      {
        user: 'root',
        ip: '127.0.0.1',
        action: 'create',
        entity: 'figure',
        entityId: '382/GO/2024',
        old: null,
        new: { value: 33000, status: 'estimate', source: null, note: null },
      },
    ]);
    const id = entered.body.id;
    const corrected = await write('PATCH', `/api/figures/${id}`, { value: 33150, version: 1 }, bearer);
    expect(corrected.status).toBe(200);
    expect(corrected.entries.map((e) => [e.action, e.old, e.new])).toEqual([
      [
        'update',
        { value: 33000, status: 'estimate', source: null, note: null },
        { value: 33150, status: 'estimate', source: null, note: null },
      ],
    ]);
  });

  it('plans: a manager makes their plan public', async () => {
    const hoa = await signIn(w.app, 'hoa');
    const version = Number(
      (
        await w.t.handle.db
          .selectFrom('plans')
          .select('version')
          .where('code', '=', 'NQ-XI')
          .executeTakeFirst()
      )?.version,
    );
    const changed = await write('PATCH', '/api/plans/NQ-XI', { visibility: 'public', version }, hoa.headers);
    expect(changed.status).toBe(200);
    expect(changed.entries.map(shape)).toEqual([
      expect.objectContaining({
        user: 'hoa',
        action: 'update',
        entity: 'plan',
        entityId: 'NQ-XI',
        old: expect.objectContaining({ visibility: 'private' }),
        new: expect.objectContaining({ visibility: 'public' }),
      }),
    ]);
  });

  it('a refused write appends nothing', async () => {
    const refused = await write('POST', '/api/units', { code: '38', name: 'again', level: 'province' });
    expect(refused.status).toBe(409);
    expect(refused.entries).toEqual([]);
  });
});
