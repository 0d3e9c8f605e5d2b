import { testDialects } from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthWorld, authWorld, type Browser, PASSWORD, signIn } from './test-kit.js';

/** The access cases, through the domain routes: who sees which plan, who writes which unit. */
describe.each(await testDialects())('who sees and writes what on %s', (dialect) => {
  let w: AuthWorld;
  let editor: Browser;
  let viewer: Browser;
  beforeAll(async () => {
    w = await authWorld(dialect);
    await w.user('lan', [{ role: 'editor', unit: '381' }]);
    await w.user('minh', [{ role: 'viewer', unit: '381' }]);
    [editor, viewer] = await Promise.all([signIn(w.app, 'lan'), signIn(w.app, 'minh')]);
  });
  afterAll(async () => w?.close());

  const plans = async (headers: object) =>
    (await w.app.inject({ url: '/api/plans', headers }))
      .json()
      .items.map((p: { code: string }) => p.code)
      .sort();
  const plan = async (code: string, headers: object) =>
    (await w.app.inject({ url: `/api/plans/${code}`, headers })).statusCode;

  it('shows nobody signed in the public plans only', async () => {
    expect(await plans({})).toEqual(['NQ-PUB']);
    expect(await plan('NQ-PUB', {})).toBe(200);
    expect(await plan('NQ-XI', {})).toBe(401);
    expect(await plan('NQ-382', {})).toBe(401);
  });

  it("does not show a private plan's parts through a public plan's address", async () => {
    const db = w.t.handle.db;
    const plan = await db
      .selectFrom('plans')
      .select('id')
      .where('code', '=', 'NQ-XI')
      .executeTakeFirstOrThrow();
    const target = await db
      .selectFrom('targets')
      .select('id')
      .where('plan_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    const program = await db
      .selectFrom('programs')
      .select('id')
      .where('plan_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    const task = await db
      .selectFrom('tasks')
      .select('id')
      .where('program_id', '=', program.id)
      .executeTakeFirstOrThrow();
    for (const [part, id] of [
      ['targets', target.id],
      ['programs', program.id],
      ['tasks', task.id],
      ['tasks', `${task.id}/notes`],
    ] as const) {
      const res = await w.app.inject({ url: `/api/plans/NQ-PUB/${part}/${id}` });
      expect([part, res.statusCode]).toEqual([part, 404]);
    }
  });

  it("shows an editor their units' plans and public ones, never another unit's private plan", async () => {
    expect(await plans(editor.headers)).toEqual(['NQ-PUB', 'NQ-XI']);
    expect(await plan('NQ-XI', editor.headers)).toBe(200);
    expect(await plan('NQ-382', editor.headers)).toBe(403);
  });

  it("lets an editor write their units' figures only, and a viewer none", async () => {
    const figure = (who: Browser, unit: string) =>
      w.app.inject({
        method: 'POST',
        url: '/api/figures',
        headers: who.headers,
        payload: { indicator: 'GO', unit, year: 2025, status: 'estimate', value: 23000 },
      });
    expect((await figure(editor, '382')).statusCode).toBe(403);
    expect((await figure(viewer, '381')).statusCode).toBe(403);
    expect((await figure(editor, '38101')).statusCode).toBe(201); // a ward of the town
  });

  it('keeps passwords only as argon2id hashes', async () => {
    const rows = await w.t.handle.db.selectFrom('users').select(['username', 'password_hash']).execute();
    expect(rows.every((r) => r.password_hash.startsWith('$argon2id$v=19$'))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
  });
});
