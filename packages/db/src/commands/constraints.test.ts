import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrate.js';
import { MIGRATIONS } from '../migrations/index.js';
import { DomainError } from '../repositories/records.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../testing/databases.js';
import { smallPlan } from '../testing/fixture.js';
import { importPlanFile } from './plan-file.js';
import { createPlan } from './plans.js';

/**
 * A database holding the small plan, migrated back to just before `migration`. The plan is imported
 * at the latest schema (the importer writes today's columns, e.g. `targets.every`) and the later
 * migrations are then undone, so the data is what an older database held.
 */
async function withDataBefore(t: TestDatabase, migration: string): Promise<void> {
  await migrateToLatest(t.handle);
  expect((await importPlanFile(t.handle.db, smallPlan())).ok).toBe(true);
  const migrator = new Migrator({
    db: t.handle.db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
    migrationTableSchema: t.handle.schema,
  });
  const names = Object.keys(MIGRATIONS).sort();
  const last = names[names.indexOf(migration) - 1] as string;
  const { error } = await migrator.migrateTo(last);
  if (error) throw error;
}
const before0400 = (t: TestDatabase) => withDataBefore(t, '0400_constraints');

describe.each(await testDialects())('the database backs the rules, on %s', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  it('keeps existing data through 0400 and refuses an enum value outside its list afterwards', async () => {
    t = await createTestDatabase(dialect);
    await before0400(t);
    await migrateToLatest(t.handle);
    const plans = await t.handle.db.selectFrom('plans').select(['code', 'state']).orderBy('code').execute();
    expect(plans.every((p) => p.state === 'active')).toBe(true);

    const db = t.handle.db;
    await expect(
      db
        .updateTable('plans')
        // biome-ignore lint/suspicious/noExplicitAny: writing a value the types forbid is the point
        .set({ kind: 'bogus' as any })
        .where('code', '=', 'NQ-XI')
        .execute(),
    ).rejects.toThrow();
    await expect(
      db
        .updateTable('indicator_values')
        // biome-ignore lint/suspicious/noExplicitAny: as above
        .set({ status: 'guess' as any })
        .execute(),
    ).rejects.toThrow();
    // Through a command the refusal is an `invalid` domain error naming the column.
    const refused = await createPlan(db, {
      code: 'X',
      title: { vi: 'X' },
      unit: '381',
      // biome-ignore lint/suspicious/noExplicitAny: as above
      kind: 'decree' as any,
      baselineYear: 2020,
      targetYear: 2025,
      methodology: 'chitieu',
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'invalid', problems: [{ path: 'kind', rule: 'not-in-list' }] });
  });

  it('stops 0400 on a value outside its list, naming table, column and value, and changes nothing', async () => {
    t = await createTestDatabase(dialect);
    await before0400(t);
    await t.handle.db
      .updateTable('targets')
      // biome-ignore lint/suspicious/noExplicitAny: an old database may hold anything
      .set({ kind: 'levle' as any })
      .where('code', '=', '1')
      .execute();
    await expect(migrateToLatest(t.handle)).rejects.toThrow(/targets\.kind: "levle"/);
    // Nothing of 0400 was applied: the plans have no state column yet.
    await expect(t.handle.db.selectFrom('plans').select('state').execute()).rejects.toThrow();
  });
});
