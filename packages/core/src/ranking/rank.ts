/**
 * Rankings (docs/methodology.md "Rankings"): among units with the same parent and level, by value in a year or by
 * average growth; standard competition ranking (1, 2, 2, 4); units without data listed apart.
 * Decisions are in packages/core/DECISIONS-DATA.md.
 */
import type { Ranking, RankingRow } from '../evaluation-types.js';
import type { Direction, PlanData, Unit } from '../model.js';
import type { ValueSource } from '../values/value-source.js';

export interface RankInput {
  data: PlanData;
  values: ValueSource;
  indicator: string;
  year: number;
  by: 'value' | 'growth';
  parent?: string | null;
  since?: number | null;
}

/**
 * The value two items are compared on: float noise is removed (15 significant digits, as in
 * `roundHalfAwayFromZero`), nothing more, so 0.1 + 0.2 ties with 0.3 but 31.44 does not tie with 31.4.
 */
const comparable = (x: number) => Number(x.toPrecision(15));

/**
 * Standard competition ranking, best first: equal values share a rank and the next rank skips
 * (1, 2, 2, 4). `up` ranks the highest value first, `down` the lowest. Ties keep the input order.
 * Items whose value is not a finite number are not ranked and come back in `unranked`.
 *
 * @example
 * competitionRank([{ u: 'a', value: 5 }, { u: 'b', value: 9 }, { u: 'c', value: 5 }, { u: 'd', value: 1 }], 'up').ranked
 * // [{ u: 'b', value: 9, rank: 1 }, { u: 'a', value: 5, rank: 2 }, { u: 'c', value: 5, rank: 2 }, { u: 'd', value: 1, rank: 4 }]
 */
export function competitionRank<T extends { value: number }>(
  items: readonly T[],
  direction: Direction,
): { ranked: (T & { rank: number })[]; unranked: T[] } {
  const sign = direction === 'down' ? 1 : -1;
  const finite = items
    .filter((i) => Number.isFinite(i.value))
    .map((item) => ({ item, key: comparable(item.value) }));
  finite.sort((a, b) => sign * (a.key - b.key)); // Array.prototype.sort is stable
  const ranked: (T & { rank: number })[] = [];
  finite.forEach(({ item, key }, i) => {
    const prev = finite[i - 1];
    const rank = prev && prev.key === key ? (ranked[i - 1] as { rank: number }).rank : i + 1;
    ranked.push({ ...item, rank });
  });
  return { ranked, unranked: items.filter((i) => !Number.isFinite(i.value)) };
}

/**
 * The units ranked together: the children of `parent`, or, without a parent, the top-level units (no
 * parent, or a parent outside the data). When they are of mixed levels, the most common level is kept
 * (ties: the level met first), as "toàn tỉnh" means the province's district-level units only.
 *
 * @example siblingsOf(data.units, '38').map((u) => u.code) // ['380', '381', …] (the districts of 38)
 */
export function siblingsOf(units: readonly Unit[], parent: string | null | undefined): Unit[] {
  const tree = treeOf(units);
  const group = parent != null && parent !== '' ? (tree.byParent.get(parent) ?? []) : tree.top;
  const counts = new Map<string, number>();
  for (const u of group) counts.set(u.level, (counts.get(u.level) ?? 0) + 1);
  let level: string | undefined;
  for (const [l, n] of counts) if (level === undefined || n > (counts.get(level) ?? 0)) level = l;
  return group.filter((u) => u.level === level);
}

/**
 * Children by parent and the top-level units, indexed once per units array (rankings come in batches;
 * data sets are treated as immutable, as everywhere in the core).
 */
const trees = new WeakMap<readonly Unit[], { byParent: Map<string, Unit[]>; top: Unit[] }>();
function treeOf(units: readonly Unit[]): { byParent: Map<string, Unit[]>; top: Unit[] } {
  let tree = trees.get(units);
  if (tree) return tree;
  const known = new Set(units.map((u) => u.code));
  tree = { byParent: new Map(), top: [] };
  for (const u of units) {
    if (u.parent == null || u.parent === '' || !known.has(u.parent)) tree.top.push(u);
    else {
      const list = tree.byParent.get(u.parent) ?? [];
      tree.byParent.set(u.parent, list);
      list.push(u);
    }
  }
  trees.set(units, tree);
  return tree;
}

/**
 * Average yearly growth in percent over (since, year]: ((v_year / v_since)^(1/(year − since)) − 1)·100.
 * Null unless both values are positive and year > since.
 *
 * @example averageGrowthPercent(100, 133.1, 3) // 10 (up to float noise)
 */
export function averageGrowthPercent(from: number, to: number, years: number): number | null {
  if (!(from > 0 && to > 0 && years > 0)) return null;
  const g = ((to / from) ** (1 / years) - 1) * 100;
  return Number.isFinite(g) ? g : null;
}

/**
 * Rank sibling units on one indicator for one year, by value or by average growth since `since`
 * (default: the earliest plan baseline year in the data). Units lacking a figure are listed in
 * `unranked`; `of` counts every sibling.
 *
 * @example
 * rankUnits({ data, values: createValueSource(data), indicator: 'GO', year: 2023, by: 'value', parent: '38' })
 * // { indicator: 'GO', year: 2023, by: 'value', parent: '38', rows: [{ unit: '381', value: 31444, rank: 4, of: 27 }, …], unranked: ['389'] }
 */
export function rankUnits(input: RankInput): Ranking {
  const { data, values, indicator, year, by } = input;
  const parent = input.parent ?? null;
  const siblings = siblingsOf(data.units, parent);
  const direction = data.indicators.find((i) => i.code === indicator)?.direction;
  const since = by === 'growth' ? (input.since ?? earliestBaseline(data)) : null;

  const figureOf = (unit: string): number => {
    const now = values.actual(unit, indicator, year)?.value;
    if (now === undefined || direction === undefined) return Number.NaN;
    if (by === 'value') return now;
    const then = since === null ? undefined : values.actual(unit, indicator, since)?.value;
    if (then === undefined || since === null) return Number.NaN;
    return averageGrowthPercent(then, now, year - since) ?? Number.NaN;
  };
  // NaN marks "no figure" only inside this function; competitionRank sets such items apart.
  const { ranked, unranked } = competitionRank(
    siblings.map((u) => ({ unit: u.code, value: figureOf(u.code) })),
    direction ?? 'up',
  );
  const rows: RankingRow[] = ranked.map((r) => ({
    unit: r.unit,
    value: r.value,
    rank: r.rank,
    of: siblings.length,
  }));
  return {
    indicator,
    year,
    by,
    parent,
    rows,
    unranked: unranked.map((u) => u.unit),
    ...(by === 'growth' && since !== null ? { since } : {}),
  };
}

function earliestBaseline(data: PlanData): number | null {
  let min: number | null = null;
  for (const p of data.plans)
    if (Number.isInteger(p.baselineYear) && (min === null || p.baselineYear < min)) min = p.baselineYear;
  return min;
}
