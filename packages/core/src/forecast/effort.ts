import { firstYearWith, type KindSpec, type Measurement, type Series } from '../achievement/measure.js';
import { growthPercent } from '../bands/bands.js';
import type { Effort } from '../evaluation-types.js';

const perYear = (amount: number, years: number): number | null => {
  const x = amount / years + 0; // `+ 0`: an underflow to −0 prints as 0
  return years > 0 && Number.isFinite(x) ? x : null;
};

/** An already-met target needs 0 more, not a negative amount. */
const atLeastZero = (x: number | null): number | null => (x === null ? null : Math.max(0, x));

/**
 * The effort still needed from `t` to `T`, next to what was achieved per year so far (docs/methodology.md
 * "Each forecast states the effort"):
 * - `avg-growth` → `growth`: g_req and g_obs in percent (2 decimals);
 * - `change` → `change`: the yearly change (in the desired direction) still required, `(c*·(T−b) − c_obs·(t−b))/(T−t)`;
 * - `cumulative` → `remaining-total`: `(y* − S_t)/(T−t)` per year, next to `S_t/(t−b)`;
 * - `annual` → `annual`: the yearly figure that brings the term's mean to y*, next to the mean so far;
 * - `level` → `level`: the change per year from v_t to y*, next to the change per year since the first year;
 * - `milestone` → `none`.
 * Required amounts never go past zero the wrong way: an already-met target needs 0 (growth excepted:
 * a negative g_req is a real figure). At t = T nothing remains: `requiredPerYear` is null.
 *
 * @example
 * effortOf({ kind: 'cumulative', d: 1, goal: 1000, baselineYear: 2020, targetYear: 2025, input: 'levels' },
 *   series, { achievement: 0.55, actual: 550, year: 2023, usedYears: [2021, 2022, 2023] })
 * // { kind: 'remaining-total', requiredPerYear: 225, achievedPerYear: 183.33…, remainingYears: 2 }
 */
export function effortOf(spec: KindSpec, series: Series, m: Measurement): Effort {
  const { kind, goal, baselineYear: b, targetYear: T } = spec;
  const t = m.year ?? b;
  const remaining = Math.max(0, T - t);
  const elapsed = t - b;
  switch (kind) {
    case 'avg-growth':
      return effort(
        'growth',
        m.requiredGrowth == null ? null : growthPercent(m.requiredGrowth),
        m.observedGrowth === undefined ? null : growthPercent(m.observedGrowth),
        remaining,
      );
    case 'change':
      return effort(
        'change',
        atLeastZero(perYear(goal * (T - b) - m.actual * elapsed, remaining)),
        m.actual,
        remaining,
      );
    case 'cumulative':
      return effort(
        'remaining-total',
        atLeastZero(perYear(goal - m.actual, remaining)),
        perYear(m.actual, elapsed),
        remaining,
      );
    case 'annual':
      return effort(
        'annual',
        atLeastZero(perYear(goal * (T - b) - m.actual * elapsed, remaining)),
        m.actual,
        remaining,
      );
    case 'level': {
      const first = firstYearWith(series, b, t - 1);
      const vf = first === null ? undefined : series.get(first);
      const achieved = first === null || vf === undefined ? null : perYear(m.actual - vf, t - first);
      const required = perYear(goal - m.actual, remaining);
      // Already past the goal: no further change is needed (never "increase by −3,5").
      return effort('level', required !== null && spec.d * required < 0 ? 0 : required, achieved, remaining);
    }
    default:
      return effort('none', null, null, remaining);
  }
}

/** The effort record; at t = T nothing remains, so nothing is required. */
function effort(
  kind: Effort['kind'],
  required: number | null,
  achieved: number | null,
  remaining: number,
): Effort {
  return {
    kind,
    requiredPerYear: remaining > 0 && required !== null && Number.isFinite(required) ? required : null,
    achievedPerYear: achieved !== null && Number.isFinite(achieved) ? achieved : null,
    remainingYears: remaining,
  };
}
