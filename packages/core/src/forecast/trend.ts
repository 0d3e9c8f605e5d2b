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
  const n = points.length;
  if (n < 2) return fail('too-few-points', { count: n });
  let sx = 0;
  let sy = 0;
  for (const [x, y] of points) {
    sx += x;
    sy += y;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
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
  const [lo, hi] = bounds ?? [null, null];
  // `+ 0`: a bound written as −0 must not print as −0.
  if (lo !== null && x < lo) return lo + 0;
  if (hi !== null && x > hi) return hi + 0;
  return x + 0;
}

/** One trend step from the previous year's value. */
type Step = (previous: number) => number;

/**
 * The step of a trend model fitted to the actual points: `compound` grows by
 * `g = (v_t/v_f)^(1/(t−f)) − 1`, `linear` adds the least-squares slope. When compound growth cannot be
 * computed (a zero first value or a change of sign) the linear model is used instead.
 *
 * @example trendStep('compound', new Map([[2020, 100], [2022, 121]])) // ok: v ↦ v·1.1
 */
export function trendStep(model: TrendModel, actuals: Series): Outcome<Step> {
  const points = [...actuals].sort((a, b) => a[0] - b[0]);
  if (points.length < 2) return fail('too-few-points', { count: points.length });
  if (model === 'compound') {
    const [f, vf] = points[0] as [number, number];
    const [t, vt] = points[points.length - 1] as [number, number];
    const g = averageGrowthFromLevels(vf, vt, t - f);
    if (g.ok) return ok((v) => v * (1 + g.value));
  }
  const s = leastSquaresSlope(points);
  return s.ok ? ok((v) => v + s.value) : s;
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
  step: Step;
  plan: (year: number) => number | null;
  bounds?: Bounds | null;
}): PathPoint[] {
  const path: PathPoint[] = [];
  let previous = args.start;
  for (let y = args.from + 1; y <= args.to; y++) {
    const planned = args.plan(y);
    const point: PathPoint =
      planned !== null && Number.isFinite(planned)
        ? { year: y, value: planned, source: 'plan' }
        : { year: y, value: clampToBounds(args.step(previous), args.bounds), source: 'trend' };
    path.push(point);
    previous = point.value;
  }
  return path;
}
