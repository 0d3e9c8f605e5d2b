/**
 * The rules of one plan's own fields beyond its schema: the years in order, the band edges decreasing,
 * one label per band, forecast thresholds in order. Its targets are judged by `checkTarget`.
 */
import type { Problem } from './problem.js';

export interface PlanShape {
  baselineYear?: unknown;
  targetYear?: unknown;
  bands?: unknown;
  bandLabels?: unknown;
  forecast?: unknown;
}

const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/**
 * Every problem of a plan's own fields, paths relative to the plan.
 *
 * @example checkPlan({ baselineYear: 2025, targetYear: 2020 })
 * // [{ path: ['targetYear'], code: 'years-order', params: { baseline: 2025, target: 2020 } }]
 */
export function checkPlan(p: PlanShape): Problem[] {
  const problems: Problem[] = [];
  const b = num(p.baselineYear);
  const t = num(p.targetYear);
  if (b !== undefined && t !== undefined && Number.isInteger(b) && Number.isInteger(t) && b >= t)
    problems.push({ path: ['targetYear'], code: 'years-order', params: { baseline: b, target: t } });
  const bands = Array.isArray(p.bands) ? (p.bands as unknown[]) : null;
  if (
    bands?.some((x, i) => {
      const cur = num(x);
      const prev = i > 0 ? num(bands[i - 1]) : undefined;
      return cur !== undefined && prev !== undefined && cur >= prev;
    })
  )
    problems.push({ path: ['bands'], code: 'bands-order' });
  if (Array.isArray(p.bandLabels)) {
    const expected = (bands?.length ?? 2) + 1;
    if (p.bandLabels.length !== expected)
      problems.push({
        path: ['bandLabels'],
        code: 'band-labels-count',
        params: { expected, count: p.bandLabels.length },
      });
  }
  if (typeof p.forecast === 'object' && p.forecast !== null) {
    const f = p.forecast as Record<string, unknown>;
    const exceed = num(f.exceed) ?? 105;
    const complete = num(f.complete) ?? 100;
    if (exceed < complete)
      problems.push({ path: ['forecast'], code: 'forecast-order', params: { exceed, complete } });
  }
  return problems;
}
