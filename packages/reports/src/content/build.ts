/**
 * Build the report's content from an evaluation: heading, sections, sentences (core's narrative),
 * charts and the appendix. Every number is formatted by core; nothing is computed here that core
 * computes.
 */
import type {
  Evaluation,
  Indicator,
  Lang,
  Plan,
  PlanData,
  Program,
  ProgramKind,
  Ranking,
  Target,
  TargetEvaluation,
  Unit,
  ValueSource,
} from '@chitieu/core';
import {
  compoundValue,
  forecastSentence,
  forecastSummarySentence,
  formatPercent,
  localize,
  localUnit,
  type ProgramSentenceOptions,
  programSentence,
  type SdgStatus,
  sdgStatusLabel,
  summarySentence,
  type TargetContext,
  targetSentence,
  taskState,
} from '@chitieu/core';
import { bandChartOptions, rankChartOptions, seriesChartOptions } from '../charts/options.js';
import { renderChartAsync } from '../charts/render.js';
import { forecastKey, type MessageKey, programKey, t, taskStatusKey } from '../i18n.js';
import { nbspPercent } from '../text.js';
import type { ReportOptions, ReportType } from '../types.js';
import { appendixOf } from './appendix.js';
import { bandLabel } from './bands.js';
import type { Block, Cell, ChartImage, ReportDocument } from './document.js';
import { officialHeading, splitUnitName } from './heading.js';

export interface BuildInput {
  data: PlanData;
  plan: Plan;
  evaluation: Evaluation;
  values: ValueSource;
  type: ReportType;
  lang: Lang;
  options?: ReportOptions;
  /** The plan unit's ranking among its siblings, per target code (from core's rankUnits). */
  rankings?: ReadonlyMap<string, Ranking>;
}

/** Page width available to a chart on portrait A4 with 30 + 15 mm margins, in points. */
const CHART_WIDTH = 450;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];
const PROGRAM_ORDER: ProgramKind[] = ['program', 'breakthrough', 'task-group'];
const FORECAST_ORDER = ['exceed', 'complete', 'at-risk', 'insufficient-data'] as const;

/** A target with everything a sentence needs; targets whose indicator is unknown are skipped. */
interface Row {
  target: Target;
  indicator: Indicator;
  ev: TargetEvaluation;
}

const dash = (text: string): Block => ({ type: 'paragraph', runs: [{ text: `- ${text}` }] });
const para = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });

/**
 * The whole report as renderer-neutral content.
 *
 * @example
 * const doc = await buildReport({ data, plan, evaluation, values, type: 'midterm', lang: 'vi' });
 * doc.heading.docType // "BÁO CÁO"
 */
