import { testDialects } from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DomainWorld, domainWorld } from '../domain-test-kit.js';

const CHILDREN = 2_000;
const FIRST_YEAR = 1950;
const YEARS = 100; // 2.000 units × 100 years = 200.000 values of one indicator

/**
 * `GET /api/units/{code}/figures` on a hierarchy holding 200.000 values of the indicator: the year
 * range used to come from `Math.min(...years)`, which throws a RangeError past ~120.000 arguments.
 */
describe.each(await testDialects())('a unit series over 200.000 values on %s', (dialect) => {
  let w: DomainWorld;
  beforeAll(async () => {
    w = await domainWorld(dialect);
    const unit = await w.call('POST', '/api/units', { code: 'BIG', name: 'Tỉnh lớn', level: 'province' });
    expect(unit.statusCode, unit.body).toBe(201);
    const indicator = await w.call('POST', '/api/indicators', {
      code: 'POP',
      name: { vi: 'Dân số' },
      unit: 'người',
      direction: 'up',
      aggregation: 'sum',
    });
    expect(indicator.statusCode, indicator.body).toBe(201);
    const db = w.t.handle.db;
    const now = new Date().toISOString();
    const parentId = (
      await db.selectFrom('units').select('id').where('code', '=', 'BIG').executeTakeFirstOrThrow()
    ).id;
    const indicatorId = (
      await db.selectFrom('indicators').select('id').where('code', '=', 'POP').executeTakeFirstOrThrow()
    ).id;
    await db.transaction().execute(async (trx) => {
      const units = Array.from({ length: CHILDREN }, (_, i) => ({
        code: `BIG-${i}`,
        name: `Xã ${i}`,
        level: 'commune',
        parent_id: Number(parentId),
        version: 1,
        created_at: now,
        updated_at: now,
      }));
      for (let i = 0; i < units.length; i += 500)
        await trx
          .insertInto('units')
          .values(units.slice(i, i + 500))
          .execute();
      const ids = await trx
        .selectFrom('units')
        .select('id')
        .where('parent_id', '=', Number(parentId))
        .execute();
      const rows = [];
      for (const { id } of ids) {
        for (let y = 0; y < YEARS; y++) {
          rows.push({
            unit_id: Number(id),
            indicator_id: Number(indicatorId),
            year: FIRST_YEAR + y,
            period: '',
            status: 'official' as const,
            value: 1,
            version: 1,
            created_at: now,
            updated_at: now,
          });
        }
      }
      for (let i = 0; i < rows.length; i += 2_000) {
        await trx
          .insertInto('indicator_values')
          .values(rows.slice(i, i + 2_000))
          .execute();
      }
    });
  }, 300_000);
  afterAll(async () => {
    await w?.close();
  });

  it('answers every year from the first to the last, each the sum of the children', async () => {
    const res = await w.call('GET', '/api/units/BIG/figures?indicator=POP');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const rows = res.json().rows as { year: number; value: number | null }[];
    expect(rows).toHaveLength(YEARS);
    expect(rows[0]?.year).toBe(FIRST_YEAR);
    expect(rows.at(-1)?.year).toBe(FIRST_YEAR + YEARS - 1);
    expect(rows.every((r) => r.value === CHILDREN)).toBe(true);
  }, 120_000);
});
