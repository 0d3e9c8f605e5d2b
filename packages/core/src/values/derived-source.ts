/**
 * The value source the methodology reads: entered figures first, then formula indicators, then
 * aggregation from the children (docs/methodology.md "Aggregation up the hierarchy", "Formula indicators").
 */
import { type AggregateCell, aggregateChildren, type ParsedFormula } from '../aggregation/aggregate.js';
import { roundHalfAwayFromZero } from '../format/round.js';
import { analyzeFormulas } from '../formula/cycles.js';
import { evaluateFormula } from '../formula/formula.js';
import type { Indicator, PlanData, Value, ValueStatus } from '../model.js';
import { type DerivationReason, fromFormulaFailure } from './derivation-reason.js';
import { STATUS_RANK, weakerStatus } from './status.js';
import { indexEnteredValues, type ResolvedValue, type ValueSource } from './value-source.js';

export type Resolution = { ok: true; value: ResolvedValue } | { ok: false; reasons: DerivationReason[] };

export type Derivation =
  | { ok: true; value: number; status: ValueStatus; origin: 'formula' | 'aggregated' }
  | { ok: false; reasons: DerivationReason[] };

/** An entered figure and the derived one side by side (docs/methodology.md: shown together when they differ). */
export interface EnteredAndDerived {
  unit: string;
  indicator: string;
  year: number;
  entered: { value: number; status: ValueStatus } | null;
  derived: { value: number; status: ValueStatus; origin: 'formula' | 'aggregated' } | null;
  /** Why there is no derived value (empty when there is one). */
  reasons: DerivationReason[];
  /** Both exist and differ at the indicator's own decimals. */
  differs: boolean;
}

export interface DerivedValueSource extends ValueSource {
  /** The actual value with its origin, or the reasons there is none. */
  resolve(unit: string, indicator: string, year: number): Resolution;
  /** The value derived by formula, else from the children, ignoring any entered figure for this cell. */
  derive(unit: string, indicator: string, year: number): Derivation;
  compare(unit: string, indicator: string, year: number): EnteredAndDerived;
}

type Failure = { ok: false; reasons: DerivationReason[] };
const NO_VALUE: Failure = { ok: false, reasons: [{ code: 'no-value' }] };
const IN_PROGRESS: Failure = { ok: false, reasons: [] };

/**
 * Build a memoizing value source over a whole data set. Per unit, indicator and year: the entered
 * figure (strongest status) wins; else the indicator's formula over the same unit and year, its
 * inputs resolved the same way; else the aggregation of the children. A derived value's status is the
 * weakest of its inputs. When an entered figure and a derived one differ, `derived` carries the latter.
 * Cost is linear in the cells actually asked for: each cell is computed once.
 *
 * @example
 * const src = createValueSource(data);
 * src.actual('38', 'GO', 2023)
 * // { value: 31444, status: 'official', origin: 'entered', derived: 31390.5 }  (the districts sum to less)
 * src.actual('38', 'SHARE', 2023) // { value: 25.3, status: 'estimate', origin: 'formula' }
 */