export async function buildReport(input: BuildInput): Promise<ReportDocument> {
  const { data, plan, evaluation: ev, values, type, lang } = input;
  const options = input.options ?? {};
  const heading = officialHeading({
    plan,
    units: data.units,
    type,
    year: ev.asOf,
    lang,
    ...(options.heading ? { options: options.heading } : {}),
  });
  const rows = rowsOf(plan, data.indicators, ev);
  const keyCodes = new Set(options.keyTargets ?? pickKeyTargets(rows, plan, values));
  const charts = options.charts !== false;
  const scope = rankScope(data.units, plan.unit);
  const unitNames = new Map(data.units.map((u) => [u.code, shortName(u)]));
  let figure = 0;
  // Charts render concurrently; each block is filled in when its image is ready.
  const pending: Promise<void>[] = [];
  const chartBlock = (job: { alt: string; image: Promise<ChartImage> }): Block => {
    const block: Block = {
      type: 'chart',
      image: { png: new Uint8Array(), widthPt: 0, heightPt: 0, alt: job.alt },
      caption: t(lang, 'figure', { n: ++figure, title: job.alt }),
    };
    pending.push(
      job.image.then((image) => {
        block.image = image;
      }),
    );
    return block;
  };
  const ctx = (r: Row): TargetContext => {
    const ranking = input.rankings?.get(r.target.code);
    const own = ranking?.rows.find((x) => x.unit === plan.unit);
    return {
      target: r.target,
      indicator: r.indicator,
      evaluation: r.ev,
      plan,
      rank: own ? { rank: own.rank, of: own.of, scope } : null,
    };
  };

  const body: Block[] = [
    para(
      t(lang, heading.layout === 'party' ? 'intro.party' : 'intro.state', {
        committee: heading.committee,
        subject: heading.subject.charAt(0).toLocaleLowerCase('vi') + heading.subject.slice(1),
      }),
    ),
  ];
  let h1 = 0;
  const section = (text: string) => body.push({ type: 'heading', level: 1, text: `${ROMAN[h1++]}. ${text}` });

  // I. Results against the targets.
  section(t(lang, 'h.targets'));
  let h2 = 0;
  const sub = (text: string) => body.push({ type: 'heading', level: 2, text: `${++h2}. ${text}` });
  sub(t(lang, 'h.overview'));
  body.push(para(summarySentence(ev, lang)));
  if (charts && ev.summary.total > 0) body.push(chartBlock(bandChart(ev, plan, lang)));

  const ok = rows.filter((r) => r.ev.status === 'ok');
  for (const [group, members] of groupsOf(ok, lang)) {
    sub(group);
    for (const r of members) {
      body.push(dash(targetSentence(ctx(r), lang)));
      if (!charts || !keyCodes.has(r.target.code)) continue;
      const series = seriesChart(r, plan, ev.asOf, values, lang);
      if (series) body.push(chartBlock(series));
      const ranking = input.rankings?.get(r.target.code);
      if (ranking && ranking.rows.length > 1)
        body.push(chartBlock(rankChart(r, ranking, unitNames, plan, lang)));
    }
  }
  const missing = rows.filter((r) => r.ev.status !== 'ok');
  if (missing.length > 0) {
    sub(t(lang, 'h.insufficient'));
    for (const r of missing) body.push(dash(targetSentence(ctx(r), lang)));
  }

  // II. Programs, breakthroughs, task groups. Tasks are judged on the report's date (the end of the
  // as-of year unless one is set) against the term's start: overdue, behind schedule.
  const programs = plan.programs ?? [];
  const calendar: ProgramSentenceOptions = {
    asOf: options.heading?.date ?? `${ev.asOf}-12-31`,
    start: `${plan.baselineYear + 1}-01-01`,
  };
  if (programs.length > 0) {
    section(t(lang, 'h.programs'));
    h2 = 0;
    for (const kind of PROGRAM_ORDER) {
      const ofKind = programs.filter((p) => p.kind === kind);
      if (ofKind.length === 0) continue;
      sub(t(lang, programKey(kind)));
      for (const p of ofKind) {
        body.push(dash(programSentence(p, lang, calendar)));
        const table = tasksTable(p, lang, calendar);
        if (table) body.push(table);
      }
    }
  }

  // III. Forecast (before the target year) or the term's result (at it).
  if (ev.asOf < plan.targetYear && type !== 'final') {
    section(t(lang, 'h.forecast', { year: plan.targetYear }));
    h2 = 0;
    body.push(para(forecastSummarySentence(ev, lang, { targetYear: plan.targetYear })));
    for (const cls of FORECAST_ORDER) {
      const members = rows.filter((r) => r.ev.forecast.class === cls);
      if (members.length === 0) continue;
      sub(`${t(lang, forecastKey(cls))} (${t(lang, 'countTargets', { n: members.length })})`);
      for (const r of members) body.push(dash(forecastSentence(ctx(r), lang)));
    }
  }

  await Promise.all(pending);
  const title = localize(plan.title, lang);
  return {
    lang,
    heading,
    body,
    appendix: appendixOf({ plan, rows, values, asOf: ev.asOf, type, lang, heading, bands: ev.summary.bands }),
    meta: {
      title: `${heading.docType} ${heading.subject}`,
      subject: title,
      keywords: `chitieu, ${plan.code}, ${ev.asOf}, ${type}`,
    },
  };
}

