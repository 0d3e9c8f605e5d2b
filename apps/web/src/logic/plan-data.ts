import type { Indicator, Plan, PlanData, Target } from '@chitieu/core';

/** The plan of this code inside a plan file, or undefined. */
export function planOf(data: PlanData, code: string): Plan | undefined {
  return data.plans.find((p) => p.code === code);
}

/** Indicators by code. */
export function indicatorMap(data: PlanData): Map<string, Indicator> {
  return new Map(data.indicators.map((i) => [i.code, i]));
}

/**
 * The as-of year a page opens on: the latest year within the term for which the plan's unit has an
 * actual figure (official, preliminary or estimate), else the baseline year.
 *
 * @example defaultYear(data, plan) // 2023 for the demo (estimates to 2023, plan figures after)
 */
export function defaultYear(data: PlanData, plan: Plan): number {
  const used = new Set(plan.targets.map((t) => t.indicator));
  let latest = plan.baselineYear;
  for (const v of data.values) {
    if (v.unit !== plan.unit || v.status === 'plan' || !used.has(v.indicator)) continue;
    if (v.period != null && v.period !== '') continue;
    if (v.year > latest && v.year <= plan.targetYear) latest = v.year;
  }
  return latest;
}

/** The years a reader may choose: baseline + 1 … target year. */
export function termYears(plan: Pick<Plan, 'baselineYear' | 'targetYear'>): number[] {
  const years: number[] = [];
  for (let y = plan.baselineYear + 1; y <= plan.targetYear; y++) years.push(y);
  return years;
}

/** A target by code. */
export function targetOf(plan: Plan, code: string): Target | undefined {
  return plan.targets.find((t) => t.code === code);
}
