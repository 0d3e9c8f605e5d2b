/**
 * The rules of one figure (số liệu, "value" in a plan file): within its indicator's bounds and in a
 * plausible year. What is wrong refuses the figure; what is only suspicious is a warning (warnings.ts).
 */
import { type BoundedIndicator, effectiveBounds, withinBounds } from './bounds.js';
import type { Problem } from './problem.js';
import { checkFigureYear, type YearWindow } from './years.js';

export interface FigureShape {
  year?: unknown;
  value?: unknown;
  status?: unknown;
  period?: unknown;
}

export interface FigureContext {
  /** The figure's indicator, when known. */
  indicator?: BoundedIndicator | null;
  /** Whether the indicator holds growth rates (bounds.ts): a `%` default does not apply then. */
  holdsGrowthRates?: boolean;
  /** The plausible years (years.ts `plausibleYears` of the plans that concern the figure); null: any. */
  years?: YearWindow | null;
}

/**
 * Every problem of one figure, paths relative to the figure.
 *
 * @example checkValue({ year: 2023, value: 250 }, { indicator: { code: 'BHYT', unit: '%' } })
 * // [{ path: ['value'], code: 'out-of-bounds', params: { value: 250, indicator: 'BHYT', low: 0, high: 100, implied: 1 } }]
 * @example checkValue({ year: 2099, value: 1 }, { years: { from: 2015, to: 2030, plans: 'NQ' } })
 * // [{ path: ['year'], code: 'year-implausible', … }]
 */
export function checkValue(v: FigureShape, ctx: FigureContext = {}): Problem[] {
  const problems: Problem[] = [];
  if (ctx.indicator && typeof v.value === 'number' && Number.isFinite(v.value)) {
    const b = effectiveBounds(ctx.indicator, ctx.holdsGrowthRates ?? false);
    if (!withinBounds(v.value, b))
      problems.push({
        path: ['value'],
        code: 'out-of-bounds',
        params: {
          value: v.value,
          indicator: ctx.indicator.code,
          low: b?.low ?? undefined,
          high: b?.high ?? undefined,
          implied: b?.implied ? 1 : undefined,
        },
      });
  }
  for (const p of checkFigureYear(v.year, ctx.years ?? null)) problems.push(p);
  return problems;
}
