import { averageGrowthFromLevels, averageGrowthFromRates, requiredGrowth } from '../growth/growth.js';
import type { TargetKind } from '../model.js';
import { growthGoal } from './goal.js';
import { fail, type Outcome, ok } from './outcome.js';
import { ratioAchievement, type Sign } from './ratio.js';

/**
 * Yearly figures of one indicator for the plan's unit: levels, or growth rates in percent. Formulas read
 * it year by year only, so a `Map` serves (tests, worked examples) as well as the dense `YearSeries`
 * the evaluation builds once per target.
 */
export interface Series {
  get(year: number): number | undefined;
}

/**
 * Figures for the consecutive years `from, from+1, …` in one array of doubles, NaN where a year has
 * none: the evaluation's series, read without a Map or a string key.
 *
 * @example new YearSeries(2020, [100, Number.NaN, 121]).get(2022) // 121 (2021 → undefined)
 */
export class YearSeries implements Series {
  constructor(
    readonly from: number,
    readonly values: number[],
  ) {}

  get(year: number): number | undefined {
    const v = this.values[year - this.from];
    return v === undefined || Number.isNaN(v) ? undefined : v;
  }
}

/** The first year in [from, to] that has a figure, or null. */
export function firstYearWith(series: Series, from: number, to: number): number | null {
  for (let y = from; y <= to; y++) if (series.get(y) !== undefined) return y;
  return null;
}

/**
 * A series from a `{ year: value }` record, e.g. for tests and worked examples.
 *
 * @example seriesOf({ 2020: 100, 2023: 135.7 }).get(2023) // 135.7
 */
export function seriesOf(values: Readonly<Record<number, number>>): ReadonlyMap<number, number> {
  return new Map(Object.entries(values).map(([y, v]) => [Number(y), v]));
}

/** What the kind's formula needs besides the figures. */
export interface KindSpec {
  kind: TargetKind;
  d: Sign;
  /** y* (level, cumulative, annual), g* in percent (avg-growth), c* (change); unused for milestone. */
  goal: number;
  baselineYear: number;
  targetYear: number;
  /** avg-growth only: whether the series holds levels or yearly rates in percent. */
  input: 'levels' | 'rates';
  /** annual only: every single year must reach the goal (the lowest yearly `A`), not their mean. */
  every?: boolean;
}

export interface Measurement {
  /** A, unrounded ratio (1 = 100 %). */
  achievement: number;
  /** The figure compared with the goal (docs/plan-format.md): v_t, g_obs in percent, S_t, mean, c_obs, progress. */
  actual: number;
  /** t, or null for a milestone without any reported progress. */
  year: number | null;
  /** The years whose actual values entered the formula (for the `estimate` flag). */
  usedYears: number[];
  /** avg-growth: g_obs as a ratio. */
  observedGrowth?: number;
  /** avg-growth: g_req as a ratio; null at t = T or when not computable. */
  requiredGrowth?: number | null;
  /** cumulative: S_t against the pro-rated goal y*·(t−b)/(T−b). */
  pace?: number | null;
}

/** The values for every year `from..to`, or the first year that lacks one. */
function yearsOf(series: Series, from: number, to: number): Outcome<{ years: number[]; values: number[] }> {
  const years: number[] = [];
  const values: number[] = [];
  for (let y = from; y <= to; y++) {
    const v = series.get(y);
    if (v === undefined) return fail('no-actual', { year: y });
    years.push(y);
    values.push(v);
  }
  return ok({ years, values });
}

/** Add years to a reason from a lower-level formula, so its words can say which figures. */
function explain<T>(o: Outcome<T>, params: Record<string, number>): Outcome<T> {
  return o.ok ? o : fail(o.reason.code, { ...params, ...o.reason.params });
}

/**
 * Achievement `A` of one target at year `t` (docs/methodology.md "Achievement", by kind). Total: returns a
 * measurement or the reason the formula lacks an input (no value, no baseline, zero divisor, t = b).
 * The forecast calls it again at `t = T` on actual + projected figures, so each formula exists once.
 *
 * @example
 * // avg-growth 15 %/year from 2020, levels 100 → 135.7 in 2023 (g_obs 10,71 %)
 * measureAchievement({ kind: 'avg-growth', d: 1, goal: 15, baselineYear: 2020, targetYear: 2025, input: 'levels' },
 *   seriesOf({ 2020: 100, 2023: 135.69 }), 2023)
 * // → { ok: true, value: { achievement: 0.714…, actual: 10.71…, observedGrowth: 0.1071…, requiredGrowth: 0.2175…, … } }
 */