export function createValueSource(data: PlanData): DerivedValueSource {
  // The string-keyed index serves cells outside the dense keys; built on first use.
  let enteredIndex: ValueSource | undefined;
  const entered = () => {
    enteredIndex ??= indexEnteredValues(data.values);
    return enteredIndex;
  };
  const indicators = new Map<string, Indicator>();
  for (const ind of data.indicators) if (!indicators.has(ind.code)) indicators.set(ind.code, ind);
  const unitIndex = new Map<string, number>();
  for (const u of data.units) if (!unitIndex.has(u.code)) unitIndex.set(u.code, unitIndex.size);
  const indicatorIndex = new Map<string, number>();
  for (const code of indicators.keys()) indicatorIndex.set(code, indicatorIndex.size);

  const children = new Map<string, string[]>();
  for (const u of data.units) {
    if (u.parent == null || u.parent === u.code || !unitIndex.has(u.parent)) continue;
    const list = children.get(u.parent) ?? [];
    children.set(u.parent, list);
    list.push(u.code);
  }

  const analysis = analyzeFormulas(data.indicators);
  const formulaProblem = new Map<string, DerivationReason>();
  for (const e of analysis.errors)
    formulaProblem.set(e.indicator, {
      code: 'formula-error',
      indicator: e.indicator,
      message: e.error.message,
    });
  for (const cycle of analysis.cycles)
    for (const code of cycle) formulaProblem.set(code, { code: 'formula-cycle', indicator: code });
  const formulas = analysis.parsed;

  let minYear = Number.POSITIVE_INFINITY;
  let maxYear = Number.NEGATIVE_INFINITY;
  for (const v of data.values) {
    if (!Number.isInteger(v.year)) continue;
    if (v.year < minYear) minYear = v.year;
    if (v.year > maxYear) maxYear = v.year;
  }
  const span = maxYear >= minYear ? maxYear - minYear + 1 : 0;
  const nInd = indicatorIndex.size;
  // Numeric keys: a string key per cell would cost more memory than the cell itself.
  // Reads come in runs of one unit and indicator (a series, year by year): the pair's first key is
  // remembered, so a run looks the two codes up once.
  let lastUnit: string | undefined;
  let lastIndicator: string | undefined;
  let lastBase: number | null = null;
  const cellKey = (unit: string, indicator: string, year: number): number | null => {
    if (unit !== lastUnit || indicator !== lastIndicator) {
      const u = unitIndex.get(unit);
      const i = indicatorIndex.get(indicator);
      lastUnit = unit;
      lastIndicator = indicator;
      lastBase = u === undefined || i === undefined ? null : (u * nInd + i) * span;
    }
    if (lastBase === null || !Number.isInteger(year) || year < minYear || year > maxYear) return null;
    return lastBase + (year - minYear);
  };
  // Two figures differ when they would print differently: float noise in a sum is no discrepancy.
  const differs = (a: number, b: number, code: string) => {
    const dec = indicators.get(code)?.decimals ?? 0;
    return roundHalfAwayFromZero(a, dec) !== roundHalfAwayFromZero(b, dec);
  };
  // The entered figures again, on the dense keys, by the rules of indexEnteredValues (whole-year,
  // finite, not `plan`, strongest status wins, the later of equals): string-keyed lookups dominated
  // the cost of resolving a national data set. Each key holds the position of its value in
  // `data.values`; the ResolvedValue is made when read, so building adds no object per value.
  const enteredDense = memo<number>(unitIndex.size * nInd * span);
  // Annual plan figures on the same keys (the later of two wins, as in indexEnteredValues).
  const plannedDense = memo<number>(unitIndex.size * nInd * span);
  for (let i = 0; i < data.values.length; i++) {
    const v = data.values[i] as Value;
    if ((v.period != null && v.period !== '') || !Number.isFinite(v.value)) continue;
    const k = cellKey(v.unit, v.indicator, v.year);
    if (k === null) continue;
    if (v.status === 'plan') {
      plannedDense.set(k, v.value);
      continue;
    }
    const prev = enteredDense.get(k);
    if (prev === undefined || STATUS_RANK[v.status] <= STATUS_RANK[(data.values[prev] as Value).status])
      enteredDense.set(k, i);
  }
  // No figure of any unit exists for a whole year outside [minYear, maxYear]: answer without building
  // the string index (a plan whose term reaches past the data asks for such years on every target).
  const noFigures = (year: number) => Number.isInteger(year) && (year < minYear || year > maxYear);
  const enteredAt = (unit: string, code: string, year: number, k: number | null): ResolvedValue | null => {
    if (k !== null) {
      const i = enteredDense.get(k);
      const v = i === undefined ? undefined : data.values[i];
      return v ? { value: v.value, status: v.status, origin: 'entered' } : null;
    }
    return noFigures(year) ? null : entered().actual(unit, code, year);
  };
  // Memo of resolved cells: the value itself on success (no wrapper per cell), the failure otherwise.
  const resolved = memo<ResolvedValue | Failure>(unitIndex.size * nInd * span);

  const lookupCell =
    (year: number) =>
    (unit: string, indicator: string): AggregateCell | null => {
      const r = cell(unit, indicator, year);
      return 'reasons' in r ? null : r;
    };

  function derive(unit: string, code: string, year: number): Derivation {
    const ind = indicators.get(code);
    if (!ind) return { ok: false, reasons: [{ code: 'unknown-indicator', indicator: code }] };
    if (cellKey(unit, code, year) === null) return { ok: false, reasons: [{ code: 'no-value' }] };
    return computeDerived(unit, ind, year);
  }

  function computeDerived(unit: string, ind: Indicator, year: number): Derivation {
    const reasons: DerivationReason[] = [];
    const problem = formulaProblem.get(ind.code);
    const formula = problem ? undefined : formulas.get(ind.code);
    if (problem) reasons.push(problem);
    if (formula) {
      let status: ValueStatus = 'official';
      const r = evaluateFormula(formula.ast, (c) => {
        if (!indicators.has(c)) return 'unknown';
        const v = cell(unit, c, year);
        if ('reasons' in v) return 'missing';
        status = weakerStatus(status, v.status);
        return v.value;
      });
      if (r.ok) return { ok: true, value: r.value, status, origin: 'formula' };
      reasons.push(fromFormulaFailure(r.reason));
    }
    const kids = children.get(unit) ?? [];
    // A leaf simply has no figure; a formula indicator with `none` needs no second reason.
    if (kids.length > 0 && (ind.aggregation !== 'none' || !formula)) {
      const a = aggregateChildren(ind, unit, kids, lookupCell(year), formula as ParsedFormula | undefined);
      if (a.ok) return { ok: true, value: a.value, status: a.status, origin: 'aggregated' };
      reasons.push(a.reason);
    }
    return { ok: false, reasons };
  }

  function cell(unit: string, code: string, year: number): ResolvedValue | Failure {
    const key = cellKey(unit, code, year);
    if (key === null) return enteredAt(unit, code, year, null) ?? NO_VALUE;
    const e = enteredAt(unit, code, year, key);
    // A leaf's entered figure of a plain indicator is the value as entered: nothing to derive or compare
    // it with, so nothing to memoize either.
    if (e && !formulas.has(code) && !children.has(unit)) return e;
    const memo = resolved.get(key);
    if (memo === IN_PROGRESS) return { ok: false, reasons: [{ code: 'cycle', unit, indicator: code }] };
    if (memo) return memo;
    resolved.set(key, IN_PROGRESS);
    let r: ResolvedValue | Failure;
    const d = computeDerived(unit, indicators.get(code) as Indicator, year);
    if (e) r = d.ok && differs(e.value, d.value, code) ? { ...e, derived: d.value } : e;
    else if (d.ok) r = { value: d.value, status: d.status, origin: d.origin };
    else r = d.reasons.length > 0 ? { ok: false, reasons: d.reasons } : NO_VALUE;
    resolved.set(key, r);
    return r;
  }

  const resolve = (unit: string, code: string, year: number): Resolution => {
    const r = cell(unit, code, year);
    return 'reasons' in r ? r : { ok: true, value: r };
  };

  const yearsMemo = new Map<string, number[]>();
  return {
    resolve,
    derive,
    actual(unit, indicator, year) {
      const r = cell(unit, indicator, year);
      return 'reasons' in r ? null : r;
    },
    plan(unit, indicator, year) {
      const k = cellKey(unit, indicator, year);
      if (k !== null) return plannedDense.get(k) ?? null;
      return noFigures(year) ? null : entered().plan(unit, indicator, year);
    },
    actualYears(unit, indicator) {
      const k = `${unit}\u0000${indicator}`;
      let ys = yearsMemo.get(k);
      if (!ys) {
        ys = [];
        if (cellKey(unit, indicator, minYear) === null) ys = [...entered().actualYears(unit, indicator)];
        else
          for (let y = minYear; y <= maxYear; y++) if (!('reasons' in cell(unit, indicator, y))) ys.push(y);
        yearsMemo.set(k, ys);
      }
      return ys;
    },
    compare(unit, indicator, year) {
      const e = enteredAt(unit, indicator, year, cellKey(unit, indicator, year));
      const d = derive(unit, indicator, year);
      return {
        unit,
        indicator,
        year,
        entered: e ? { value: e.value, status: e.status } : null,
        derived: d.ok ? { value: d.value, status: d.status, origin: d.origin } : null,
        reasons: d.ok ? [] : d.reasons,
        differs: !!e && d.ok && differs(e.value, d.value, indicator),
      };
    },
  };
}

