import type { PlanData } from '@chitieu/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlanFile } from './commands/plan-file.js';
import { parseDatabaseUrl } from './connect.js';
import { latestAppliedMigration, migrateToLatest } from './migrate.js';
import { LATEST_MIGRATION, MIGRATIONS } from './migrations/index.js';
import { exportPlanFile, loadPlanData } from './repositories/plan-file.js';
import { createTestDatabase, type TestDatabase, testDialects } from './testing/databases.js';
import { smallPlan } from './testing/fixture.js';
import { withTransaction } from './transaction.js';

/** Sort a data set so two loads can be compared regardless of row order. */
function canonical(data: PlanData) {
  const by =
    <T>(f: (x: T) => string) =>
    (a: T, b: T) =>
      f(a).localeCompare(f(b));
  return {
    units: [...data.units].sort(by((u) => u.code)),
    indicators: [...data.indicators].sort(by((i) => i.code)),
    plans: data.plans,
    values: [...data.values].sort(
      by((v) => `${v.unit}|${v.indicator}|${v.year}|${v.period ?? ''}|${v.status}`),
    ),
  };
}

describe.each(await testDialects())('database on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('migrates an empty database, and a second run applies nothing', async () => {
    expect(await latestAppliedMigration(t.handle)).toBe('');
    const first = await migrateToLatest(t.handle);
    expect(first).toEqual({ applied: Object.keys(MIGRATIONS).sort(), latest: LATEST_MIGRATION });
    expect(await migrateToLatest(t.handle)).toEqual({ applied: [], latest: LATEST_MIGRATION });
  });

  it('imports a plan file and reports what it added', async () => {
    const result = await importPlanFile(t.handle.db, smallPlan(), { actor: 'test' });
    expect(result).toEqual({
      ok: true,
      counts: {
        units: { added: 6, updated: 0, unchanged: 0 },
        indicators: { added: 7, updated: 0, unchanged: 0 },
        plans: { added: 1, updated: 0, unchanged: 0 },
        targets: { added: 4, updated: 0, unchanged: 0 },
        programs: { added: 2, updated: 0, unchanged: 0 },
        tasks: { added: 2, updated: 0, unchanged: 0 },
        values: { added: 15, updated: 0, unchanged: 0 },
      },
      warnings: [],
    });
  });

  it('importing the same file again changes nothing', async () => {
    const result = await importPlanFile(t.handle.db, smallPlan());
    expect(result.ok && Object.values(result.counts).every((c) => c.added === 0 && c.updated === 0)).toBe(
      true,
    );
    const revisions = await t.handle.db.selectFrom('value_revisions').select('id').execute();
    expect(revisions).toHaveLength(15);
  });

  it('loads the plan back as the data that was imported (minus what the plan does not need)', async () => {
    const loaded = await loadPlanData(t.handle.db, 'NQ-XI');
    const input = smallPlan();
    expect(loaded && canonical(loaded)).toEqual(
      canonical({
        ...input,
        // The file says nothing of visibility: the plan comes in private.
        plans: input.plans.map((p) => ({ ...p, visibility: 'private' })),
        indicators: input.indicators.filter((i) => i.code !== 'UNUSED'),
        values: input.values.filter((v) => v.indicator !== 'UNUSED'),
      }),
    );
    expect(await loadPlanData(t.handle.db, 'NO-SUCH-PLAN')).toBeNull();
  });

  it('makes a plan public only when the file says so, and a later file that says nothing keeps it', async () => {
    // A database of its own: the other tests count what the shared one holds.
    const own = await createTestDatabase(dialect);
    await migrateToLatest(own.handle);
    const db = own.handle.db;
    const input = smallPlan();
    const plan = input.plans[0];
    if (!plan) throw new Error('smallPlan has no plan');
    const file = (visibility?: 'public' | 'private') => ({
      ...input,
      plans: [{ ...plan, code: 'NQ-VIS', ...(visibility ? { visibility } : {}) }],
    });
    const visibilityOf = async () =>
      (await db.selectFrom('plans').select('visibility').where('code', '=', 'NQ-VIS').executeTakeFirst())
        ?.visibility;
    try {
      expect((await importPlanFile(db, file(), { actor: 'test' })).ok).toBe(true);
      expect(await visibilityOf()).toBe('private');
      expect((await importPlanFile(db, file('public'), { actor: 'test' })).ok).toBe(true);
      expect(await visibilityOf()).toBe('public');
      expect((await importPlanFile(db, file(), { actor: 'test' })).ok).toBe(true);
      expect(await visibilityOf()).toBe('public');
      expect((await exportPlanFile(db, 'NQ-VIS'))?.plans[0]?.visibility).toBe('public');
    } finally {
      await own.cleanup();
    }
  });

  it('returns numbers as numbers, counts included', async () => {
    const { n } = await t.handle.db
      .selectFrom('indicator_values')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(n).toBe(15);
    const { total } = await t.handle.db
      .selectFrom('indicator_values')
      .select((eb) => eb.fn.sum<number>('value').as('total'))
      .where('indicator_id', '=', 1)
      .executeTakeFirstOrThrow();
    expect(typeof total).toBe('number');
  });

  it('a changed figure updates the cell, bumps its version and keeps the old figure in the history', async () => {
    const data = smallPlan();
    const go2023 = data.values.find(
      (v) => v.indicator === 'GO' && v.year === 2023 && v.status === 'estimate',
    );
    if (!go2023) throw new Error('fixture changed');
    go2023.value = 19100.2;
    const result = await importPlanFile(t.handle.db, data, { actor: 'an-editor' });
    expect(result.ok && result.counts.values).toEqual({ added: 0, updated: 1, unchanged: 14 });
    const history = await t.handle.db
      .selectFrom('value_revisions')
      .innerJoin('indicator_values', 'indicator_values.id', 'value_revisions.value_id')
      .select(['value_revisions.value', 'value_revisions.version', 'value_revisions.actor'])
      .where('indicator_values.year', '=', 2023)
      .where('indicator_values.status', '=', 'estimate')
      .where('indicator_values.period', '=', '')
      .where('indicator_values.value', '=', 19100.2)
      .orderBy('value_revisions.version')
      .execute();
    expect(history).toEqual([
      { value: 18997.6, version: 1, actor: 'test' },
      { value: 19100.2, version: 2, actor: 'an-editor' },
    ]);
  });

  it('accepts references to units and indicators already in the database', async () => {
    const result = await importPlanFile(t.handle.db, {
      units: [],
      indicators: [],
      plans: [],
      values: [{ indicator: 'GO', unit: '383', year: 2023, value: 9000, status: 'official' }],
    });
    expect(result.ok && result.counts.values.added).toBe(1);
  });

  it('rejects unknown references with their paths and writes nothing', async () => {
    const before = await t.handle.db.selectFrom('audit_log').select('id').execute();
    const result = await importPlanFile(
      t.handle.db,
      {
        units: [{ code: '999', name: 'X', level: 'district', parent: '99' }],
        indicators: [],
        plans: [],
        values: [
          { indicator: 'GO', unit: '999', year: 2023, value: 1, status: 'official' },
          { indicator: 'NOPE', unit: '381', year: 2023, value: 1, status: 'official' },
        ],
      },
      { lang: 'en' },
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'units[0].parent',
          code: 'unknown-unit',
          message: 'Unit "99" is neither in the file nor in the database.',
        },
        {
          path: 'values[1].indicator',
          code: 'unknown-indicator',
          message: 'Indicator "NOPE" is neither in the file nor in the database.',
        },
      ],
    });
    const unit = await t.handle.db.selectFrom('units').select('id').where('code', '=', '999').execute();
    expect(unit).toHaveLength(0);
    expect(await t.handle.db.selectFrom('audit_log').select('id').execute()).toHaveLength(before.length);
  });

  it('reports a cycle of parent units in Vietnamese by default', async () => {
    const result = await importPlanFile(t.handle.db, {
      units: [
        { code: 'A', name: 'A', level: 'x', parent: 'B' },
        { code: 'B', name: 'B', level: 'x', parent: 'A' },
      ],
      indicators: [],
      plans: [],
      values: [],
    });
    expect(result.ok ? [] : result.problems.map((p) => [p.path, p.message])).toEqual([
      ['units[0].parent', 'Đơn vị "A" nằm trong một vòng lặp đơn vị cấp trên.'],
      ['units[1].parent', 'Đơn vị "B" nằm trong một vòng lặp đơn vị cấp trên.'],
    ]);
  });

  it('keeps the audit log and value history append-only', async () => {
    const entries = await t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'plan-file')
      .execute();
    expect(entries.map((e) => e.action)).toEqual(['import', 'import', 'import', 'import']);
    // Every figure an import added or changed has its own entry, naming the import.
    const revisions = await t.handle.db.selectFrom('value_revisions').select('id').execute();
    const figureEntries = await t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'figure')
      .execute();
    expect(figureEntries).toHaveLength(revisions.length);
    expect(JSON.parse(figureEntries[0]?.details ?? '{}').import.id).toMatch(/^imp-/);
    await expect(t.handle.db.updateTable('audit_log').set({ actor: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.handle.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(t.handle.db.deleteFrom('value_revisions').execute()).rejects.toThrow(/append-only/);
  });

  it('rolls a transaction back when the work fails', async () => {
    await expect(
      withTransaction(t.handle.db, async (trx) => {
        await trx
          .insertInto('units')
          .values({ code: 'TMP', name: 'tmp', level: 'x', parent_id: null, created_at: '', updated_at: '' })
          .execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.handle.db.selectFrom('units').where('code', '=', 'TMP').selectAll().execute()).toEqual([]);
  });

  it('exports a plan file that imports into an empty database as the same plan', async () => {
    const exported = await exportPlanFile(t.handle.db, 'NQ-XI');
    expect(exported?.format).toBe('chitieu.plan/1');
    const other = await createTestDatabase(dialect);
    try {
      await migrateToLatest(other.handle);
      if (!exported) throw new Error('no export');
      // Through JSON, as it would travel.
      const result = await importPlanFile(other.handle.db, JSON.parse(JSON.stringify(exported)));
      expect(result.ok).toBe(true);
      expect(await exportPlanFile(other.handle.db, 'NQ-XI')).toEqual(exported);
    } finally {
      await other.cleanup();
    }
  });

  it('loads in a constant number of queries, however many values', async () => {
    const data = smallPlan();
    data.values = [];
    for (let year = 2000; year < 2020; year++) {
      for (const unit of ['381', '382', '38101']) {
        data.values.push({ indicator: 'POP', unit, year, value: year * 3, status: 'official' });
      }
    }
    await importPlanFile(t.handle.db, data);
    let queries = 0;
    const counting = t.handle.db.withPlugin({
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const loaded = await loadPlanData(counting, 'NQ-XI');
    expect(loaded?.values.filter((v) => v.indicator === 'POP')).toHaveLength(61);
    expect(queries).toBe(8);
  });

  it('runs raw SQL with the same results on both dialects', async () => {
    const { rows } = await sql<{ x: number }>`select 1.5 + 1 as x`.execute(t.handle.db);
    expect(rows[0]?.x).toBe(2.5);
  });
});

describe('parseDatabaseUrl', () => {
  it('reads SQLite paths relative to the working directory', () => {
    expect(parseDatabaseUrl('sqlite:./data/chitieu.db', '/srv/app')).toEqual({
      ok: true,
      target: { dialect: 'sqlite', path: '/srv/app/data/chitieu.db' },
    });
    expect(parseDatabaseUrl('sqlite:///var/lib/c.db', '/srv')).toEqual({
      ok: true,
      target: { dialect: 'sqlite', path: '/var/lib/c.db' },
    });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({
      ok: true,
      target: { dialect: 'sqlite', path: ':memory:' },
    });
  });

  it('reads PostgreSQL URLs and the schema parameter', () => {
    expect(parseDatabaseUrl('postgres://postgres@127.0.0.1:5432/test?schema=chitieu')).toEqual({
      ok: true,
      target: {
        dialect: 'postgres',
        connectionString: 'postgres://postgres@127.0.0.1:5432/test',
        schema: 'chitieu',
      },
    });
    expect(parseDatabaseUrl('postgresql://u:p@db/x')).toMatchObject({
      ok: true,
      target: { schema: 'public' },
    });
  });

  it.each([
    ['mysql://root@localhost/x', 'unsupported-scheme'],
    ['chitieu.db', 'unsupported-scheme'],
    ['', 'unsupported-scheme'],
    ['sqlite:', 'missing-path'],
    ['postgres://', 'malformed'],
    ['postgres://host', 'malformed'],
    ['postgres://host:99999/db', 'malformed'],
    ['postgres://host/db?schema=a;drop', 'bad-schema'],
  ])('rejects %j as %s', (url, problem) => {
    expect(parseDatabaseUrl(url)).toEqual({ ok: false, problem });
  });
});
