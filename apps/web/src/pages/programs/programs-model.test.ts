import { createValueSource, evaluatePlan } from '@chitieu/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '../../testing/demo';
import { programsModel } from './programs-model';

describe('the programs page model of the demo plan', () => {
  let world: Awaited<ReturnType<typeof demoData>>;
  beforeAll(async () => {
    world = await demoData();
  });
  const evaluationAt = (asOf: number) =>
    evaluatePlan({
      plan: world.plan,
      indicators: world.data.indicators,
      values: createValueSource(world.data),
      asOf,
      lang: 'vi',
    });

  it('lists breakthroughs, then key programs, then task groups, each kind in plan order', () => {
    const kinds = programsModel(world.plan, evaluationAt(2023), 'vi', '2026-12-01').map((p) => p.kind);
    const firstProgram = kinds.indexOf('program');
    const firstGroup = kinds.indexOf('task-group');
    expect(kinds.slice(0, firstProgram).every((k) => k === 'breakthrough')).toBe(true);
    expect(firstProgram).toBeGreaterThan(0);
    expect(kinds.slice(firstProgram, firstGroup).every((k) => k === 'program')).toBe(true);
    expect(kinds.slice(firstGroup).every((k) => k === 'task-group')).toBe(true);
  });

  it('judges tasks on the review date: due before the end of the as-of year and not done is overdue', () => {
    const dp1 = programsModel(world.plan, evaluationAt(2023), 'vi', '2026-12-01').find(
      (p) => p.code === 'DP1',
    );
    const state = (code: string) => dp1?.tasks.find((t) => t.code === code)?.state;
    expect(state('DP1.2')).toBe('overdue'); // due 30/06/2023, in progress
    expect(state('DP1.3')).toBe('done');
    expect(state('DP1.1')).toBe('in-progress'); // due 31/12/2024
    expect(dp1?.overdue).toBe(1);
    // As of 2022 the review date is 31/12/2022: DP1.2 (due mid-2023) is not overdue yet.
    const at2022 = programsModel(world.plan, evaluationAt(2022), 'vi', '2026-12-01').find(
      (p) => p.code === 'DP1',
    );
    expect(at2022?.tasks.find((t) => t.code === 'DP1.2')?.state).not.toBe('overdue');
  });

  it('never reviews later than today', () => {
    // Today is 01/06/2023: DP1.2 is due 30/06/2023, so it is not overdue yet even "as of 2023".
    const dp1 = programsModel(world.plan, evaluationAt(2023), 'vi', '2023-06-01').find(
      (p) => p.code === 'DP1',
    );
    expect(dp1?.tasks.find((t) => t.code === 'DP1.2')?.state).not.toBe('overdue');
  });

  it("joins each linked target with the evaluation's band and achievement", () => {
    const ev = evaluationAt(2023);
    const model = programsModel(world.plan, ev, 'vi', '2026-12-01');
    const dp1 = model.find((p) => p.code === 'DP1');
    expect(dp1?.targets.map((t) => t.code)).toEqual(['9', '11', '23']);
    for (const linked of model.flatMap((p) => p.targets)) {
      const te = ev.targets.find((t) => t.code === linked.code);
      expect(linked.evaluation).toBe(te);
      expect(linked.title).not.toBe('');
    }
  });

  it('keeps a missing progress as null and words the program with the core sentence', () => {
    const model = programsModel(world.plan, evaluationAt(2023), 'en', '2026-12-01');
    const dp2 = model.find((p) => p.code === 'DP2');
    expect(dp2?.tasks.find((t) => t.code === 'DP2.3')?.progress).toBeNull();
    expect(dp2?.sentence).toMatch(/^Breakthrough/);
    for (const p of model) expect(p.sentence).not.toMatch(/NaN|undefined|null|\[object/);
  });
});
