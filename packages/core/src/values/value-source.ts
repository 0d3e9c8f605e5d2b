import type { PlanData, Value, ValueStatus } from '../model.js';
import { STATUS_RANK } from './status.js';

export type ValueOrigin = 'entered' | 'formula' | 'aggregated';

export interface ResolvedValue {
  value: number;
  status: ValueStatus;
  origin: ValueOrigin;
  /** When an entered value exists and a derived one differs, the derived value (shown side by side). */
  derived?: number | null;
}

/**
 * Where the methodology reads figures from. `actual` never returns `plan` values (docs/methodology.md:
 * plan values feed forecasts only); `plan` returns the annual plan figure for a year.
 */
export interface ValueSource {
  actual(unit: string, indicator: string, year: number): ResolvedValue | null;
  plan(unit: string, indicator: string, year: number): number | null;
  /** Years with an actual value for this unit and indicator, ascending. */
  actualYears(unit: string, indicator: string): number[];
}

const key = (unit: string, indicator: string) => `${unit}\u0000${indicator}`;

/**
 * Index the entered whole-year values of a data set: the strongest status wins per year.
 * Sub-annual values (with `period`) are not annual figures and are ignored here.
 *
 * @example
 * const src = indexEnteredValues(data);
 * src.actual('381', 'GO', 2023) // { value: 18997.6, status: 'estimate', origin: 'entered' }
 */
export function indexEnteredValues(values: readonly Value[]): ValueSource {
  const actuals = new Map<string, Map<number, Value>>();
  const plans = new Map<string, Map<number, number>>();
  for (const v of values) {
    if (v.period != null && v.period !== '') continue;
    if (!Number.isFinite(v.value)) continue;
    const k = key(v.unit, v.indicator);
    if (v.status === 'plan') {
      const m = plans.get(k) ?? new Map<number, number>();
      plans.set(k, m);
      m.set(v.year, v.value);
      continue;
    }
    const m = actuals.get(k) ?? new Map<number, Value>();
    actuals.set(k, m);
    const prev = m.get(v.year);
    if (!prev || STATUS_RANK[v.status] <= STATUS_RANK[prev.status]) m.set(v.year, v);
  }
  const yearsCache = new Map<string, number[]>();
  return {
    actual(unit, indicator, year) {
      const v = actuals.get(key(unit, indicator))?.get(year);
      return v ? { value: v.value, status: v.status, origin: 'entered' } : null;
    },
    plan(unit, indicator, year) {
      return plans.get(key(unit, indicator))?.get(year) ?? null;
    },
    actualYears(unit, indicator) {
      const k = key(unit, indicator);
      let ys = yearsCache.get(k);
      if (!ys) {
        ys = [...(actuals.get(k)?.keys() ?? [])].sort((a, b) => a - b);
        yearsCache.set(k, ys);
      }
      return ys;
    },
  };
}

/** Convenience: a value source over a whole data set's entered values. */
export function valueSourceOf(data: Pick<PlanData, 'values'>): ValueSource {
  return indexEnteredValues(data.values);
}
