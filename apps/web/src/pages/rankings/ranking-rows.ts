import { formatPercent, formatQuantity, type Lang, type Ranking } from '@chitieu/core';

export interface RankingTableRow {
  unit: string;
  name: string;
  /** The core's competition rank (1, 2, 2, 4); null for a unit without a figure. */
  rank: number | null;
  of: number;
  /** True when another unit shares this rank. */
  tied: boolean;
  /** The number ranked on; null for an unranked unit. */
  value: number | null;
  /** The value as the page shows it ("18.997,6 tỷ đồng", "10,71 %/năm"), or "—". */
  valueText: string;
}

export interface RankingFormat {
  by: 'value' | 'growth' | 'achievement';
  /** The indicator's unit ("tỷ đồng") and decimals; growth is always in %/year. */
  unit: string;
  decimals: number;
}

/**
 * The ranking as table rows: ranked units in the API's order (best first, ties sharing a rank), then the
 * unranked ones (no figure for the year, or for the start year of a growth ranking), by name.
 *
 * @example
 * rankingRows({ rows: [{ unit: '501', value: 9, rank: 1, of: 3 }, …], unranked: ['513'], … }, names, { by: 'value', unit: 'tỷ đồng', decimals: 1 }, 'vi')
 * // [{ unit: '501', name: 'Thành phố Nam Sơn', rank: 1, of: 3, tied: false, valueText: '9,0 tỷ đồng' }, …, { unit: '513', rank: null, valueText: '—' }]
 */
export function rankingRows(
  ranking: Ranking,
  names: ReadonlyMap<string, string>,
  format: RankingFormat,
  lang: Lang,
): RankingTableRow[] {
  const perRank = new Map<number, number>();
  for (const r of ranking.rows) perRank.set(r.rank, (perRank.get(r.rank) ?? 0) + 1);
  const ranked = ranking.rows.map((r) => ({
    unit: r.unit,
    name: names.get(r.unit) ?? r.unit,
    rank: r.rank,
    of: r.of,
    tied: (perRank.get(r.rank) ?? 0) > 1,
    value: Number.isFinite(r.value) ? r.value : null,
    valueText: rankingValueText(r.value, format, lang),
  }));
  const of = ranking.rows[0]?.of ?? 0;
  const unranked = ranking.unranked
    .map((unit) => ({
      unit,
      name: names.get(unit) ?? unit,
      rank: null,
      of,
      tied: false,
      value: null,
      valueText: '—',
    }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  return [...ranked, ...unranked];
}

/**
 * A ranked value in the page language: growth as "%/năm" at two decimals, otherwise at the
 * indicator's decimals with its unit; anything not a finite number is "—".
 *
 * @example rankingValueText(10.7108, { by: 'growth', unit: 'tỷ đồng', decimals: 1 }, 'vi') // '10,71 %/năm'
 * @example rankingValueText(18997.6, { by: 'value', unit: 'tỷ đồng', decimals: 1 }, 'en') // '18,997.6 billion VND'
 */
export function rankingValueText(
  value: number | null | undefined,
  format: RankingFormat,
  lang: Lang,
): string {
  if (value == null || !Number.isFinite(value)) return '—';
  if (format.by === 'growth') return formatQuantity(value, 2, '%/năm', lang);
  if (format.by === 'achievement') return formatPercent(value, 1, lang);
  return formatQuantity(value, format.decimals, format.unit, lang);
}

/** "4/13" with "=" when tied ("=2/13"); "—" for an unranked unit. */
export function rankText(row: Pick<RankingTableRow, 'rank' | 'of' | 'tied'>): string {
  if (row.rank == null) return '—';
  return `${row.tied ? '=' : ''}${row.rank}/${row.of}`;
}
