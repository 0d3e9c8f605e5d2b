/**
 * An indicator's bounds: the range its figures must lie in. Declared as `bounds: [low, high]` (null is
 * an open end: `[0, null]` for counts, money and tonnes, `[null, null]` for a signed measure such as a
 * trade-balance ratio). Without declared bounds a `%` indicator is a share in 0–100 — unless it holds
 * yearly growth rates (an `input: rates` target uses it), which may be negative or above 100.
 */

export interface BoundedIndicator {
  code: string;
  /** Unit of measure ("%", "tỷ đồng"). */
  unit: string;
  bounds?: readonly [number | null, number | null] | null;
}

export interface EffectiveBounds {
  low: number | null;
  high: number | null;
  /** True when the bounds come from the `%` default rather than a declaration. */
  implied: boolean;
}

/** `%` and nothing else: "% GRDP" or "điểm %" are not shares of 100. */
export const isPercentUnit = (unit: string): boolean => unit.trim() === '%';

/**
 * The bounds a figure of the indicator must respect, or null when it is open on both ends.
 *
 * @example effectiveBounds({ code: 'BHYT', unit: '%' }) // { low: 0, high: 100, implied: true }
 * @example effectiveBounds({ code: 'GRDP', unit: '%' }, true) // null (holds growth rates)
 * @example effectiveBounds({ code: 'FIRE', unit: 'vụ', bounds: [0, null] }) // { low: 0, high: null, implied: false }
 */
export function effectiveBounds(
  indicator: BoundedIndicator,
  holdsGrowthRates = false,
): EffectiveBounds | null {
  const b = indicator.bounds;
  if (Array.isArray(b)) {
    const low = typeof b[0] === 'number' ? b[0] : null;
    const high = typeof b[1] === 'number' ? b[1] : null;
    return low === null && high === null ? null : { low, high, implied: false };
  }
  if (isPercentUnit(indicator.unit) && !holdsGrowthRates) return { low: 0, high: 100, implied: true };
  return null;
}

/**
 * Whether a number lies within bounds (ends inclusive).
 *
 * @example withinBounds(250, { low: 0, high: 100, implied: true }) // false
 */
export function withinBounds(x: number, b: EffectiveBounds | null): boolean {
  if (b === null) return true;
  return (b.low === null || x >= b.low) && (b.high === null || x <= b.high);
}

/**
 * The codes of indicators that hold yearly growth rates: those an `avg-growth` target with
 * `input: rates` uses.
 *
 * @example growthRateIndicators([{ targets: [{ kind: 'avg-growth', input: 'rates', indicator: 'GRDP' }] }]) // Set { 'GRDP' }
 */
export function growthRateIndicators(
  plans: readonly { targets?: readonly { kind?: unknown; input?: unknown; indicator?: unknown }[] | null }[],
): Set<string> {
  const out = new Set<string>();
  for (const p of plans)
    for (const t of p.targets ?? [])
      if (t.kind === 'avg-growth' && t.input === 'rates' && typeof t.indicator === 'string')
        out.add(t.indicator);
  return out;
}
