/**
 * An import returns its warnings (docs/plan-format.md §2): suspicious figures are stored and reported,
 * judged within the file and against the figures the database held — an estimate below the stored
 * official figure of its cell, a value 10× the stored figure of the year before.
 */
import type { PlanData } from '@chitieu/core';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrate.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../testing/databases.js';
import { smallPlan } from '../testing/fixture.js';
import { importPlanFile } from './plan-file.js';

/** Figures of the small plan's units and indicators, some of them suspicious. */
const figures = (): PlanData => ({
  units: [],
  indicators: [],
  plans: [],
  values: [
    // Stored: 382's official 31,444 for 2023.
    { indicator: 'GO', unit: '382', year: 2023, value: 30000, status: 'estimate' },
    // Stored: 381's official 15,372 for 2021; 160,000 is 10.4 times it.
    { indicator: 'GO', unit: '381', year: 2022, value: 160000, status: 'official' },
    { indicator: 'POP', unit: '381', year: 2023, value: 64300, status: 'official' },
    // Ten times the year before within the file.
    { indicator: 'IND', unit: '382', year: 2021, value: 100, status: 'official' },
    { indicator: 'IND', unit: '382', year: 2022, value: 1500, status: 'official' },
    // Above the stored official figure: nothing to say.
    { indicator: 'GO', unit: '38101', year: 2023, value: 5000, status: 'estimate' },
  ],
});

describe.each(await testDialects())('import warnings, on %s', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  it('imports suspicious figures and reports each, against the file and the stored figures', async () => {
    t = await createTestDatabase(dialect);
    await migrateToLatest(t.handle);
    const first = await importPlanFile(t.handle.db, smallPlan());
    expect(first.ok && first.warnings).toEqual([]);

    const result = await importPlanFile(t.handle.db, figures(), { lang: 'en' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.counts.values).toEqual({ added: 5, updated: 1, unchanged: 0 });
    expect(result.warnings.map((w) => [w.path, w.code])).toEqual([
      ['values[0].value', 'estimate-below-official'],
      ['values[1].value', 'value-jump'],
      ['values[4].value', 'value-jump'],
    ]);
    expect(result.warnings[0]).toMatchObject({
      params: { value: 30000, stronger: 31444, strongerStatus: 'official' },
    });
    expect(result.warnings[1]).toMatchObject({ params: { previous: 15372, previousYear: 2021 } });
    for (const w of result.warnings) expect(w.message).toMatch(/^[A-Z].+\.$/);
    expect(result.warnings[0]?.message).toContain('31,444');
    // Stored all the same.
    const stored = await t.handle.db
      .selectFrom('indicator_values')
      .innerJoin('units', 'units.id', 'indicator_values.unit_id')
      .select(['indicator_values.value'])
      .where('units.code', '=', '382')
      .where('indicator_values.status', '=', 'estimate')
      .execute();
    expect(stored).toEqual([{ value: 30000 }]);

    // The same file again: the estimate is no longer new; the jumps are still there to see.
    const again = await importPlanFile(t.handle.db, figures(), { lang: 'vi' });
    expect(again.ok && again.warnings.map((w) => [w.path, w.code])).toEqual([
      ['values[1].value', 'value-jump'],
      ['values[4].value', 'value-jump'],
    ]);
  });
});
