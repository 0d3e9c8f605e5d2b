import type { Series } from '../achievement/measure.js';
import { fail, type Outcome, ok } from '../achievement/outcome.js';
import { averageGrowthFromLevels } from '../growth/growth.js';
import type { TrendModel } from '../model.js';

export type Bounds = readonly [number | null, number | null];

/** One projected year and where its value came from. */
export interface PathPoint {
  year: number;
  value: number;
  source: 'plan' | 'trend';
}

/**
 * Least-squares slope of points `(year, value)`; with two points it is `(v_t − v_f)/(t − f)`.
 *
 * @example leastSquaresSlope([[2020, 10], [2021, 12], [2022, 13]]) // 1.5
 */
export function leastSquaresSlope(points: readonly (readonly [number, number])[]): Outcome<number> {
  return slopeOf(
    points.map((p) => p[0]),
    points.map((p) => p[1]),
  );
}

/** The least-squares slope of `ys` over `xs` (same length). */
function slopeOf(xs: readonly number[], ys: readonly number[]): Outcome<number> {
  const n = xs.length;
  if (n < 2) return fail('too-few-points', { count: n });
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i] as number;
    sy += ys[i] as number;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    sxy += dx * ((ys[i] as number) - my);
    sxx += dx ** 2;
  }
  if (sxx === 0) return fail('zero-divisor', { subject: 'years' });
  const s = sxy / sxx;
  return Number.isFinite(s) ? ok(s) : fail('not-computable');
}

/**
 * Clamp to an indicator's bounds (null = open).
 *
 * @example clampToBounds(104.2, [0, 100]) // 100
 */
export function clampToBounds(x: number, bounds: Bounds | null | undefined): number {
  if (!bounds) return x + 0;
  const [lo, hi] = bounds;
  // `+ 0`: a bound written as −0 must not print as −0.
  if (lo !== null && x < lo) return lo + 0;
  if (hi !== null && x > hi) return hi + 0;
  return x + 0;
}

/** One trend step from the previous year's value. */
type Step = (previous: number) => number;

/**
 * A fitted trend as plain data: `compound` multiplies by `1 + x`, `linear` adds `x`, `constant` is `x`
 * every year (the average rate so far, for a target recorded as yearly rates).
 */
export interface Trend {
  model: 'compound' | 'linear' | 'constant';
  x: number;
}

/** @example nextValue({ model: 'compound', x: 0.1 }, 121) // 133.1 */
export function nextValue(trend: Trend, previous: number): number {
  if (trend.model === 'compound') return previous * (1 + trend.x);
  if (trend.model === 'linear') return previous + trend.x;
  return trend.x;
}

/**
 * The trend model fitted to actual points `(xs[i], ys[i])`, years ascending: `compound` grows by
 * `g = (v_t/v_f)^(1/(t−f)) − 1`, `linear` adds the least-squares slope. When compound growth cannot be
 * computed (a zero first value or a change of sign) the linear model is used instead.
 *
 * @example fitTrend('compound', [2020, 2022], [100, 121]) // { ok: true, value: { model: 'compound', x: 0.1 } }
 */
export function fitTrend(model: TrendModel, xs: readonly number[], ys: readonly number[]): Outcome<Trend> {
  const n = xs.length;
  if (n < 2) return fail('too-few-points', { count: n });
  if (model === 'compound') {
    const g = averageGrowthFromLevels(
      ys[0] as number,
      ys[n - 1] as number,
      (xs[n - 1] as number) - (xs[0] as number),
    );
    if (g.ok) return ok({ model: 'compound', x: g.value });
  }
  const s = slopeOf(xs, ys);
  return s.ok ? ok({ model: 'linear', x: s.value }) : s;
}

/**
 * The step of a trend model fitted to the actual points (see `fitTrend`), as a function.
 *
 * @example trendStep('compound', new Map([[2020, 100], [2022, 121]])) // ok: v ↦ v·1.1
 */
export function trendStep(model: TrendModel, actuals: ReadonlyMap<number, number>): Outcome<Step> {
  const points = [...actuals].sort((a, b) => a[0] - b[0]);
  const fit = fitTrend(
    model,
    points.map((p) => p[0]),
    points.map((p) => p[1]),
  );
  if (!fit.ok) return fit;
  const trend = fit.value;
  return ok((v) => nextValue(trend, v));
}

/** The annual plan figures: a series of them, or a function of the year (null when none). */
export type PlanFigures = Series | ((year: number) => number | null);

/** The plan figure of a year, when there is a usable one. */
function plannedIn(plan: PlanFigures, year: number): number | null {
  const v = typeof plan === 'function' ? plan(year) : plan.get(year);
  return v !== undefined && v !== null && Number.isFinite(v) ? v : null;
}

/**
 * Future values `v̂_y` for `y = t+1 … T` from `v̂_t = v_t`: the plan value for that year when there is one,
 * else one trend step from the year before, clamped to the bounds.
 *
 * @example
 * projectPath({ from: 2023, to: 2025, start: 130, step: (v) => v + 10, plan: (y) => (y === 2024 ? 150 : null) })
 * // [{ year: 2024, value: 150, source: 'plan' }, { year: 2025, value: 160, source: 'trend' }]
 */
export function projectPath(args: {
  from: number;
  to: number;
  start: number;
  step: Step | Trend;
  plan: PlanFigures;
  bounds?: Bounds | null;
}): PathPoint[] {
  const { step, plan, bounds } = args;
  const path = new Array<PathPoint>(Math.max(0, args.to - args.from));
  let previous = args.start;
  for (let y = args.from + 1; y <= args.to; y++) {
    const planned = plannedIn(plan, y);
    const point: PathPoint =
      planned !== null
        ? { year: y, value: planned, source: 'plan' }
        : {
            year: y,
            value: clampToBounds(
              typeof step === 'function' ? step(previous) : nextValue(step, previous),
              bounds,
            ),
            source: 'trend',
          };
    path[y - args.from - 1] = point;
    previous = point.value;
  }
  return path;
}
