import { firstYearWith, type Series } from '../achievement/measure.js';
import { fail, type Outcome, ok } from '../achievement/outcome.js';
import type { Sign } from '../achievement/ratio.js';
import type { SdgStatus } from '../evaluation-types.js';
import { cagr } from '../growth/growth.js';

export interface SdgProgress {
  status: Exclude<SdgStatus, 'insufficient-data'>;
  /** R with a target, p without; null when the target is already achieved. */
  ratio: number | null;
}

/** Open SDG replaces a zero base or target by 0,001 so that growth rates exist. */
const nonZero = (x: number): number => (x === 0 ? 0.001 : x);

function statusOf(x: number, edges: readonly [number, number, number]): SdgProgress['status'] {
  if (x >= edges[0]) return 'substantial';
  if (x >= edges[1]) return 'moderate';
  if (x >= edges[2]) return 'limited';
  return 'deterioration';
}

/**
 * SDG progress from growth rates (ratios): with a required growth, `R = d·CAGR_obs/|CAGR_req|` against
 * 0,95 / 0,6 / 0; without one, `p = d·CAGR_obs` against 0,015 / 0,005 / 0.
 *
 * @example sdgProgressFromGrowth(0.03, 0.04, 1)   // { ok: true, value: { status: 'moderate', ratio: 0.75 } }
 * @example sdgProgressFromGrowth(-0.02, null, -1) // { ok: true, value: { status: 'substantial', ratio: 0.02 } }
 */
export function sdgProgressFromGrowth(
  observed: number,
  required: number | null,
  d: Sign,
): Outcome<SdgProgress> {
  if (required === null) {
    const p = d * observed + 0; // never −0
    return ok({ status: statusOf(p, [0.015, 0.005, 0]), ratio: p });
  }
  if (required === 0) return fail('zero-divisor', { subject: 'required-growth' });
  const r = (d * observed) / Math.abs(required) + 0;
  return Number.isFinite(r) ? ok({ status: statusOf(r, [0.95, 0.6, 0]), ratio: r }) : fail('not-computable');
}

export interface SdgLevelsInput {
  d: Sign;
  /** Actual levels in [b, t]. */
  series: Series;
  baselineYear: number;
  targetYear: number;
  /** t, the latest year with an actual. */
  year: number | null;
  /** y* at the target year, or null when the target sets no number. */
  goal: number | null;
}

/**
 * SDG progress of a level series (Open SDG ProgressMeasure, Statistics Canada method, docs/methodology.md):
 * `CAGR_obs = (v_t/v_b)^(1/(t−b)) − 1`, `CAGR_req = (y* / v_b)^(1/(T−b)) − 1`; already met →
 * `target-achieved`. Zero base or target become 0,001; base and latest must share a sign. The base is
 * v_b, or the earliest later actual when v_b is missing (as Open SDG does).
 *
 * @example
 * sdgProgressOfLevels({ d: 1, series: new Map([[2015, 50], [2020, 60]]), baselineYear: 2015, targetYear: 2030, year: 2020, goal: 80 })
 * // CAGR_obs 3,71 %, CAGR_req 3,18 % → { status: 'substantial', ratio: 1.167… }
 */
export function sdgProgressOfLevels(input: SdgLevelsInput): Outcome<SdgProgress> {
  const { d, series, baselineYear: b, targetYear: T, year: t, goal } = input;
  if (t === null) return fail('no-actual');
  const vt = series.get(t);
  if (vt === undefined) return fail('no-actual', { year: t });
  if (goal !== null && d * (vt - goal) >= 0) return ok({ status: 'target-achieved', ratio: null });
  const f = firstYearWith(series, b, t - 1);
  const raw = f === null ? undefined : series.get(f);
  if (f === null || raw === undefined) return fail('no-baseline', { year: b });
  const base = nonZero(raw);
  if (base * vt < 0) return fail('sign-mismatch', { year: f, latestYear: t });
  const observed = cagr(base, vt, t - f);
  if (!observed.ok) return observed;
  if (goal === null) return sdgProgressFromGrowth(observed.value, null, d);
  const target = nonZero(goal);
  if (base * target < 0) return fail('sign-mismatch', { year: f, subject: 'target' });
  const required = cagr(base, target, T - f);
  if (!required.ok) return required;
  return sdgProgressFromGrowth(observed.value, required.value, d);
}