function rowsOf(plan: Plan, indicators: readonly Indicator[], ev: Evaluation): Row[] {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const evs = new Map(ev.targets.map((x) => [x.code, x]));
  const rows: Row[] = [];
  for (const target of plan.targets) {
    const indicator = byCode.get(target.indicator);
    const e = evs.get(target.code);
    if (indicator && e) rows.push({ target, indicator, ev: e });
  }
  return rows;
}

/** Groups in the plan's order of first appearance; targets without a group go last. */
function groupsOf(rows: Row[], lang: Lang): [string, Row[]][] {
  const groups = new Map<string, Row[]>();
  const other = t(lang, 'h.otherGroup');
  for (const r of rows) {
    const g = r.target.group?.trim() || other;
    const list = groups.get(g) ?? [];
    if (list.length === 0) groups.set(g, list);
    list.push(r);
  }
  const entries = [...groups.entries()].filter(([g]) => g !== other);
  const rest = groups.get(other);
  return rest ? [...entries, [other, rest]] : entries;
}

/**
 * The targets that get a series chart by default: per group, the first evaluated level or
 * average-growth target on levels with at least two actual years; at most three.
 */
export function pickKeyTargets(rows: readonly Row[], plan: Plan, values: ValueSource): string[] {
  const seen = new Set<string>();
  const picked: string[] = [];
  for (const r of rows) {
    const group = r.target.group ?? '';
    if (picked.length >= 3 || seen.has(group) || r.ev.status !== 'ok') continue;
    const chartable =
      r.target.kind === 'level' || (r.target.kind === 'avg-growth' && r.target.input !== 'rates');
    if (!chartable || values.actualYears(plan.unit, r.indicator.code).length < 2) continue;
    seen.add(group);
    picked.push(r.target.code);
  }
  return picked;
}

interface ChartJob {
  alt: string;
  image: Promise<ChartImage>;
}

const job = (
  options: Parameters<typeof renderChartAsync>[0],
  width: number,
  height: number,
  alt: string,
): ChartJob => ({
  alt,
  image: renderChartAsync(options, width, height, alt),
});

function bandChart(ev: Evaluation, plan: Plan, lang: Lang): ChartJob {
  const sdg = ev.summary.sdgProgress;
  if (ev.methodology === 'sdg-progress' && sdg) {
    // SDG plans are judged by progress status, not bands (docs/methodology.md, Open SDG's method).
    // Core counts every status, in its order from "target achieved" to "insufficient data".
    const statuses = Object.keys(sdg) as SdgStatus[];
    const labels = statuses.map((s) => capitalise(sdgStatusLabel(s, lang), lang));
    const counts = statuses.map((s) => sdg[s] ?? 0);
    return job(bandChartOptions({ labels, counts }, lang), CHART_WIDTH, 250, t(lang, 'chart.sdg'));
  }
  const labels = ev.summary.bands.map((_, i) =>
    nbspPercent(bandLabel(ev.summary.bands, i, plan, lang, 'long')),
  );
  const counts = ev.summary.bands.map((b) => b.count);
  if (ev.summary.insufficientData > 0) {
    labels.push(t(lang, 'band.none'));
    counts.push(ev.summary.insufficientData);
  }
  return job(bandChartOptions({ labels, counts }, lang), CHART_WIDTH, 230, t(lang, 'chart.bands'));
}

function seriesChart(r: Row, plan: Plan, asOf: number, values: ValueSource, lang: Lang): ChartJob | null {
  const b = plan.baselineYear;
  const years: number[] = [];
  for (let y = b; y <= plan.targetYear; y++) years.push(y);
  const actual = years.map((y) =>
    y <= asOf ? (values.actual(plan.unit, r.indicator.code, y)?.value ?? null) : null,
  );
  const t0 = r.ev.year;
  const path = new Map((r.ev.forecast.path ?? []).map((p) => [p.year, p.value]));
  const projection = years.map((y) =>
    y === t0 && path.size > 0 ? (actual[years.indexOf(y)] ?? null) : (path.get(y) ?? null),
  );
  const goal = years.map((y) => goalAt(r, y, actual[0] ?? null, b));
  if (actual.filter((v) => v != null).length < 2) return null;
  const alt = t(lang, 'chart.series', {
    name: localize(r.indicator.name, lang),
    unit: localUnit(r.indicator.unit, lang),
  });
  const options = seriesChartOptions(
    { years, actual, projection, goal, decimals: r.indicator.decimals },
    lang,
  );
  return job(options, CHART_WIDTH, 250, alt);
}

