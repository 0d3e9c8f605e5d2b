import type { PlanData } from '@chitieu/core';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigure } from '../commands/figures.js';
import { importPlanFile } from '../commands/plan-file.js';
import { migrateToLatest } from '../migrate.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../testing/databases.js';
import { smallPlan } from '../testing/fixture.js';
import { listAudit } from './audit.js';
import { getUnit } from './domain.js';
import { figureHistory } from './figures.js';
import { loadEvaluationData, reorganise, withLineage } from './lineage.js';
import { DomainError, updateRecord } from './records.js';

/** A plan of `n` level targets over `n` indicators with five years of figures each. */
function widePlan(n: number): PlanData {
  const base = smallPlan();
  const codes = Array.from({ length: n }, (_, i) => `W${i}`);
  return {
    units: base.units,
    indicators: codes.map((code) => ({
      code,
      name: { vi: code },
      unit: 'tỷ đồng',
      direction: 'up',
      decimals: 1,
      trend: 'compound',
      aggregation: 'sum',
    })),
    plans: [
      {
        ...(base.plans[0] as PlanData['plans'][number]),
        code: `WIDE-${n}`,
        programs: [],
        targets: codes.map((code, i) => ({
          code: String(i + 1),
          text: { vi: code },
          indicator: code,
          kind: 'level',
          value: 100,
        })),
      },
    ],
    values: codes.flatMap((code) =>
      [2020, 2021, 2022, 2023, 2024].map((year) => ({
        indicator: code,
        unit: '381',
        year,
        value: year - 1900,
        status: 'official' as const,
      })),
    ),
  };
}

describe.each(await testDialects())('domain repositories on %s', (dialect) => {
  let t: TestDatabase;
  const ctx = { actor: { userId: null, username: 'tester', ip: '127.0.0.1' }, reason: 'kiểm thử' };
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await migrateToLatest(t.handle);
    const r = await importPlanFile(t.handle.db, smallPlan());
    expect(r.ok).toBe(true);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('two edits from the same version: one lands, the other is refused with the current row; one audit record', async () => {
    const unit = await getUnit(t.handle.db, '383');
    if (!unit) throw new Error('no unit 383');
    const subject = { entity: 'unit', code: (r: Record<string, unknown>) => String(r.code) };
    const results = await Promise.allSettled([
      updateRecord(t.handle.db, 'units', subject, unit.id, unit.version, { name: 'Huyện Hà Trung (A)' }, ctx),
      updateRecord(t.handle.db, 'units', subject, unit.id, unit.version, { name: 'Huyện Hà Trung (B)' }, ctx),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = (lost[0] as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('version-conflict');
    const now = await getUnit(t.handle.db, '383');
    expect(now?.version).toBe(unit.version + 1);
    expect(error.current.name).toBe(now?.name);
    // The import's own `create` entry, and one entry for the edit that landed.
    const audit = (await listAudit(t.handle.db, { entity: 'unit', id: '383' })).filter(
      (e) => e.action === 'update',
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      user: 'tester',
      ip: '127.0.0.1',
      reason: 'kiểm thử',
      old: { name: 'Huyện Hà Trung' },
    });
  });

  it('a figure revised keeps every value in its history and one audit record per write', async () => {
    const first = await recordFigure(
      t.handle.db,
      { unit: '382', indicator: 'GO', year: 2024, status: 'estimate', value: 1 },
      ctx,
    );
    expect(first.created).toBe(true);
    const second = await recordFigure(
      t.handle.db,
      { unit: '382', indicator: 'GO', year: 2024, status: 'estimate', value: 2, version: 1 },
      ctx,
    );
    expect(second).toMatchObject({ created: false, figure: { value: 2, version: 2 } });
    await expect(
      recordFigure(
        t.handle.db,
        { unit: '382', indicator: 'GO', year: 2024, status: 'estimate', value: 3, version: 1 },
        ctx,
      ),
    ).rejects.toMatchObject({ code: 'version-conflict' });
    expect((await figureHistory(t.handle.db, first.figure.id)).map((r) => r.value)).toEqual([1, 2]);
    const audit = await listAudit(t.handle.db, { entity: 'figure', id: '382/GO/2024' });
    expect(audit.map((a) => a.new)).toEqual([
      { value: 2, status: 'estimate', source: null, note: null },
      { value: 1, status: 'estimate', source: null, note: null },
    ]);
  });

  it('two writers creating the same figure at once: one creates it, the other gets a version conflict', async () => {
    const cell = { unit: '38102', indicator: 'GO', year: 2022, status: 'official' as const };
    const results = await Promise.allSettled([
      recordFigure(t.handle.db, { ...cell, value: 10 }, ctx),
      recordFigure(t.handle.db, { ...cell, value: 20 }, ctx),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'version-conflict' });
  });

  it('loads a plan for evaluation in the same number of queries whatever its size', async () => {
    for (const n of [3, 30]) expect((await importPlanFile(t.handle.db, widePlan(n))).ok).toBe(true);
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = t.handle.db.withPlugin(counting);
    const counts: number[] = [];
    for (const code of ['WIDE-3', 'WIDE-30', 'NQ-XI']) {
      queries = 0;
      const data = await loadEvaluationData(db, code);
      expect(data?.plans[0]?.code).toBe(code);
      counts.push(queries);
    }
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeLessThanOrEqual(12);
  });

  it('a merger hangs the predecessors under the successor for every computation', async () => {
    expect(
      withLineage(
        [
          { code: '38', name: 'T', level: 'province' },
          { code: '382', name: 'A', level: 'district', parent: '38' },
          { code: '383', name: 'B', level: 'district', parent: '38' },
          { code: '390', name: 'AB', level: 'district', parent: '38' },
        ],
        [
          { predecessor_code: '382', successor_code: '390' },
          { predecessor_code: '383', successor_code: '390' },
        ],
      ).map((u) => [u.code, u.parent ?? null]),
    ).toEqual([
      ['38', null],
      ['382', '390'],
      ['383', '390'],
      ['390', '38'],
    ]);
    await expect(
      reorganise(
        t.handle.db,
        { kind: 'merge', from: ['382'], to: ['382', '383'], effective: '2025-07-01' },
        ctx,
      ),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      reorganise(t.handle.db, { kind: 'split', from: ['NOPE'], to: ['382'], effective: '2025-07-01' }, ctx),
    ).rejects.toMatchObject({
      code: 'unknown-reference',
      problems: [{ path: 'from[0]', kind: 'unit', subject: 'NOPE' }],
    });
    const steps = await reorganise(
      t.handle.db,
      { kind: 'split', from: ['383'], to: ['382'], effective: '2025-07-01' },
      ctx,
    );
    expect(steps.map((s) => [s.kind, s.predecessor_code, s.successor_code])).toEqual([
      ['split', '383', '382'],
    ]);
    // A split moves no figures: the old unit's plan data is as before.
    expect(
      (await loadEvaluationData(t.handle.db, 'NQ-XI'))?.units.find((u) => u.code === '383')?.parent,
    ).toBe('38');
  });
});
