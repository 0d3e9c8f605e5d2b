import { reorganise, testDialects } from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthWorld, authWorld, signIn } from './test-kit.js';

const NOTE = 'ghi chú nội bộ của phường';

/**
 * A merger across subtrees: ward 38101 of town 381 is merged into the sibling town 382. After it,
 * 382's history before the merger is the aggregate of its predecessors (the methodology's
 * lineage), so a reader of 382 (or of its public plan NQ-PUB) sees that aggregate as 382's
 * figure, but never the predecessor's own rows: its figures, notes, sources and ranking row stay
 * with those who may read 38101.
 */
describe.each(await testDialects())(
  'figures of a predecessor outside the reader’s subtree on %s',
  (dialect) => {
    let w: AuthWorld;
    let predecessorFigure: number;
    const as = async (name: string) => (await signIn(w.app, name)).headers;
    const get = async (url: string, name?: string) =>
      w.app.inject({ method: 'GET', url, ...(name ? { headers: await as(name) } : {}) });

    beforeAll(async () => {
      w = await authWorld(dialect);
      await w.user('xem-382', [{ role: 'viewer', unit: '382' }]);
      await w.user('quan-ly-382', [{ role: 'manager', unit: '382' }]);
      await w.user('xem-381', [{ role: 'viewer', unit: '381' }]);
      await w.user('quan-tri', [{ role: 'admin', unit: null }]);
      const db = w.t.handle.db;
      // 38101's 2021 GO, a year 382 has no figure of its own: 382's 2021 is then 38101's, aggregated.
      const template = await db
        .selectFrom('indicator_values')
        .innerJoin('units', 'units.id', 'indicator_values.unit_id')
        .selectAll('indicator_values')
        .where('units.code', '=', '38101')
        .where('indicator_values.year', '=', 2023)
        .executeTakeFirstOrThrow();
      const { id: _id, ...row } = template;
      const inserted = await db
        .insertInto('indicator_values')
        .values({ ...row, year: 2021, value: 3777, note: NOTE, source: 'Sổ phường' })
        .returning('id')
        .executeTakeFirstOrThrow();
      predecessorFigure = Number(inserted.id);
      await reorganise(db, { kind: 'merge', from: ['38101'], to: ['382'], effective: '2025-07-01' }, {});
    });
    afterAll(async () => w?.close());

    it("Given a viewer of the successor, When they read its series, Then the pre-merger years are the successor's aggregate, with no row of the predecessor", async () => {
      for (const name of ['xem-382', 'quan-ly-382']) {
        const res = await get('/api/units/382/figures?indicator=GO&from=2021&to=2023', name);
        expect(res.statusCode, name).toBe(200);
        const rows = res.json().rows as {
          year: number;
          value: number | null;
          origin: string;
          entered: unknown[];
        }[];
        const y2021 = rows.find((r) => r.year === 2021);
        expect(y2021?.value).toBe(3777);
        expect(y2021?.origin).not.toBe('entered');
        expect(y2021?.entered).toEqual([]);
        expect(res.body).not.toContain(NOTE);
        expect(res.body).not.toContain('Sổ phường');
        expect(res.body).not.toContain(`"id":${predecessorFigure}`);
      }
    });

    it('Given a viewer of the successor, When they address the predecessor or its figures, Then 403', async () => {
      for (const url of [
        '/api/units/38101/figures?indicator=GO',
        `/api/figures/${predecessorFigure}`,
        `/api/figures/${predecessorFigure}/history`,
        '/api/figures?unit=38101',
      ]) {
        const res = await get(url, 'xem-382');
        expect(res.statusCode, url).toBe(403);
        expect(res.body).not.toContain(NOTE);
      }
      const listed = await get('/api/figures?unit=382', 'xem-382');
      expect(listed.statusCode).toBe(200);
      expect(listed.body).not.toContain(NOTE);
    });

    it('Given a viewer of the successor, When they rank the units under it, Then the predecessor is not among the rows; a reader of it sees it', async () => {
      const url = '/api/rankings?indicator=GO&year=2021&parent=382';
      const successors = await get(url, 'xem-382');
      expect(successors.statusCode).toBe(200);
      expect(successors.body).not.toContain('38101');
      expect(successors.body).not.toContain('3777');
      const admins = await get(url, 'quan-tri');
      expect(admins.json().rows).toEqual([expect.objectContaining({ unit: '38101', value: 3777 })]);
    });

    it("Given a public plan on the successor, When anyone evaluates or exports it, Then they get its aggregate only, never the predecessor's rows", async () => {
      for (const name of [undefined, 'xem-382']) {
        const evaluation = await get('/api/plans/NQ-PUB/evaluation?year=2023', name);
        expect(evaluation.statusCode, name).toBe(200);
        expect(evaluation.body).not.toContain(NOTE);
        const file = await get('/api/plans/NQ-PUB/plan-file', name);
        expect(file.statusCode, name).toBe(200);
        const values = JSON.parse(file.body).values as { unit: string }[];
        expect(values.some((v) => v.unit === '38101')).toBe(false);
        expect(file.body).not.toContain(NOTE);
      }
      // A reader of the predecessor's old town still reads its own figures, note included.
      const own = await get(`/api/figures/${predecessorFigure}`, 'xem-381');
      expect(own.statusCode).toBe(200);
      expect(own.body).toContain(NOTE);
    });
  },
);
