import {
  bandEdges,
  bandLabel,
  type Evaluation,
  formatNumber,
  type Lang,
  localize,
  type Ranking,
} from '@chitieu/core';
import type { IndicatorRow } from '../../api/queries-reference';
import type { PlanRow, UnitRow } from '../../api/types';
import { latestDataYear } from '../../logic/dashboard';
import { bandColor } from '../../theme/bands';

/** How many headline indicators the side-by-side table ranks the children on (one request each). */
export const HEADLINE_COUNT = 5;

export interface BandCount {
  index: number;
  label: string;
  color: string;
  count: number;
}

export interface RankCell {
  rank: number;
  of: number;
  tied: boolean;
}

/** One line of the side-by-side table: a child unit's plan, or the unit alone when it has none. */
export interface ProvinceRow {
  key: string;
  unit: string;
  unitName: string;
  /** Null for a unit without a plan the reader may see. */
  plan: PlanRow | null;
  evaluation: Evaluation | null;
  /** The latest year any figure behind the evaluation comes from. */
  dataYear: number | null;
  total: number;
  met: number;
  insufficient: number;
  bands: BandCount[];
  forecast: { exceed: number; complete: number; atRisk: number; insufficient: number };
  /** Met targets as a share of all (0–1), for sorting; null without an evaluation. */
  metShare: number | null;
  /** By indicator code: the unit's rank among its siblings, or null when it has no figure. */
  ranks: Record<string, RankCell | null>;
}

/** A column of the units × targets grid: one indicator measured one way (level, growth, …). */
export interface GridColumn {
  key: string;
  indicator: string;
  kind: string;
  label: string;
  /** How many plans in the grid have such a target. */
  plans: number;
}

export interface GridCell {
  target: string;
  band: number | null;
  bandLabel: string;
  color: string;
  achievementPercent: number | null;
  met: boolean | null;
}

export interface ProvinceInput {
  children: readonly UnitRow[];
  /** The plans the reader may see; those of other units are ignored. */
  plans: readonly PlanRow[];
  evaluations: ReadonlyMap<string, Evaluation>;
  rankings: ReadonlyMap<string, Ranking>;
  indicators: ReadonlyMap<string, IndicatorRow>;
  lang: Lang;
}

const keyOf = (indicator: string, kind: string) => `${indicator}|${kind}`;

/**
 * The side-by-side rows: for each child unit (in the API's order) each of its plans with its bands,
 * met count and forecast groups from the plan's evaluation, and its rank on each ranked indicator; a
 * child without a visible plan still has a row (its ranks too).
 *
 * @example
 * provinceRows({ children, plans, evaluations, rankings, indicators, lang: 'vi' })[1]
 * // { unit: '502', plan: { code: 'NQ-DH-XV', … }, met: 17, total: 29, bands: [{ label: 'đạt từ 80 % trở lên', count: 22, … }, …], ranks: { GO: { rank: 4, of: 13, tied: false } }, … }
 */
export function provinceRows(input: ProvinceInput): ProvinceRow[] {
  const { children, plans, evaluations, rankings, lang } = input;
  const rankOf = (unit: string): Record<string, RankCell | null> => {
    const out: Record<string, RankCell | null> = {};
    for (const [indicator, ranking] of rankings) {
      const row = ranking.rows.find((r) => r.unit === unit);
      out[indicator] = row
        ? { rank: row.rank, of: row.of, tied: ranking.rows.filter((r) => r.rank === row.rank).length > 1 }
        : null;
    }
    return out;
  };
  const rows: ProvinceRow[] = [];
  for (const unit of children) {
    const own = plans.filter((p) => p.unit === unit.code);
    const ranks = rankOf(unit.code);
    if (own.length === 0) {
      rows.push({
        key: unit.code,
        unit: unit.code,
        unitName: unit.name,
        plan: null,
        evaluation: null,
        dataYear: null,
        total: 0,
        met: 0,
        insufficient: 0,
        bands: [],
        forecast: { exceed: 0, complete: 0, atRisk: 0, insufficient: 0 },
        metShare: null,
        ranks,
      });
      continue;
    }
    for (const plan of own) {
      const ev = evaluations.get(plan.code) ?? null;
      const edges = bandEdges(plan.bands);
      const count = edges.length + 1;
      const bands = (ev?.summary.bands ?? []).map((b, index) => ({
        index,
        label: bandLabel(index, edges, lang, plan.bandLabels),
        color: bandColor(index, count),
        count: b.count,
      }));
      const f = ev?.summary.forecast;
      rows.push({
        key: `${unit.code}/${plan.code}`,
        unit: unit.code,
        unitName: unit.name,
        plan,
        evaluation: ev,
        dataYear: ev ? latestDataYear(ev) : null,
        total: ev?.summary.total ?? 0,
        met: ev?.summary.met ?? 0,
        insufficient: ev?.summary.insufficientData ?? 0,
        bands,
        forecast: {
          exceed: f?.exceed ?? 0,
          complete: f?.complete ?? 0,
          atRisk: f?.atRisk ?? 0,
          insufficient: f?.insufficientData ?? 0,
        },
        metShare: ev && ev.summary.total > 0 ? ev.summary.met / ev.summary.total : null,
        ranks,
      });
    }
  }
  return rows;
}

