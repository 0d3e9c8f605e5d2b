import {
  createValueSource,
  evaluatePlan,
  type Lang,
  type Plan,
  type PlanData,
  type TargetEvaluation,
  type Value,
} from '@chitieu/core';

/** The years a what-if may fill: after the latest actual figure (or the baseline), up to the target year. */
export function remainingYears(
  plan: Pick<Plan, 'baselineYear' | 'targetYear'>,
  latestYear: number | null,
): number[] {
  const years: number[] = [];
  for (let y = Math.max(latestYear ?? plan.baselineYear, plan.baselineYear) + 1; y <= plan.targetYear; y++)
    years.push(y);
  return years;
}

export interface WhatIfInput {
  data: PlanData;
  plan: Plan;
  target: string;
  /** The as-of year of the page: the "now" column is the evaluation at this year. */
  asOf: number;
  /** Values typed for future years (in the indicator's own terms); years left empty are not assumed. */
  assumed: ReadonlyMap<number, number>;
  lang: Lang;
}

export interface WhatIfResult {
  before: TargetEvaluation;
  /** Null when nothing is assumed. */
  after: TargetEvaluation | null;
  /** The as-of year of the assumption: the last year given a value. */
  afterYear: number | null;
}

function evaluateOne(
  data: PlanData,
  plan: Plan,
  code: string,
  asOf: number,
  lang: Lang,
): TargetEvaluation | null {
  const target = plan.targets.find((t) => t.code === code);
  if (!target) return null;
  const ev = evaluatePlan({
    plan: { ...plan, targets: [target] },
    indicators: data.indicators,
    values: createValueSource(data),
    asOf,
    lang,
  });
  return ev.targets[0] ?? null;
}

/**
 * What a target's achievement, band and forecast would be if the years still to come reached the
 * typed values: those values join the plan unit's figures as estimates and the core evaluates the
 * target again as of the last assumed year — in the browser, nothing saved. The "before" side is the
 * same evaluation without assumptions, so it equals the API's.
 *
 * @example
 * whatIf({ data, plan, target: '1', asOf: 2023, assumed: new Map([[2024, 23000], [2025, 27000]]), lang: 'vi' })
 * // { before: { achievementPercent: 71.4, band: 1, forecast: { class: 'at-risk', … } },
 * //   after:  { achievementPercent: 100.x, band: 0, forecast: { class: 'complete', … } }, afterYear: 2025 }
 */
export function whatIf(input: WhatIfInput): WhatIfResult | null {
  const { data, plan, target, asOf, assumed, lang } = input;
  const before = evaluateOne(data, plan, target, asOf, lang);
  if (!before) return null;
  const years = [...assumed.keys()].filter((y) => Number.isFinite(assumed.get(y))).sort((a, b) => a - b);
  const last = years[years.length - 1];
  if (last === undefined) return { before, after: null, afterYear: null };
  const indicator = plan.targets.find((t) => t.code === target)?.indicator ?? '';
  const typed: Value[] = years.map((year) => ({
    indicator,
    unit: plan.unit,
    year,
    value: assumed.get(year) as number,
    status: 'estimate',
  }));
  // A typed year replaces any actual figure of that year (the plan's own figures stay: they feed the forecast).
  const kept = data.values.filter(
    (v) => !(v.unit === plan.unit && v.indicator === indicator && v.status !== 'plan' && assumed.has(v.year)),
  );
  const after = evaluateOne(
    { ...data, values: [...kept, ...typed] },
    plan,
    target,
    Math.max(last, asOf),
    lang,
  );
  return { before, after, afterYear: Math.max(last, asOf) };
}
