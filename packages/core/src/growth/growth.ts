/**
 * Growth formulas of docs/methodology.md. Rates are ratios here (0.1071 = 10,71 %); percent only at the edges.
 */
import { fail, finite, type Outcome } from '../achievement/outcome.js';

/**
 * Average (compound) yearly growth between two levels: `(to / from)^(1/years) − 1`.
 * A zero start, a change of sign or no elapsed years give a reason instead of a number.
 *
 * @example averageGrowthFromLevels(100, 121, 2) // { ok: true, value: 0.1 } (10 %/year)
 * @example averageGrowthFromLevels(0, 5, 3)     // { ok: false, reason: { code: 'zero-divisor', … } }
 */
export function averageGrowthFromLevels(from: number, to: number, years: number): Outcome<number> {
  if (!(years > 0)) return fail('no-elapsed-years');
  if (from === 0) return fail('zero-divisor', { subject: 'start' });
  const ratio = to / from;
  // A negative ratio has no real root: the series changed sign (deficit turned surplus).
  if (ratio < 0) return fail('sign-mismatch');
  return finite(ratio ** (1 / years) - 1);
}

/** CAGR, the name SDG work uses for the same formula. @example cagr(50, 60.5, 2) // { ok: true, value: 0.1 } */
export const cagr = averageGrowthFromLevels;

/**
 * Official Vietnamese average growth from yearly growth rates given in percent (geometric mean at
 * constant prices): `(Π(1 + r_y))^(1/n) − 1`. Vietnam's GDP 2016–2020 averages 5,99 %, not 6,01 %.
 *
 * @example averageGrowthFromRates([6.21, 6.81, 7.08, 7.02, 2.91]) // { ok: true, value: 0.05994… } → 5,99 %
 */
export function averageGrowthFromRates(ratesPercent: readonly number[]): Outcome<number> {
  if (ratesPercent.length === 0) return fail('no-elapsed-years');
  let product = 1;
  for (const r of ratesPercent) {
    const factor = 1 + r / 100;
    // A fall of more than 100 % is not a growth rate.
    if (!(factor >= 0)) return fail('not-computable');
    product *= factor;
  }
  return finite(product ** (1 / ratesPercent.length) - 1);
}

/**
 * Growth still required per year over the remaining `total − elapsed` years to reach the goal's
 * average `goal` over the whole term, after averaging `observed` over `elapsed` years:
 * `g_req = ((1+g*)^(T−b) / (1+g_obs)^(t−b))^(1/(T−t)) − 1`.
 *
 * @example requiredGrowth(0.15, 0.1071, 3, 5) // { ok: true, value: 0.21748… } (21,75 % for 2024–2025)
 */
export function requiredGrowth(
  goal: number,
  observed: number,
  elapsed: number,
  total: number,
): Outcome<number> {
  const remaining = total - elapsed;
  if (!(remaining > 0)) return fail('no-elapsed-years');
  if (!(1 + observed > 0)) return fail('zero-divisor', { subject: 'observed-growth' });
  if (!(1 + goal >= 0)) return fail('not-computable');
  return finite(((1 + goal) ** total / (1 + observed) ** elapsed) ** (1 / remaining) - 1);
}

/**
 * A level grown at `rate` per year for `years` years: `value·(1+rate)^years`.
 *
 * @example compoundValue(100, 0.1, 2) // 121.00000000000001
 */
export function compoundValue(value: number, rate: number, years: number): number {
  return value * (1 + rate) ** years;
}
