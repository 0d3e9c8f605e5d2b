/**
 * The appendix table of all targets (STT, chỉ tiêu, ĐVT, mục tiêu, thực hiện by year, % đạt,
 * nhóm, dự báo): display text for DOCX and PDF, and the numbers behind it for XLSX.
 */
import type { Evaluation, Lang, Plan, Target, ValueSource, ValueStatus } from '@chitieu/core';
import {
  formatNumber,
  formatPercent,
  localize,
  localUnit,
  plainNumber,
  sdgStatusLabel,
  weakerStatus,
} from '@chitieu/core';
import { classKey, type MessageKey, t } from '../i18n.js';
import type { ReportType } from '../types.js';
import { bandLabel } from './bands.js';
import type { ReportRow } from './build.js';
import type { Appendix, AppendixColumn, AppendixRow, Cell, OfficialHeading } from './document.js';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

export interface AppendixInput {
  plan: Plan;
  rows: readonly ReportRow[];
  values: ValueSource;
  asOf: number;
  type: ReportType;
  lang: Lang;
  heading: OfficialHeading;
  bands: Evaluation['summary']['bands'];
}

/**
 * Build the appendix. Year columns run from the baseline year to the as-of year; a column is
 * headed "Ước TH" when any of its figures is an estimate, "Sơ bộ" when any is preliminary.
 *
 * @example appendixOf({ plan, rows, values, asOf: 2023, type: 'midterm', lang: 'vi', heading, bands }).columns.map(c => c.header)
 * // ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu", "TH 2020", "TH 2021", "TH 2022", "Ước TH 2023", "Kết quả so với mục tiêu", "% đạt", "Nhóm", "Dự báo"]
 */
export function appendixOf(input: AppendixInput): Appendix {
  const { plan, rows, values, asOf, lang, heading } = input;
  const years: number[] = [];
  for (let y = plan.baselineYear; y <= Math.min(asOf, plan.targetYear); y++) years.push(y);
  const figures = rows.map((r) => years.map((y) => values.actual(plan.unit, r.indicator.code, y)));
  // A column is as final as its least final figure ("Ước TH 2023" if any one is an estimate).
  const statusOfYear = years.map((_, j) =>
    figures.reduce<ValueStatus>((worst, f) => (f[j] ? weakerStatus(worst, f[j].status) : worst), 'official'),
  );
  const withForecast = asOf < plan.targetYear;

  const columns: AppendixColumn[] = [
    { header: t(lang, 'col.no'), width: 5, kind: 'text' },
    { header: t(lang, 'col.target'), width: 22, kind: 'text' },
    { header: t(lang, 'col.unit'), width: 9, kind: 'text' },
    { header: t(lang, 'col.goal'), width: 11, kind: 'text' },
    ...years.map(
      (y, j): AppendixColumn => ({
        header: t(lang, yearKey(statusOfYear[j] ?? 'official'), { year: y }),
        width: 8,
        kind: 'number',
      }),
    ),
    { header: t(lang, 'col.measured'), width: 11, kind: 'number' },
    { header: t(lang, 'col.percent'), width: 6, kind: 'number' },
    { header: t(lang, 'col.band'), width: 8, kind: 'text' },
    ...(withForecast ? [{ header: t(lang, 'col.forecast'), width: 9, kind: 'text' } as AppendixColumn] : []),
  ];

  const out: AppendixRow[] = [];
  let group: string | null = null;
  let groups = 0;
  rows.forEach((r, i) => {
    const g = r.target.group?.trim() || t(lang, 'h.otherGroup');
    if (g !== group) {
      group = g;
      out.push({ kind: 'group', no: ROMAN[groups++] ?? String(groups), text: g });
    }
    const ev = r.ev;
    const dec = r.indicator.decimals;
    const yearFigures = figures[i] ?? [];
    const measured = measuredText(r.target, ev.actual, dec, lang);
    const cells = [
      String(i + 1),
      localize(r.target.text, lang),
      localUnit(r.indicator.unit, lang),
      goalText(r.target, r.indicator.direction, lang),
      ...yearFigures.map((f) => (f ? formatNumber(f.value, dec, lang) : '')),
      measured.text,
      ev.achievementPercent != null ? formatNumber(ev.achievementPercent, 1, lang) : '',
      ev.sdgProgress
        ? sdgStatusLabel(ev.sdgProgress.status, lang)
        : ev.band != null
          ? bandLabel(input.bands, ev.band, plan, lang, 'short')
          : t(lang, 'class.insufficient-data'),
      ...(withForecast ? [t(lang, classKey(ev.forecast.class))] : []),
    ];
    const numbers = [
      null,
      null,
      null,
      null,
      ...yearFigures.map((f) => f?.value ?? null),
      measured.number,
      ev.achievementPercent,
      null,
      ...(withForecast ? [null] : []),
    ];
    const decimals = [
      null,
      null,
      null,
      null,
      ...yearFigures.map(() => dec),
      measured.decimals,
      1,
      null,
      ...(withForecast ? [null] : []),
    ];
    out.push({ kind: 'target', cells, numbers, decimals });
  });

  const estimated = statusOfYear.some((s) => s !== 'official');
  return {
    label: t(lang, 'appendix.label'),
    title: t(lang, 'appendix.title', { title: localize(plan.title, lang) }),
    subtitle: t(lang, 'appendix.subtitle', {
      number: heading.numberValue,
      year: asOf,
      committee: heading.committee,
    }),
    columns,
    rows: out,
    notes: estimated ? [t(lang, 'note.estimate')] : [],
  };
}

