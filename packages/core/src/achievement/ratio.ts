/** d = +1 when higher is better, −1 when lower is better. */
export type Sign = 1 | -1;

/**
 * Achievement of `actual` against `goal` as a ratio (1 = 100 %), direction-aware, total.
 * The one place where docs/methodology.md's ratio rules live:
 * - `d=+1`: `actual / goal`; `d=−1`: `goal / actual`;
 * - a goal of 0 ("không để xảy ra …"): 1 when the actual is on the right side of zero, else 0;
 * - a ceiling beaten by a value at or below zero (deficit turned surplus): met, 1.
 * A negative goal mirrors the rule (for `d=+1` a floor of −5 beaten by any value ≥ 0 is met), so the
 * ratio never rewards moving the wrong way.
 *
 * @example ratioAchievement(75, 100, 1)  // 0.75
 * @example ratioAchievement(1.25, 1, -1) // 0.8 (ceiling 1, actual 1,25)
 * @example ratioAchievement(-3, 10, -1)  // 1 (deficit ceiling 10 beaten by a surplus)
 * @example ratioAchievement(2, 0, -1)    // 0 (target 0 not kept)
 */
export function ratioAchievement(actual: number, goal: number, d: Sign): number {
  if (goal === 0) return d * actual >= 0 ? 1 : 0;
  // Higher-is-better on the scale of |goal|: +1 for a positive floor or a negative ceiling.
  const e = d * Math.sign(goal);
  if (e > 0) return actual / goal;
  return actual / goal <= 0 ? 1 : goal / actual;
}