/**
 * The grid's columns: every (indicator, kind) some plan targets, the most shared first (then in the
 * order first met), named by the indicator ("Tổng giá trị sản xuất"), with the kind when one indicator
 * is targeted more than one way. Targets whose evaluation names no indicator are left out.
 *
 * @example gridColumns(evaluations, indicators, 'vi')[0] // { key: 'GO|avg-growth', indicator: 'GO', label: 'Tổng giá trị sản xuất (tăng bình quân)', plans: 2 }
 */
export function gridColumns(
  evaluations: Iterable<Evaluation>,
  indicators: ReadonlyMap<string, IndicatorRow>,
  lang: Lang,
  kindWords: (kind: string) => string,
): GridColumn[] {
  const seen = new Map<string, { indicator: string; kind: string; plans: Set<string>; order: number }>();
  for (const ev of evaluations) {
    for (const t of ev.targets) {
      if (!t.indicator) continue;
      const key = keyOf(t.indicator, t.kind);
      const entry = seen.get(key) ?? {
        indicator: t.indicator,
        kind: t.kind,
        plans: new Set(),
        order: seen.size,
      };
      entry.plans.add(ev.plan);
      seen.set(key, entry);
    }
  }
  const kindsPerIndicator = new Map<string, number>();
  for (const e of seen.values())
    kindsPerIndicator.set(e.indicator, (kindsPerIndicator.get(e.indicator) ?? 0) + 1);
  return [...seen.entries()]
    .sort(([, a], [, b]) => b.plans.size - a.plans.size || a.order - b.order)
    .map(([key, e]) => {
      const name = localize(indicators.get(e.indicator)?.name, lang) || e.indicator;
      return {
        key,
        indicator: e.indicator,
        kind: e.kind,
        label: (kindsPerIndicator.get(e.indicator) ?? 0) > 1 ? `${name} (${kindWords(e.kind)})` : name,
        plans: e.plans.size,
      };
    });
}

/**
 * A row's cell in each grid column: the plan's target on that indicator measured that way (the first,
 * if the plan has two), with its band in words and colour; null where the plan has no such target.
 *
 * @example gridCells(row, columns, 'vi')['GO|avg-growth'] // { target: '1', band: 1, bandLabel: 'đạt từ 50 % đến dưới 80 %', achievementPercent: 71.4, … }
 */
export function gridCells(
  row: Pick<ProvinceRow, 'plan' | 'evaluation'>,
  columns: readonly GridColumn[],
  lang: Lang,
): Record<string, GridCell | null> {
  const out: Record<string, GridCell | null> = {};
  const ev = row.evaluation;
  const plan = row.plan;
  const edges = bandEdges(plan?.bands);
  for (const col of columns) {
    const t = ev?.targets.find((x) => x.indicator === col.indicator && x.kind === col.kind);
    out[col.key] = t
      ? {
          target: t.code,
          band: t.band,
          bandLabel: t.band == null ? '' : bandLabel(t.band, edges, lang, plan?.bandLabels),
          color: bandColor(t.band, edges.length + 1),
          achievementPercent:
            t.achievementPercent != null && Number.isFinite(t.achievementPercent)
              ? t.achievementPercent
              : null,
          met: t.met,
        }
      : null;
  }
  return out;
}

/**
 * The indicators to rank the children on: those of the grid's first columns that are not milestones,
 * at most {@link HEADLINE_COUNT}, each once.
 *
 * @example headlineIndicators(columns) // ['GO', 'THU_NS', 'TNBQ', …]
 */
export function headlineIndicators(columns: readonly GridColumn[]): string[] {
  const out: string[] = [];
  for (const c of columns) {
    if (c.kind === 'milestone' || out.includes(c.indicator)) continue;
    out.push(c.indicator);
    if (out.length === HEADLINE_COUNT) break;
  }
  return out;
}

/**
 * A band's short name for narrow cells, from the plan's edges: "≥ 80 %", "50–80 %", "< 50 %".
 *
 * @example shortBandLabel(1, [80, 50], 'vi') // '50–80 %'
 * @example shortBandLabel(0, [80, 50], 'en') // '≥ 80%'
 */
export function shortBandLabel(index: number, edges: readonly number[], lang: Lang): string {
  const pct = (x: number) => formatNumber(x, Number.isInteger(x) ? 0 : 1, lang);
  const unit = lang === 'en' ? '%' : ' %';
  const top = edges[0];
  const low = edges[edges.length - 1];
  if (top === undefined || low === undefined) return '—';
  if (index <= 0) return `≥ ${pct(top)}${unit}`;
  if (index >= edges.length) return `< ${pct(low)}${unit}`;
  const from = edges[index];
  const to = edges[index - 1];
  return from === undefined || to === undefined ? '—' : `${pct(from)}–${pct(to)}${unit}`;
}