export function measureAchievement(spec: KindSpec, series: Series, t: number | null): Outcome<Measurement> {
  const { kind, d, goal, baselineYear: b, targetYear: T } = spec;
  if (kind === 'milestone') {
    const p = t === null ? undefined : series.get(t);
    if (t === null || p === undefined) return ok(measurement(0, 0, null, []));
    // Done at 100 % progress; reported progress beyond the scale is still "done".
    return ok(measurement(Math.min(1, Math.max(0, p / 100)), p, t, [t]));
  }
  if (t === null) return fail('no-actual');
  if (kind === 'level') {
    const v = series.get(t);
    if (v === undefined) return fail('no-actual', { year: t });
    return measured(measurement(ratioAchievement(v, goal, d), v, t, [t]));
  }
  if (t <= b) return fail('no-elapsed-years', { year: b });
  const elapsed = t - b;

  if (kind === 'avg-growth') {
    let growth: Outcome<number>;
    let usedYears: number[];
    if (spec.input === 'rates') {
      const rates = yearsOf(series, b + 1, t);
      if (!rates.ok) return rates;
      growth = averageGrowthFromRates(rates.value.values);
      usedYears = rates.value.years;
    } else {
      const vb = series.get(b);
      const vt = series.get(t);
      if (vb === undefined) return fail('no-baseline', { year: b });
      if (vt === undefined) return fail('no-actual', { year: t });
      if (vb === 0) return fail('zero-divisor', { subject: 'baseline', year: b });
      growth = averageGrowthFromLevels(vb, vt, elapsed);
      usedYears = [b, t];
    }
    const g = explain(growth, { year: b, latestYear: t });
    if (!g.ok) return g;
    const gStar = growthGoal(goal, d);
    const req = t < T ? requiredGrowth(gStar, g.value, elapsed, T - b) : null;
    const m = measurement(ratioAchievement(g.value, gStar, d), g.value * 100, t, usedYears);
    m.observedGrowth = g.value;
    m.requiredGrowth = req?.ok ? req.value : null;
    return measured(m);
  }

  if (kind === 'change') {
    const vb = series.get(b);
    const vt = series.get(t);
    if (vb === undefined) return fail('no-baseline', { year: b });
    if (vt === undefined) return fail('no-actual', { year: t });
    const cObs = (d * (vt - vb)) / elapsed;
    // c* is stated in the desired direction, so c_obs/c* uses the higher-is-better rule.
    return measured(measurement(ratioAchievement(cObs, goal, 1), cObs, t, [b, t]));
  }

  // cumulative and annual: every year of the term up to t must be known.
  const span = yearsOf(series, b + 1, t);
  if (!span.ok) return span;
  const { years, values } = span.value;
  const total = values.reduce((s, v) => s + v, 0);
  if (kind === 'annual' && spec.every) {
    // The year that fell furthest short decides; its figure is the one compared with the goal (`year`
    // stays t, the latest year, as for every kind).
    let worst = 0;
    let worstA = Number.POSITIVE_INFINITY;
    values.forEach((v, i) => {
      const a = ratioAchievement(v, goal, d);
      if (a < worstA) {
        worstA = a;
        worst = i;
      }
    });
    return measured(measurement(worstA, values[worst] as number, t, years));
  }
  if (kind === 'annual') {
    const mean = total / values.length;
    return measured(measurement(ratioAchievement(mean, goal, d), mean, t, years));
  }
  // Unknown kinds (unvalidated input) are refused rather than read as cumulative.
  if (kind !== 'cumulative') return fail('not-computable');
  const pace = T > b ? ratioAchievement(total, (goal * elapsed) / (T - b), d) : null;
  const m = measurement(ratioAchievement(total, goal, d), total, t, years);
  m.pace = pace;
  return measured(m);
}

/** A ratio that stays finite when shown in percent (×100); anything beyond is not a usable figure. */
const showable = (x: number): boolean => Number.isFinite(x * 100);

/** A measurement of one fixed shape: the kind-specific figures start absent (undefined). */
function measurement(
  achievement: number,
  actual: number,
  year: number | null,
  usedYears: number[],
): Measurement {
  return {
    achievement,
    actual,
    year,
    usedYears,
    observedGrowth: undefined,
    requiredGrowth: undefined,
    pace: undefined,
  };
}

/** The guard before a measurement leaves: every figure showable, optional ones dropped to null if not. */
function measured(m: Measurement): Outcome<Measurement> {
  if (!showable(m.achievement) || !showable(m.actual)) return fail('not-computable');
  if (m.observedGrowth !== undefined && !showable(m.observedGrowth)) return fail('not-computable');
  if (m.requiredGrowth != null && !showable(m.requiredGrowth)) m.requiredGrowth = null;
  if (m.pace != null) m.pace = showable(m.pace) ? m.pace + 0 : null;
  // `+ 0` turns −0 (e.g. d·0 for d = −1) into 0.
  m.achievement += 0;
  m.actual += 0;
  return ok(m);
}
