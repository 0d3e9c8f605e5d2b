/**
 * Round half away from zero to `decimals` places, as docs/methodology.md requires for every number on the
 * page (and for deciding bands). Float noise is removed first, so 79.95 stored as
 * 79.94999999999999 still rounds to 80.0.
 *
 * @example roundHalfAwayFromZero(71.4035, 1) // 71.4
 * @example roundHalfAwayFromZero(-2.25, 1)   // -2.3
 */
export function roundHalfAwayFromZero(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  // From 1e15 on a double has no decimals worth rounding, and 15-digit cleaning could overflow.
  if (Math.abs(x) >= 1e15) return x;
  const d = Math.trunc(decimals);
  if (d >= 0 && d <= 15) {
    // Fast path: away from a tie, plain arithmetic gives the same double as the decimal-string path
    // (an exact integer divided by an exact power of ten is correctly rounded). "Away" is relative:
    // cleaning to 15 significant digits moves y by up to ~|y|·1e-14, so a large y needs a wider margin
    // (364905336.10174954 cleans to …101750, a tie at 4 decimals).
    const f = 10 ** d;
    const y = Math.abs(x) * f;
    if (y < 2 ** 52 && Math.abs(y - Math.floor(y) - 0.5) > Math.max(1e-6, y * 1e-13)) {
      const r = (x < 0 ? -Math.round(y) : Math.round(y)) / f;
      return r === 0 ? 0 : r;
    }
  }
  const clean = Number(x.toPrecision(15));
  const sign = clean < 0 ? -1 : 1;
  const abs = Math.abs(clean);
  // Shift by the decimal exponent to avoid a second multiplication error (1.005 * 100 = 100.49999…).
  const shifted = shiftDecimal(abs, decimals);
  const rounded = Math.round(Number(shifted.toPrecision(15)));
  const result = sign * shiftDecimal(rounded, -decimals);
  return result === 0 ? 0 : result; // never -0
}

/** x · 10^k done on the decimal string, so it is exact; handles "1e-7" and "1e+21" forms too. */
function shiftDecimal(x: number, k: number): number {
  const [mantissa, exponent = '0'] = String(x).split('e');
  return Number(`${mantissa}e${Number(exponent) + k}`);
}
