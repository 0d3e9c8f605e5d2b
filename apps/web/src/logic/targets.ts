import {
  createValueSource,
  type Evaluation,
  formatNumber,
  formatPercent,
  type Indicator,
  type Lang,
  localize,
  localUnit,
  type Plan,
  type PlanData,
  type Target,
  type TargetEvaluation,
  type ValueStatus,
} from '@chitieu/core';
import { termYears } from './plan-data';
import { matchesQuery } from './text';

export interface YearFigure {
  year: number;
  value: number;
  status: ValueStatus;
}

export interface TargetRow {
  code: string;
  position: number;
  group: string;
  title: string;
  target: Target;
  indicator: Indicator | undefined;
  evaluation: TargetEvaluation | undefined;
  /** The goal as the plan states it, with the unit ("15 %/năm", "6,5–7 %"). */
  goal: string;
  /** The plan unit's figures by year within the term (strongest status), for the "by year" columns. */
  figures: YearFigure[];
}

/** "15", "12–13" — a goal's number(s) at the indicator's decimals at most. */
function goalNumber(target: Target, lang: Lang, decimals: number): string {
  const f = (x: number) => formatNumber(x, Number.isInteger(x) ? 0 : Math.max(decimals, 1), lang);
  if (target.low != null && target.high != null) return `${f(target.low)}–${f(target.high)}`;
  const v = target.value ?? target.low ?? target.high;
  return v == null ? '—' : f(v);
}

/** The unit a goal is stated in: growth targets in %/year, change targets per year, else the indicator's. */
function goalUnit(target: Target, indicator: Indicator | undefined, lang: Lang): string {
  const unit = localUnit(indicator?.unit ?? '', lang).trim();
  if (target.kind === 'avg-growth') return lang === 'en' ? '%/year' : '%/năm';
  if (target.kind === 'milestone') return '';
  return unit;
}

/**
 * One row per target of the plan, in plan order, joined with its evaluation and its figures by year.
 *
 * @example targetRows(data, plan, evaluation, 'vi')[0] // { code: '1', goal: '15 %/năm', figures: [{ year: 2021, … }], … }
 */
export function targetRows(data: PlanData, plan: Plan, ev: Evaluation | undefined, lang: Lang): TargetRow[] {
  const indicators = new Map(data.indicators.map((i) => [i.code, i]));
  const evaluations = new Map(ev?.targets.map((t) => [t.code, t]) ?? []);
  const source = createValueSource(data);
  const years = [plan.baselineYear, ...termYears(plan)];
  return plan.targets.map((target, position) => {
    const indicator = indicators.get(target.indicator);
    const number = target.kind === 'milestone' ? '' : goalNumber(target, lang, indicator?.decimals ?? 1);
    const unit = goalUnit(target, indicator, lang);
    const figures: YearFigure[] = [];
    for (const year of years) {
      const v = source.actual(plan.unit, target.indicator, year);
      if (v) figures.push({ year, value: v.value, status: v.status });
    }
    return {
      code: target.code,
      position,
      group: target.group ?? '',
      title: localize(target.text, lang),
      target,
      indicator,
      evaluation: evaluations.get(target.code),
      goal:
        number === ''
          ? '—'
          : unit === ''
            ? number
            : lang === 'en' && unit.startsWith('%')
              ? `${number}${unit}`
              : `${number} ${unit}`,
      figures,
    };
  });
}

export type BandFilter = '0' | '1' | '2' | '3' | 'none';
export type ForecastFilter = 'exceed' | 'complete' | 'at-risk' | 'insufficient-data';
export type TargetSort = 'plan' | 'achievement-asc' | 'achievement-desc';

export interface TargetFilter {
  q?: string;
  group?: string;
  band?: BandFilter;
  forecast?: ForecastFilter;
  sort?: TargetSort;
}

/**
 * The rows a filter keeps, in the order asked: the search ignores accents and case and looks at the
 * code, the target's words, the indicator's name and the group; targets without an achievement sort last.
 *
 * @example filterTargets(rows, { q: 'tang truong' }) // the rows whose words hold "Tăng trưởng"
 */
export function filterTargets(rows: readonly TargetRow[], filter: TargetFilter): TargetRow[] {
  const kept = rows.filter((r) => {
    if (filter.group && r.group !== filter.group) return false;
    if (filter.band) {
      const band = r.evaluation?.band ?? null;
      if (filter.band === 'none' ? band != null : band !== Number(filter.band)) return false;
    }
    if (filter.forecast && r.evaluation?.forecast.class !== filter.forecast) return false;
    if (filter.q) {
      const hay = [
        r.code,
        r.title,
        r.group,
        r.indicator ? `${r.indicator.name.vi} ${r.indicator.name.en ?? ''}` : '',
      ].join(' ');
      if (!matchesQuery(hay, filter.q)) return false;
    }
    return true;
  });
  if (!filter.sort || filter.sort === 'plan') return kept;
  const dir = filter.sort === 'achievement-asc' ? 1 : -1;
  return [...kept].sort((a, b) => {
    const x = a.evaluation?.achievementPercent ?? null;
    const y = b.evaluation?.achievementPercent ?? null;
    if (x == null || y == null) return x == null && y == null ? a.position - b.position : x == null ? 1 : -1;
    return (x - y) * dir || a.position - b.position;
  });
}

/** The figure the evaluation compared, with the unit it is in ("10,71 %/năm", "18.997,6 tỷ đồng"). */
export function actualText(row: TargetRow, lang: Lang): string {
  const ev = row.evaluation;
  if (!ev || ev.actual == null) return '—';
  if (row.target.kind === 'avg-growth')
    return `${formatPercent(ev.actual, 2, lang)}${lang === 'en' ? '/year' : '/năm'}`;
  const decimals = row.indicator?.decimals ?? 1;
  const unit = localUnit(row.indicator?.unit ?? '', lang).trim();
  const n = formatNumber(ev.actual, decimals, lang);
  return unit === '' ? n : lang === 'en' && unit.startsWith('%') ? `${n}${unit}` : `${n} ${unit}`;
}
