/**
 * Round half away from zero to `decimals` places, as METHOD.md requires for every number on the
 * page (and for deciding bands). Float noise is removed first, so 79.95 stored as
 * 79.94999999999999 still rounds to 80.0.
 *
 * @example roundHalfAwayFromZero(71.4035, 1) // 71.4
 * @example roundHalfAwayFromZero(-2.25, 1)   // -2.3
 */
export function roundHalfAwayFromZero(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const clean = Number(x.toPrecision(15));
  const sign = clean < 0 ? -1 : 1;
  const abs = Math.abs(clean);
  // Shift by string exponent to avoid a second multiplication error (1.005 * 100 = 100.49999…).
  const shifted = Number(`${abs}e${decimals}`);
  const rounded = Math.round(Number(shifted.toPrecision(15)));
  const result = sign * Number(`${rounded}e-${decimals}`);
  return result === 0 ? 0 : result; // never -0
}
