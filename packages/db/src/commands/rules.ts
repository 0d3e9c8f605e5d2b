/**
 * The shared rules as the commands apply them: each check returns located problems (`DomainProblem`)
 * that a command turns into one `invalid` DomainError, so nothing is written. The one place that
 * calls the rules module, so switching a check to `@chitieu/rules` is one line here.
 */
import type { DomainProblem } from '../repositories/records.js';

/** An indicator's declared bounds, as stored. */
export interface StoredBounds {
  code: string;
  bound_min: number | null;
  bound_max: number | null;
}

/**
 * Problems of a figure's value against its indicator's declared bounds (path `value`).
 *
 * @example figureProblems({ value: 250 }, { code: 'BHYT', bound_min: 0, bound_max: 100 })
 * // [{ path: 'value', subject: '250', rule: 'out-of-bounds' }]
 */
export function figureProblems(figure: { value: number }, indicator: StoredBounds): DomainProblem[] {
  const { value } = figure;
  if (!Number.isFinite(value)) return [{ path: 'value', subject: String(value), rule: 'not-a-number' }];
  const low = indicator.bound_min;
  const high = indicator.bound_max;
  if ((low != null && value < low) || (high != null && value > high))
    return [{ path: 'value', subject: String(value), rule: 'out-of-bounds' }];
  return [];
}

/**
 * Problems of a target's goal fields (paths relative to the target).
 *
 * @example targetProblems({ kind: 'level', low: 9, high: 1 }) // [{ path: 'low', rule: 'range-order' }]
 */
export function targetProblems(t: { low?: number | null; high?: number | null }): DomainProblem[] {
  if (t.low != null && t.high != null && t.low > t.high) return [{ path: 'low', rule: 'range-order' }];
  return [];
}

/**
 * Problems of a plan's own fields.
 *
 * @example planProblems({ baselineYear: 2025, targetYear: 2020 }) // [{ path: 'targetYear', rule: 'year-order' }]
 */
export function planProblems(p: { baselineYear: number; targetYear: number }): DomainProblem[] {
  return p.targetYear <= p.baselineYear ? [{ path: 'targetYear', rule: 'year-order' }] : [];
}
