import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testDialects } from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiToken } from '../routes/tokens/routes.js';
import { type AuthWorld, authWorld, signIn } from './test-kit.js';

type FileValue = { unit: string; indicator: string; year: number; note?: string | null };

/**
 * Issue 9, item 5: a plan file carries its unit's parent, siblings and children's figures (what
 * an evaluation reads); a reader takes away only what they may see.
 */
describe.each(await testDialects())('plan-file export by reader on %s', (dialect) => {
  let w: AuthWorld;
  const exported = async (plan: string, headers: Record<string, string> = {}) => {
    const res = await w.app.inject({ method: 'GET', url: `/api/plans/${plan}/plan-file`, headers });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    return JSON.parse(res.body) as { values: FileValue[] };
  };
  const unitsOf = (file: { values: FileValue[] }) => [...new Set(file.values.map((v) => v.unit))].sort();
  beforeAll(async () => {
    w = await authWorld(dialect);
    await w.user('xem', [{ role: 'viewer', unit: '381' }]);
    await w.user('quan-tri', [{ role: 'admin', unit: null }]);
    const db = w.t.handle.db;
    const unit382 = await db
      .selectFrom('units')
      .select('id')
      .where('code', '=', '382')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('indicator_values')
      .set({ note: 'ghi chú nội bộ 382' })
      .where('unit_id', '=', unit382.id)
      .execute();
  });
  afterAll(async () => w?.close());

  it("Given the public plan NQ-PUB of 382, When anyone exports it, Then only 382's figures, without notes", async () => {
    const file = await exported('NQ-PUB');
    expect(unitsOf(file)).toEqual(['382']);
    expect(file.values.length).toBeGreaterThan(0);
    expect(file.values.every((v) => v.note === undefined || v.note === null)).toBe(true);
    expect(JSON.stringify(file)).not.toContain('ghi chú');
    const yaml = await w.app.inject({ method: 'GET', url: '/api/plans/NQ-PUB/plan-file?format=yaml' });
    expect(yaml.body).not.toContain('ghi chú');
    expect(yaml.body).not.toContain("unit: '381'");
  });

  it('Given a viewer of 381, When they export their private plan NQ-XI, Then only the figures of 381 and its wards, notes included', async () => {
    const headers = (await signIn(w.app, 'xem')).headers;
    const file = await exported('NQ-XI', headers);
    for (const unit of unitsOf(file)) expect(['381', '38101', '38102']).toContain(unit);
    expect(file.values.some((v) => v.note === 'ước thực hiện')).toBe(true);
    // A public plan of 382: their own units' figures as they are, 382's without notes.
    const open = await exported('NQ-PUB', headers);
    expect(unitsOf(open)).toContain('382');
    for (const unit of unitsOf(open)) expect(['381', '38101', '38102', '382']).toContain(unit);
    expect(JSON.stringify(open)).not.toContain('ghi chú nội bộ');
  });

  it('Given an administrator, When they export, Then every figure the plan reads, notes included', async () => {
    const file = await exported('NQ-PUB', (await signIn(w.app, 'quan-tri')).headers);
    expect(unitsOf(file)).toEqual(expect.arrayContaining(['381', '382']));
    expect(JSON.stringify(file)).toContain('ghi chú nội bộ 382');
  });
});

/** Issue 9, item 9: who can never import is answered before a byte of a 60 MB body is read. */
describe.each(await testDialects())('refusal before the body on %s', (dialect) => {
  let w: AuthWorld;
  let port = 0;
  let managerToken = '';
  beforeAll(async () => {
    w = await authWorld(dialect);
    const id = await w.user('quan-ly', [{ role: 'manager', unit: '381' }]);
    managerToken = (
      await issueApiToken(w.t.handle.db, { userId: id, name: 't', days: 1, now: w.clock.now }, null)
    ).token;
    await w.app.listen({ port: 0, host: '127.0.0.1' });
    port = (w.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => w?.close());

  /**
   * Announce a 60 MB upload, send its first 64 KB and stop: a server that waited for the body
   * would never answer. Resolves with the status, or 0 when no answer comes in 5 seconds.
   */
  const upload = (headers: Record<string, string>) =>
    new Promise<number>((resolve) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/plan-files',
        headers: {
          'content-type': 'application/yaml',
          'content-length': String(60 * 1024 * 1024),
          ...headers,
        },
      });
      const timer = setTimeout(() => {
        req.destroy();
        resolve(0);
      }, 5000);
      req.on('response', (res) => {
        clearTimeout(timer);
        res.resume();
        req.destroy();
        resolve(res.statusCode ?? -1);
      });
      req.on('error', () => undefined);
      req.write(Buffer.alloc(64 * 1024, 'a'));
    });

  it('Given nobody signed in, When a 60 MB plan file is posted, Then 401 while the body is still unsent', async () => {
    expect(await upload({})).toBe(401);
  });

  it('Given a manager of one town, When they post a plan file (a global import), Then 403 while the body is still unsent', async () => {
    expect(await upload({ authorization: `Bearer ${managerToken}` })).toBe(403);
  });
});
