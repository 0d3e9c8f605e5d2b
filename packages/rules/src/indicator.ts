/**
 * The rules of one indicator (chỉ tiêu thống kê) beyond its schema. References to other indicators
 * (weight, formula codes) need the set of indicators and are checked where that set is known.
 */
import type { Problem } from './problem.js';

export interface IndicatorShape {
  code?: unknown;
  aggregation?: unknown;
  weight?: unknown;
  formula?: unknown;
  bounds?: unknown;
}

const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/**
 * Every problem of one indicator, paths relative to it.
 *
 * @example checkIndicator({ code: 'X', aggregation: 'weighted-mean' }) // [{ path: ['weight'], code: 'weight-required' }]
 * @example checkIndicator({ code: 'X', bounds: [100, 0] }) // [{ path: ['bounds'], code: 'min-above-max', params: { low: 100, high: 0 } }]
 */
export function checkIndicator(ind: IndicatorShape): Problem[] {
  const problems: Problem[] = [];
  if (ind.aggregation === 'weighted-mean' && ind.weight == null)
    problems.push({ path: ['weight'], code: 'weight-required' });
  if (ind.weight != null && typeof ind.code === 'string' && ind.weight === ind.code)
    problems.push({ path: ['weight'], code: 'weight-self' });
  if (ind.aggregation === 'ratio' && ind.formula == null)
    problems.push({ path: ['formula'], code: 'ratio-needs-formula' });
  const bounds = Array.isArray(ind.bounds) ? ind.bounds : [];
  const lo = num(bounds[0]);
  const hi = num(bounds[1]);
  if (lo !== undefined && hi !== undefined && lo > hi)
    problems.push({ path: ['bounds'], code: 'min-above-max', params: { low: lo, high: hi } });
  return problems;
}
