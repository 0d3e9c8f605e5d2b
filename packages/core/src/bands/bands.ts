import { roundHalfAwayFromZero } from '../format/round.js';

/** Default lower band edges in percent, highest first: ≥ 80 %, ≥ 50 %, < 50 %. */
export const DEFAULT_BAND_EDGES: readonly number[] = [80, 50];

/**
 * An achievement ratio as the percentage shown on the page: rounded half away from zero to 1 decimal.
 * Bands and `met` are decided on this figure, so the number and its band always agree.
 *
 * @example achievementPercent(0.7996) // 80
 * @example achievementPercent(0.71404) // 71.4
 */
export function achievementPercent(achievement: number): number {
  return roundHalfAwayFromZero(achievement * 100, 1);
}

/** A growth ratio as the percentage shown on the page, 2 decimals. @example growthPercent(0.107103) // 10.71 */
export function growthPercent(growth: number): number {
  return roundHalfAwayFromZero(growth * 100, 2);
}

/**
 * A plan's band edges made usable: finite numbers only, distinct, highest first; the default when
 * the plan sets none.
 *
 * @example bandEdges([50, 100, 80]) // [100, 80, 50]
 * @example bandEdges(null)          // [80, 50]
 */
export function bandEdges(edges?: readonly number[] | null): number[] {
  const clean = [...new Set((edges ?? []).filter((e) => Number.isFinite(e)))].sort((a, b) => b - a);
  return clean.length > 0 ? clean : [...DEFAULT_BAND_EDGES];
}

/**
 * The band of a rounded achievement percentage: the index of the first edge it reaches (lower edge
 * inclusive), or `edges.length` for the lowest band. `edges` must come from `bandEdges`.
 *
 * @example bandIndex(80, [80, 50])   // 0
 * @example bandIndex(79.9, [80, 50]) // 1
 * @example bandIndex(12, [80, 50])   // 2
 */
export function bandIndex(percent: number, edges: readonly number[]): number {
  for (let i = 0; i < edges.length; i++) if (percent >= (edges[i] as number)) return i;
  return edges.length;
}

/**
 * Met: the rounded figure is at least 100,0 %.
 *
 * @example isMet(achievementPercent(0.99951)) // true (shown as 100,0 %)
 * @example isMet(99.9) // false
 */
export function isMet(percent: number): boolean {
  return percent >= 100;
}
