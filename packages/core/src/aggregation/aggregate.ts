/**
 * Aggregation up the hierarchy (docs/methodology.md "Aggregation up the hierarchy"): how a parent's value comes
 * from its children's. Decisions are in packages/core/DECISIONS-DATA.md: a value is derived only when
 * every child has every input for that year, and it carries the weakest status among its inputs.
 */
import { evaluateFormula, type FormulaNode } from '../formula/formula.js';
import type { Indicator, ValueStatus } from '../model.js';
import { type DerivationReason, fromFormulaFailure } from '../values/derivation-reason.js';
import { weakerStatus } from '../values/status.js';

/** A figure with its status, as the aggregation reads it from a child. */
export interface AggregateCell {
  value: number;
  status: ValueStatus;
}

export type AggregateResult =
  | { ok: true; value: number; status: ValueStatus }
  | { ok: false; reason: DerivationReason };

/** The indicator's parsed formula, needed by `ratio`. */
export interface ParsedFormula {
  ast: FormulaNode;
  codes: string[];
}

/**
 * Derive a parent's value for one year from its children.
 * - `sum`: Σ child values.
 * - `ratio`: each part of the formula summed over the children, then the formula applied
 *   (Σ numerator / Σ denominator), never a mean of the children's ratios.
 * - `weighted-mean`: Σ(w·v) / Σw with w the `weight` indicator of each child.
 * - `none`: never derived.
 *
 * @example
 * // share = IC / GO * 100; children (IC, GO) = (10, 100) and (90, 300): (10+90)/(100+300)*100 = 25,
 * // not the mean of 10 % and 30 % (= 20).
 * aggregateChildren(share, 'P', ['a', 'b'], (u, code) => cells[u][code] ?? null, parsed)
 * // { ok: true, value: 25, status: 'official' }
 */
export function aggregateChildren(
  indicator: Pick<Indicator, 'code' | 'aggregation' | 'weight'>,
  unit: string,
  children: readonly string[],
  lookup: (unit: string, indicator: string) => AggregateCell | null,
  formula?: ParsedFormula | null,
): AggregateResult {
  if (indicator.aggregation === 'none') return fail({ code: 'not-aggregated', indicator: indicator.code });
  if (children.length === 0) return fail({ code: 'no-children', unit });
  switch (indicator.aggregation) {
    case 'sum': {
      return sumOver(children, indicator.code, lookup);
    }
    case 'ratio': {
      if (!formula) return fail({ code: 'ratio-without-formula', indicator: indicator.code });
      const sums = new Map<string, number>();
      let status: ValueStatus = 'official';
      for (const code of formula.codes) {
        const s = sumOver(children, code, lookup);
        if (!s.ok) return s;
        sums.set(code, s.value);
        status = weakerStatus(status, s.status);
      }
      const r = evaluateFormula(formula.ast, (c) => sums.get(c) ?? 'unknown');
      return r.ok ? { ok: true, value: r.value, status } : fail(fromFormulaFailure(r.reason));
    }
    case 'weighted-mean': {
      const w = indicator.weight;
      if (!w) return fail({ code: 'no-weight', indicator: indicator.code });
      const missing: string[] = [];
      let num = 0;
      let den = 0;
      let status: ValueStatus = 'official';
      for (const c of children) {
        const v = lookup(c, indicator.code);
        const wt = lookup(c, w);
        if (!v || !wt) {
          missing.push(c);
          continue;
        }
        num += wt.value * v.value;
        den += wt.value;
        status = weakerStatus(weakerStatus(status, v.status), wt.status);
      }
      if (missing.length > 0)
        return fail({ code: 'incomplete-children', indicator: indicator.code, missing, of: children.length });
      if (den === 0) return fail({ code: 'zero-weight', weight: w });
      return finite(num / den, status);
    }
  }
}

function sumOver(
  children: readonly string[],
  code: string,
  lookup: (unit: string, indicator: string) => AggregateCell | null,
): AggregateResult {
  const missing: string[] = [];
  let sum = 0;
  let status: ValueStatus = 'official';
  for (const c of children) {
    const v = lookup(c, code);
    if (!v) {
      missing.push(c);
      continue;
    }
    sum += v.value;
    status = weakerStatus(status, v.status);
  }
  if (missing.length > 0)
    return fail({ code: 'incomplete-children', indicator: code, missing, of: children.length });
  return finite(sum, status);
}

const fail = (reason: DerivationReason): AggregateResult => ({ ok: false, reason });
const finite = (value: number, status: ValueStatus): AggregateResult =>
  Number.isFinite(value)
    ? { ok: true, value: value === 0 ? 0 : value, status }
    : fail({ code: 'not-finite' });
