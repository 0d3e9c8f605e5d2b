/**
 * Which years make sense. A plan's term is `baselineYear+1 … targetYear`; an evaluation, a report or a
 * ranking for a plan is asked for a year of its term. A figure may lie outside the term — the years
 * before give the baseline and the trend, and a unit's history may go back decades — but not far into
 * the future: a figure more than one term after the latest target year of the plans that concern it
 * (`targetYear + term`, term = targetYear − baselineYear) is a typing error (2099 in a 2021–2025 plan),
 * and is refused. Years before 1900 or after 2200 are refused by the schema.
 */
import type { Problem } from './problem.js';

export interface YearSpan {
  code?: string;
  baselineYear: number;
  targetYear: number;
}

export interface YearWindow {
  /** The earliest year any plan concerned looks back to (baseline − term), for the sentence only. */
  from: number;
  /** The latest plausible year: target + term. */
  to: number;
  /** The plans the window comes from, for the sentence ("NQ-DH-XV, KH-2024"). */
  plans: string;
}

/**
 * The plausible years for figures of the given plans (the union of each plan's window), or null when
 * there is no plan to judge by.
 *
 * @example plausibleYears([{ code: 'NQ', baselineYear: 2020, targetYear: 2025 }]) // { from: 2015, to: 2030, plans: 'NQ' }
 */
export function plausibleYears(spans: readonly YearSpan[]): YearWindow | null {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  const codes: string[] = [];
  for (const s of spans) {
    if (
      !Number.isInteger(s.baselineYear) ||
      !Number.isInteger(s.targetYear) ||
      s.targetYear <= s.baselineYear
    )
      continue;
    const term = s.targetYear - s.baselineYear;
    from = Math.min(from, s.baselineYear - term);
    to = Math.max(to, s.targetYear + term);
    if (s.code) codes.push(s.code);
  }
  return Number.isFinite(from)
    ? { from, to, plans: codes.slice(0, 5).join(', ') + (codes.length > 5 ? ', …' : '') }
    : null;
}

/**
 * The `year-implausible` problem when a figure's year lies after the window (history is welcome).
 *
 * @example checkFigureYear(2099, { from: 2015, to: 2030, plans: 'NQ' })
 * // [{ path: ['year'], code: 'year-implausible', params: { year: 2099, from: 2015, to: 2030, plans: 'NQ' } }]
 */
export function checkFigureYear(year: unknown, window: YearWindow | null): Problem[] {
  if (window === null || typeof year !== 'number' || !Number.isInteger(year)) return [];
  if (year <= window.to) return [];
  return [{ path: ['year'], code: 'year-implausible', params: { year, ...window } }];
}

/**
 * The `year-outside-term` problem when an evaluation, report or ranking year is not in the plan's term
 * (`baselineYear+1 … targetYear`).
 *
 * @example checkTermYear(2030, { code: 'NQ', baselineYear: 2020, targetYear: 2025 })
 * // [{ path: ['year'], code: 'year-outside-term', params: { year: 2030, plan: 'NQ', from: 2021, to: 2025 } }]
 */
export function checkTermYear(year: number, plan: YearSpan): Problem[] {
  if (Number.isInteger(year) && year > plan.baselineYear && year <= plan.targetYear) return [];
  return [
    {
      path: ['year'],
      code: 'year-outside-term',
      params: { year, plan: plan.code ?? '', from: plan.baselineYear + 1, to: plan.targetYear },
    },
  ];
}
