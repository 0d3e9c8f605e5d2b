import type { Direction, Target } from '../model.js';

// `+ 0` turns −0 into 0 so it never reaches the output.
const num = (x: number | null | undefined): number | null =>
  typeof x === 'number' && Number.isFinite(x) ? x + 0 : null;

/**
 * The goal a target is measured against (docs/methodology.md "Ranges"). A range (`low`/`high`) takes the bound
 * that must be met: for `level`, `annual` and `cumulative` the low bound when higher is better and the
 * high bound when lower is better; for `avg-growth` and `change` the bound nearer zero (the smaller pace
 * that still fulfils the target). With one bound only, that bound; without a range, `value`
 * ("khoảng X" is the single value X). Null when the target sets no number.
 *
 * @example resolveGoal({ kind: 'avg-growth', low: 6.5, high: 7 }, 'up')  // 6.5
 * @example resolveGoal({ kind: 'level', low: 33, high: 34 }, 'down')     // 34
 * @example resolveGoal({ kind: 'change', low: 1, high: 1.5 }, 'down')    // 1
 */
export function resolveGoal(
  target: Pick<Target, 'kind' | 'value' | 'low' | 'high'>,
  direction: Direction,
): number | null {
  const a = num(target.low);
  const b = num(target.high);
  if (a === null || b === null) return a ?? b ?? num(target.value);
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (target.kind === 'avg-growth' || target.kind === 'change') return Math.abs(lo) <= Math.abs(hi) ? lo : hi;
  return direction === 'up' ? lo : hi;
}

/**
 * An `avg-growth` goal in percent as the signed growth ratio it promises. With lower-is-better
 * (`d=−1`) the goal is a decline whichever way it was written: "giảm bình quân 1,5 %/năm" may be entered
 * as 1.5 or −1.5, like `change` targets whose `c*` is stated in the desired direction.
 *
 * @example growthGoal(15, 1)    // 0.15
 * @example growthGoal(1.5, -1)  // -0.015
 * @example growthGoal(-1.5, -1) // -0.015
 */
export function growthGoal(goalPercent: number, d: 1 | -1): number {
  return (d < 0 ? -Math.abs(goalPercent) : goalPercent) / 100;
}
