/**
 * Plausible but suspicious figures: accepted, stored, and reported so a person looks again. A figure 10×
 * (or a tenth of) the previous year's is most often a unit slip (triệu for tỷ) or a misplaced decimal
 * mark; an estimate below the official figure of the same year will never be evaluated (the stronger
 * status wins) and is most often a stale copy.
 */
import type { Problem } from './problem.js';

const RANK: Record<string, number> = { official: 0, preliminary: 1, estimate: 2, plan: 3 };

export interface WarningContext {
  /** The same indicator, unit and period's figure for the year before (the strongest status). */
  previous?: { year: number; value: number } | null;
  /**
   * The figures already stored for the same indicator, unit, year and period, with their statuses: a
   * new estimate below a stored official figure is reported.
   */
  sameYear?: readonly { status: string; value: number }[];
}

/** At least this factor between consecutive years is reported. */
export const JUMP_FACTOR = 10;

/**
 * The warnings for one figure, paths relative to the figure.
 *
 * @example valueWarnings({ year: 2023, value: 18997, status: 'official' }, { previous: { year: 2022, value: 1750 } })
 * // [{ path: ['value'], code: 'value-jump', params: { value: 18997, factor: 10.9, previousYear: 2022, previous: 1750 } }]
 */
export function valueWarnings(v: { value: number; status?: string | null }, ctx: WarningContext): Problem[] {
  const out: Problem[] = [];
  const prev = ctx.previous;
  if (prev && prev.value !== 0 && v.value !== 0 && Math.sign(prev.value) === Math.sign(v.value)) {
    const ratio = v.value / prev.value;
    if (ratio >= JUMP_FACTOR || ratio <= 1 / JUMP_FACTOR)
      out.push({
        path: ['value'],
        code: 'value-jump',
        params: {
          value: v.value,
          factor: Math.round(ratio * 100) / 100,
          previousYear: prev.year,
          previous: prev.value,
        },
      });
  }
  const status = v.status ?? 'official';
  const rank = RANK[status] ?? 0;
  for (const other of ctx.sameYear ?? []) {
    const otherRank = RANK[other.status];
    if (status !== 'plan' && otherRank !== undefined && otherRank < rank && v.value < other.value) {
      out.push({
        path: ['value'],
        code: 'estimate-below-official',
        params: { status, value: v.value, strongerStatus: other.status, stronger: other.value },
      });
      break;
    }
  }
  return out;
}

/**
 * The warnings for a set of figures judged against each other (a plan file's values, an import batch),
 * with `previousOf` supplying figures from outside the set (the database), if any.
 *
 * @example figureSetWarnings([{ indicator: 'GO', unit: '502', year: 2022, value: 1750, status: 'official' }, { …, year: 2023, value: 18997 }])
 * // [{ index: 1, problem: { code: 'value-jump', … } }]
 */
export function figureSetWarnings(
  values: readonly {
    indicator: string;
    unit: string;
    year: number;
    period?: string | null;
    value: number;
    status?: string | null;
  }[],
): { index: number; problem: Problem }[] {
  const key = (v: { indicator: string; unit: string; period?: string | null }, year: number) =>
    `${v.indicator}\u0000${v.unit}\u0000${v.period ?? ''}\u0000${year}`;
  const byCell = new Map<string, { status: string; value: number }[]>();
  for (const v of values) {
    const k = key(v, v.year);
    const list = byCell.get(k) ?? [];
    list.push({ status: v.status ?? 'official', value: v.value });
    byCell.set(k, list);
  }
  const strongest = (k: string) =>
    (byCell.get(k) ?? [])
      .filter((x) => x.status !== 'plan')
      .sort((a, b) => (RANK[a.status] ?? 0) - (RANK[b.status] ?? 0))[0];
  const out: { index: number; problem: Problem }[] = [];
  values.forEach((v, index) => {
    if ((v.status ?? 'official') === 'plan') return;
    const prevFigure = strongest(key(v, v.year - 1));
    // Within one file an estimate beside the official figure of its year is history (the estimate came
    // first), not a mistake: only the jump from the year before is judged here.
    for (const problem of valueWarnings(v, {
      previous: prevFigure ? { year: v.year - 1, value: prevFigure.value } : null,
    }))
      out.push({ index, problem });
  });
  return out;
}