function yearKey(status: ValueStatus): MessageKey {
  if (status === 'estimate') return 'col.estimate';
  if (status === 'preliminary') return 'col.preliminary';
  return 'col.official';
}

/** The figure compared with the goal, in the kind's own terms ("10,71 %/năm" for growth). */
function measuredText(
  target: Target,
  actual: number | null,
  decimals: number,
  lang: Lang,
): { text: string; number: number | null; decimals: number | null } {
  if (actual == null) return { text: '', number: null, decimals: null };
  if (target.kind === 'avg-growth') {
    return { text: `${formatPercent(actual, 2, lang)}${t(lang, 'perYear')}`, number: actual, decimals: 2 };
  }
  if (target.kind === 'milestone')
    return { text: formatPercent(actual, 0, lang), number: actual, decimals: 0 };
  return { text: formatNumber(actual, decimals, lang), number: actual, decimals };
}

/** The goal as the plan states it: "Tăng BQ 15 %/năm", "Dưới 1,5", "33–34", "Hoàn thành". */
export function goalText(target: Target, direction: 'up' | 'down', lang: Lang): string {
  if (target.kind === 'milestone') return t(lang, 'goal.milestone');
  const lo = target.low ?? null;
  const hi = target.high ?? null;
  const single = target.value ?? lo ?? hi;
  const range = lo != null && hi != null ? `${plainNumber(lo, lang)}–${plainNumber(hi, lang)}` : null;
  const n = range ?? (single != null ? plainNumber(single, lang) : '');
  if (n === '') return '';
  switch (target.kind) {
    case 'avg-growth':
      return t(lang, 'goal.avg-growth', { value: `${n}${lang === 'en' ? '%' : ' %'}` });
    case 'cumulative':
      return t(lang, 'goal.cumulative', { value: n });
    case 'annual':
      return t(lang, 'goal.annual', { value: n });
    case 'change':
      return t(lang, 'goal.change', { value: n, up: direction === 'up' ? 1 : '' });
    default:
      if (direction === 'down' && single === 0 && range == null) return t(lang, 'goal.zero');
      return direction === 'down' && range == null ? t(lang, 'goal.below', { value: n }) : n;
  }
}

/**
 * The appendix as table cells, the same for every renderer: a bold centred header, group rows
 * spanning the table, numbers on the right, the target's wording on the left.
 */
export function appendixCells(a: Appendix): { header: Cell[][]; rows: Cell[][] } {
  const header: Cell[][] = [a.columns.map((c) => ({ text: c.header, bold: true, align: 'center' }))];
  const rows: Cell[][] = a.rows.map((r) =>
    r.kind === 'group'
      ? [
          { text: r.no, bold: true, align: 'center' },
          { text: r.text, bold: true, span: a.columns.length - 1 },
        ]
      : r.cells.map((text, i) => ({
          text,
          align: i === 1 ? 'left' : a.columns[i]?.kind === 'number' && i > 0 ? 'right' : 'center',
        })),
  );
  return { header, rows };
}