/** The goal line: flat for a level target; for average growth, the baseline compounded at g*. */
function goalAt(r: Row, year: number, baseline: number | null, b: number): number | null {
  const goal = r.ev.goal ?? r.target.value ?? null;
  if (goal == null) return null;
  if (r.target.kind === 'level') return goal;
  if (r.target.kind === 'avg-growth' && baseline != null)
    return compoundValue(baseline, goal / 100, year - b);
  return null;
}

function rankChart(r: Row, ranking: Ranking, names: Map<string, string>, plan: Plan, lang: Lang): ChartJob {
  const growth = ranking.by === 'growth';
  const rows = ranking.rows.map((x) => ({
    name: names.get(x.unit) ?? x.unit,
    value: x.value,
    own: x.unit === plan.unit,
  }));
  const alt = t(lang, growth ? 'chart.rankGrowth' : 'chart.rank', {
    name: localize(r.indicator.name, lang),
    year: ranking.year,
    unit: growth ? '%' : localUnit(r.indicator.unit, lang),
  });
  const height = Math.min(480, 32 + rows.length * 15);
  return job(
    rankChartOptions({ rows, decimals: growth ? 2 : r.indicator.decimals }, lang),
    CHART_WIDTH,
    height,
    alt,
  );
}

const capitalise = (s: string, lang: Lang) => s.charAt(0).toLocaleUpperCase(lang) + s.slice(1);

/** "Bỉm Sơn" for "Thị xã Bỉm Sơn": sibling bars need short names. */
function shortName(u: Unit): string {
  return splitUnitName(u.name).proper;
}

type RankScope = NonNullable<NonNullable<TargetContext['rank']>['scope']>;

/** Where the plan's unit is ranked: among the children of its parent ("toàn tỉnh"). */
function rankScope(units: readonly Unit[], unitCode: string): RankScope | null {
  const unit = units.find((u) => u.code === unitCode);
  const parent = unit?.parent ? units.find((u) => u.code === unit.parent) : undefined;
  if (!parent) return null;
  if (parent.level === 'nation') return 'nation';
  if (parent.level === 'province') return 'province';
  const prefix = splitUnitName(parent.name).level?.prefix;
  if (prefix === 'Tỉnh') return 'province';
  if (prefix === 'Thành phố') return 'city';
  if (prefix === 'Thị xã') return 'town';
  if (prefix === 'Huyện') return 'district';
  return null;
}

function tasksTable(p: Program, lang: Lang, calendar: ProgramSentenceOptions): Block | null {
  const tasks = p.tasks ?? [];
  if (tasks.length === 0) return null;
  const head = (key: MessageKey): Cell => ({ text: t(lang, key), bold: true, align: 'center' });
  return {
    type: 'table',
    widths: [7, 36, 19, 15, 9, 14],
    fontPt: 12,
    header: [
      [
        head('col.no'),
        head('task.title'),
        head('task.lead'),
        head('task.due'),
        head('task.progress'),
        head('task.status'),
      ],
    ],
    rows: tasks.map((task, i) => [
      { text: String(i + 1), align: 'center' },
      { text: localize(task.title, lang) },
      { text: task.lead ?? '' },
      { text: task.due ? dateText(task.due, lang) : '', align: 'center' },
      { text: task.progress != null ? formatPercent(task.progress, 0, lang) : '', align: 'right' },
      { text: t(lang, taskStatusKey(taskState(task, calendar))), align: 'center' },
    ]),
  };
}

/** "31/12/2024" in Vietnamese, the ISO date in English. */
function dateText(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m || lang === 'en') return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

export type { Row as ReportRow };
