/**
 * `every` on an `annual` target (each single year must reach the goal, docs/methodology.md) is
 * stored (0600_target_every): written by the target commands and the plan-file import, read back by
 * the loader the evaluation uses and by the export, backed by the database, and — being part of what
 * a target measures — changed in a plan with approved years only with a reason.
 */
import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrate.js';
import { MIGRATIONS } from '../migrations/index.js';
import { exportPlanFile, loadPlanData } from '../repositories/plan-file.js';
import { DomainError } from '../repositories/records.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../testing/databases.js';
import { smallPlan } from '../testing/fixture.js';
import { importPlanFile } from './plan-file.js';
import { createTarget, updateTarget } from './targets.js';

const ANNUAL = {
  code: 'E',
  text: { vi: 'Hằng năm giá trị sản xuất đạt 20.000 tỷ đồng' },
  indicator: 'GO',
  kind: 'annual' as const,
  value: 20000,
};

/** Approve 2023 of NQ-XI for its unit, as the workflow would. */
async function approve2023(t: TestDatabase): Promise<void> {
  const db = t.handle.db;
  const plan = await db
    .selectFrom('plans')
    .select(['id', 'unit_id'])
    .where('code', '=', 'NQ-XI')
    .executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  await db
    .insertInto('figure_workflows')
    .values({
      plan_id: plan.id,
      unit_id: plan.unit_id,
      year: 2023,
      state: 'approved',
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

describe.each(await testDialects())('a target’s every, on %s', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });
  const fresh = async () => {
    t = await createTestDatabase(dialect);
    await migrateToLatest(t.handle);
    expect((await importPlanFile(t.handle.db, smallPlan())).ok).toBe(true);
    return t;
  };

  it('keeps existing targets through 0600 as the mean rule (0), and refuses a 1 off annual or a 2', async () => {
    t = await createTestDatabase(dialect);
    await migrateToLatest(t.handle);
    expect((await importPlanFile(t.handle.db, smallPlan())).ok).toBe(true);
    const migrator = new Migrator({
      db: t.handle.db,
      provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
      migrationTableSchema: t.handle.schema,
    });
    const names = Object.keys(MIGRATIONS).sort();
    expect(
      (await migrator.migrateTo(names[names.indexOf('0600_target_every') - 1] as string)).error,
    ).toBeUndefined();
    await migrateToLatest(t.handle);
    const db = t.handle.db;
    const rows = await db.selectFrom('targets').select(['kind', 'every']).execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.every === 0)).toBe(true);
    await expect(
      db.updateTable('targets').set({ every: 1 }).where('kind', '=', 'level').execute(),
    ).rejects.toThrow();
    await expect(
      db
        .updateTable('targets')
        // biome-ignore lint/suspicious/noExplicitAny: writing a value the types forbid is the point
        .set({ every: 2 as any })
        .execute(),
    ).rejects.toThrow();
    // Nor may a target keep a 1 when its kind changes away from annual.
    const created = await createTarget(db, 'NQ-XI', { ...ANNUAL, every: true });
    expect(created.every).toBe(1);
    await expect(
      db.updateTable('targets').set({ kind: 'level' }).where('id', '=', created.id).execute(),
    ).rejects.toThrow();
  });

  it('stores every: true of an annual target, hands it to the evaluation and exports it', async () => {
    const { handle } = await fresh();
    await createTarget(handle.db, 'NQ-XI', { ...ANNUAL, every: true });
    await createTarget(handle.db, 'NQ-XI', { ...ANNUAL, code: 'F' });
    const loaded = (await loadPlanData(handle.db, 'NQ-XI'))?.plans[0]?.targets ?? [];
    expect(loaded.find((x) => x.code === 'E')?.every).toBe(true);
    // The default (the mean rule) reads like a hand-written file: no `every` at all.
    expect(loaded.find((x) => x.code === 'F')).not.toHaveProperty('every');
    const exported = await exportPlanFile(handle.db, 'NQ-XI');
    expect(exported?.plans[0]?.targets.find((x) => x.code === 'E')).toMatchObject({ every: true });
  });

  it('refuses every: true on another kind, located, nothing written', async () => {
    const { handle } = await fresh();
    const refused = await createTarget(handle.db, 'NQ-XI', { ...ANNUAL, kind: 'level', every: true }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: 'invalid',
      problems: [{ path: 'every', rule: 'every-only-annual' }],
    });
    expect(await handle.db.selectFrom('targets').select('id').where('code', '=', 'E').execute()).toEqual([]);
  });

  it('changes every in a plan with approved years only with a reason, audited as redefine', async () => {
    const { handle } = await fresh();
    const created = await createTarget(handle.db, 'NQ-XI', ANNUAL);
    await approve2023(t as TestDatabase);
    const bare = await updateTarget(handle.db, created.id, created.version, { every: true }).catch(
      (e: unknown) => e,
    );
    expect(bare).toMatchObject({ code: 'reason-required' });
    const reason = 'Nghị quyết điều chỉnh: năm nào cũng phải đạt';
    const changed = await updateTarget(handle.db, created.id, created.version, { every: true }, { reason });
    expect(changed.every).toBe(1);
    const entry = await handle.db
      .selectFrom('audit_log')
      .select(['action', 'reason', 'old_value', 'new_value'])
      .where('entity', '=', 'target')
      .where('entity_code', '=', String(created.id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'redefine', reason });
    expect(JSON.parse(String(entry.old_value))).toMatchObject({ every: 0 });
    expect(JSON.parse(String(entry.new_value))).toMatchObject({ every: 1 });
    // The same through an import of the plan file: refused without a reason, accepted with one.
    const data = smallPlan();
    const plan = data.plans.find((p) => p.code === 'NQ-XI');
    if (!plan) throw new Error('fixture');
    plan.targets = [...plan.targets, ANNUAL];
    const file = { ...data, plans: [plan], values: [] };
    const refused = await importPlanFile(handle.db, file);
    expect(refused).toMatchObject({
      ok: false,
      problems: [{ code: 'reason-required', path: 'plans[0].targets[4]' }],
    });
    expect((await importPlanFile(handle.db, file, { reason: 'Trở lại bình quân' })).ok).toBe(true);
    const back = await handle.db
      .selectFrom('targets')
      .select('every')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(back.every).toBe(0);
  });
});
