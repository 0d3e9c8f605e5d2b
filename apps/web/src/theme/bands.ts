import type { ForecastClass } from '@chitieu/core';

/**
 * Band colours chosen for WCAG AA on white: every one reaches at least 4,5:1 as text (so 3:1 as a bar or
 * icon). Ant Design's default success (#52c41a, ≈2,2:1) and warning (#faad14, ≈1,8:1) do not.
 * Measured contrast on #ffffff: blue 6,6:1 · green 5,1:1 · amber 5,0:1 · red 5,6:1 · grey 7,0:1.
 */
export const AA = {
  blue: '#1d5f91',
  green: '#1a7f37',
  amber: '#9a6700',
  red: '#c62828',
  grey: '#595959',
} as const;

/** Highest band first: two bands are good/bad, three add the middle, four add "exceeded" above. */
const PALETTES: Record<number, string[]> = {
  1: [AA.green],
  2: [AA.green, AA.red],
  3: [AA.green, AA.amber, AA.red],
  4: [AA.blue, AA.green, AA.amber, AA.red],
};

/**
 * The colour of band `index` (0 = highest) among `count` bands; grey for no band (no data).
 *
 * @example bandColor(0, 3) // '#1a7f37'
 * @example bandColor(null, 3) // '#595959'
 */
export function bandColor(index: number | null | undefined, count: number): string {
  if (index == null) return AA.grey;
  const palette = PALETTES[count] ?? PALETTES[4] ?? [];
  // More than four bands: the middle ones share amber, the ends keep their meaning.
  if (count > 4)
    return index === 0 ? AA.blue : index === count - 1 ? AA.red : index === 1 ? AA.green : AA.amber;
  return palette[index] ?? AA.grey;
}

/** The colour of a forecast class, paired with its words wherever it is shown. */
export function forecastColor(c: ForecastClass | 'insufficient-data'): string {
  if (c === 'exceed') return AA.blue;
  if (c === 'complete') return AA.green;
  if (c === 'at-risk') return AA.red;
  return AA.grey;
}
