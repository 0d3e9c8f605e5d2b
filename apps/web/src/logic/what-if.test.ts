import { createValueSource, evaluatePlan } from '@chitieu/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '../testing/demo';
import { remainingYears, whatIf } from './what-if';

describe('what-if on the demo plan', () => {
  let world: Awaited<ReturnType<typeof demoData>>;
  beforeAll(async () => {
    world = await demoData();
  });
  const run = (target: string, assumed: [number, number][], asOf = 2023) =>
    whatIf({ data: world.data, plan: world.plan, target, asOf, assumed: new Map(assumed), lang: 'vi' });

  it('leaves the years after the latest figure', () => {
    expect(remainingYears({ baselineYear: 2020, targetYear: 2025 }, 2023)).toEqual([2024, 2025]);
    expect(remainingYears({ baselineYear: 2020, targetYear: 2025 }, null)).toEqual([
      2021, 2022, 2023, 2024, 2025,
    ]);
    expect(remainingYears({ baselineYear: 2020, targetYear: 2025 }, 2025)).toEqual([]);
  });

  it('without assumptions, gives the evaluation of the whole plan for that target (what the API answers)', () => {
    const { data, plan } = world;
    const whole = evaluatePlan({
      plan,
      indicators: data.indicators,
      values: createValueSource(data),
      asOf: 2023,
    });
    for (const code of ['1', '5', '6', '10']) {
      const r = run(code, []);
      expect(r?.after).toBeNull();
      expect(r?.before).toEqual(whole.targets.find((t) => t.code === code));
    }
  });

  it('target 1 (15 %/year growth): strong years turn the band and the class; weak ones keep it at risk', () => {
    const now = run('1', [])?.before;
    expect(now).toMatchObject({ achievementPercent: 71.4, band: 1, forecast: { class: 'at-risk' } });
    // 14 000 in 2020 growing 15 %/year reaches 28 159 in 2025.
    const strong = run('1', [
      [2024, 24000],
      [2025, 29000],
    ]);
    expect(strong?.afterYear).toBe(2025);
    expect(strong?.after?.band).toBe(0);
    expect(strong?.after?.met).toBe(true);
    expect(strong?.after?.forecast.class).not.toBe('at-risk');
    expect(strong?.after?.achievementPercent).toBeGreaterThan(100);
    const weak = run('1', [
      [2024, 19500],
      [2025, 20000],
    ]);
    expect(weak?.after?.forecast.class).toBe('at-risk');
    expect(weak?.after?.achievementPercent).toBeLessThan(now?.achievementPercent ?? 0);
  });

  it('one assumed year evaluates as of that year; the plan figure still feeds the forecast after it', () => {
    const r = run('1', [[2024, 23000]]);
    expect(r?.afterYear).toBe(2024);
    expect(r?.after?.year).toBe(2024);
    expect(r?.after?.forecast.path?.map((p) => p.year)).toEqual([2025]);
  });

  it('does not change the data it was given (nothing is saved)', () => {
    const before = JSON.stringify(world.data.values);
    run('1', [[2024, 99999]]);
    expect(JSON.stringify(world.data.values)).toBe(before);
  });
});