/**
 * The entered and the derived figure of one cell side by side, for the API and reports. Pass a source
 * from `createValueSource` to reuse its memo across many cells.
 *
 * @example
 * compareEnteredAndDerived(data, '38', 'GO', 2023)
 * // { entered: { value: 31444, status: 'official' }, derived: { value: 31390.5, status: 'official', origin: 'aggregated' }, differs: true, reasons: [] , … }
 */
export function compareEnteredAndDerived(
  data: PlanData | DerivedValueSource,
  unit: string,
  indicator: string,
  year: number,
): EnteredAndDerived {
  const src = 'compare' in data ? data : createValueSource(data);
  return src.compare(unit, indicator, year);
}

/**
 * A memo over dense integer keys: a typed array of slots into a list of items while the key space is
 * modest (up to 8 M cells, 32 MB; allocated zeroed in one go and far faster than a Map with a million
 * entries), a Map beyond (a data set spanning centuries).
 */
function memo<T>(size: number): { get(k: number): T | undefined; set(k: number, v: T): void } {
  if (size <= 1 << 23) {
    const slots = new Int32Array(size);
    const items: T[] = [];
    return {
      get: (k) => {
        const s = slots[k] as number;
        return s > 0 ? items[s - 1] : undefined;
      },
      set: (k, v) => {
        const s = slots[k] as number;
        if (s > 0) items[s - 1] = v;
        else slots[k] = items.push(v);
      },
    };
  }
  const m = new Map<number, T>();
  return {
    get: (k) => m.get(k),
    set: (k, v) => {
      m.set(k, v);
    },
  };
}
