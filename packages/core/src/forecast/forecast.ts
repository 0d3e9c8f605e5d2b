import { type KindSpec, type Measurement, measureAchievement, type Series } from '../achievement/measure.js';
import type { Outcome } from '../achievement/outcome.js';
import { achievementPercent } from '../bands/bands.js';
import type { Effort, Reason } from '../evaluation-types.js';
import type { ForecastClass, TrendModel } from '../model.js';
import { effortOf } from './effort.js';
import { type Bounds, fitTrend, type PathPoint, type PlanFigures, projectPath, type Trend } from './trend.js';

/** Forecast thresholds in percent of the goal. */
export interface ForecastThresholds {
  exceed: number;
  complete: number;
}

export const DEFAULT_FORECAST_THRESHOLDS: ForecastThresholds = { exceed: 105, complete: 100 };

/**
 * A plan's thresholds with defaults filled in.
 *
 * @example forecastThresholds({ exceed: 110 }) // { exceed: 110, complete: 100 }
 */
export function forecastThresholds(
  t?: { exceed?: number | null; complete?: number | null } | null,
): ForecastThresholds {
  const pick = (x: number | null | undefined, dflt: number) =>
    typeof x === 'number' && Number.isFinite(x) ? x : dflt;
  return {
    exceed: pick(t?.exceed, DEFAULT_FORECAST_THRESHOLDS.exceed),
    complete: pick(t?.complete, DEFAULT_FORECAST_THRESHOLDS.complete),
  };
}

/**
 * The forecast class of a rounded projected achievement in percent.
 *
 * @example forecastClass(105, DEFAULT_FORECAST_THRESHOLDS)  // 'exceed'
 * @example forecastClass(99.9, DEFAULT_FORECAST_THRESHOLDS) // 'at-risk'
 */
export function forecastClass(percent: number, th: ForecastThresholds): ForecastClass {
  if (percent >= th.exceed) return 'exceed';
  if (percent >= th.complete) return 'complete';
  return 'at-risk';
}

export interface ForecastInput {
  spec: KindSpec;
  /** Actual figures in [b, t] (levels, or yearly rates in percent for avg-growth with rates). */
  series: Series;
  /** A at t, as measured. */
  measurement: Outcome<Measurement>;
  /** The annual plan figures: a series of them, or a function of the year (null when none). */
  plan: PlanFigures;
  trend: TrendModel;
  bounds?: Bounds | null;
  /** milestone only: the user's own class. */
  expected?: ForecastClass | null;
  thresholds: ForecastThresholds;
}

export interface ForecastResult {
  /** v̂_T for projected levels; null when nothing was projected (t = T, rates, milestone). */
  value: number | null;
  /** P, unrounded. */
  achievement: number | null;
  /** The kind's figure at T (like `Measurement.actual`: v̂_T, S_T, the term's mean, g in percent …). */
  actual: number | null;
  /** P rounded like A (1 decimal, percent). */
  achievementPercent: number | null;
  class: ForecastClass | 'insufficient-data';
  effort: Effort | null;
  path: PathPoint[];
  reason?: Reason;
}

/**
 * A forecast that cannot be made, and why.
 *
 * @example insufficientForecast({ code: 'too-few-points', params: { count: 1 } }).class // 'insufficient-data'
 */
export const insufficientForecast = (reason: Reason, effort: Effort | null = null): ForecastResult => ({
  value: null,
  achievement: null,
  actual: null,
  achievementPercent: null,
  class: 'insufficient-data',
  effort,
  path: [],
  reason,
});

function classified(
  atT: Measurement,
  th: ForecastThresholds,
  value: number | null,
  effort: Effort,
  path: PathPoint[],
): ForecastResult {
  const percent = achievementPercent(atT.achievement);
  return {
    value,
    effort,
    path,
    achievement: atT.achievement,
    actual: atT.actual,
    achievementPercent: percent,
    class: forecastClass(percent, th),
  };
}

/** Actual figures up to `t`, then the projected path: what the kind's formula reads at T. */
class Projected implements Series {
  constructor(
    private readonly actual: Series,
    private readonly t: number,
    private readonly path: readonly PathPoint[],
  ) {}

  get(year: number): number | undefined {
    return year > this.t ? this.path[year - this.t - 1]?.value : this.actual.get(year);
  }
}

/**
 * Forecast of completion at the target year (docs/methodology.md "Forecast"). At t = T, P = A. Before T it needs
 * two actual points in [b, t] (one yearly rate for avg-growth with rates, the same information), then
 * projects year by year — plan values first, else the trend step, clamped — and applies the kind's own
 * formula at T. A milestone takes the user's `expected` class (or `complete` once done).
 *
 * @example
 * // level 200 by 2025; actuals 2020: 100, 2023: 150 (compound trend, +14,47 %/year)
 * forecastTarget({ spec, series, measurement, plan: () => null, trend: 'compound', thresholds })
 * // { value: 196.6…, achievementPercent: 98.3, class: 'at-risk', path: [2024, 2025], effort: { kind: 'level', … } }
 */
export function forecastTarget(input: ForecastInput): ForecastResult {
  const { spec, series, measurement, thresholds } = input;
  const T = spec.targetYear;
  if (!measurement.ok) return insufficientForecast(measurement.reason);
  const m = measurement.value;
  const effort = effortOf(spec, series, m);
  const t = m.year;

  if (spec.kind === 'milestone') {
    if (m.achievement >= 1 || (t !== null && t >= T)) return classified(m, thresholds, null, effort, []);
    if (input.expected) {
      return {
        value: null,
        achievement: null,
        actual: null,
        achievementPercent: null,
        class: input.expected,
        effort,
        path: [],
      };
    }
    return insufficientForecast({ code: 'not-computable', params: { subject: 'expected' } }, effort);
  }
  if (t === null) return insufficientForecast({ code: 'no-actual' });
  if (t >= T) return classified(m, thresholds, null, effort, []);

  const b = spec.baselineYear;
  const rates = spec.kind === 'avg-growth' && spec.input === 'rates';
  // The actual points in [b, t] (rates from b+1), years ascending, in arrays of their exact size.
  const from = rates ? b + 1 : b;
  let n = 0;
  for (let y = from; y <= t; y++) if (series.get(y) !== undefined) n++;
  if (n < (rates ? 1 : 2))
    return insufficientForecast({ code: 'too-few-points', params: { count: n } }, effort);
  const xs = new Array<number>(n);
  const ys = new Array<number>(n);
  for (let y = from, i = 0; y <= t; y++) {
    const v = series.get(y);
    if (v === undefined) continue;
    xs[i] = y;
    ys[i++] = v;
  }

  let trend: Trend;
  let start: number;
  if (rates) {
    // Each future rate: the plan's rate for that year, else the average so far.
    start = (m.observedGrowth ?? 0) * 100;
    trend = { model: 'constant', x: start };
  } else {
    const fit = fitTrend(input.trend, xs, ys);
    if (!fit.ok) return insufficientForecast(fit.reason, effort);
    trend = fit.value;
    start = series.get(t) as number;
  }
  const path = projectPath({
    from: t,
    to: T,
    start,
    step: trend,
    plan: input.plan,
    bounds: rates ? null : input.bounds,
  });
  for (const p of path)
    if (!Number.isFinite(p.value)) return insufficientForecast({ code: 'not-computable' }, effort);

  const atT = measureAchievement(spec, new Projected(series, t, path), T);
  if (!atT.ok) return insufficientForecast(atT.reason, effort);
  const last = path[path.length - 1];
  return classified(atT.value, thresholds, rates || !last ? null : last.value, effort, path);
}
