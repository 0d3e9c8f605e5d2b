import { growthGoal, resolveGoal } from '../achievement/goal.js';
import {
  type KindSpec,
  type Measurement,
  measureAchievement,
  type Series,
  YearSeries,
} from '../achievement/measure.js';
import { fail, type Outcome } from '../achievement/outcome.js';
import type { Sign } from '../achievement/ratio.js';
import { achievementPercent, bandEdges, bandIndex, growthPercent, isMet } from '../bands/bands.js';
import type {
  BandCount,
  Evaluation,
  ForecastSummary,
  Reason,
  SdgStatus,
  TargetEvaluation,
  TargetForecast,
} from '../evaluation-types.js';
import {
  type ForecastResult,
  type ForecastThresholds,
  forecastTarget,
  forecastThresholds,
  insufficientForecast,
} from '../forecast/forecast.js';
import type { Bounds } from '../forecast/trend.js';
import { roundHalfAwayFromZero } from '../format/round.js';
import { bandLabel, reasonText } from '../i18n/messages.js';
import type { Indicator, Lang, Plan, Target } from '../model.js';
import { type SdgProgress, sdgProgressFromGrowth, sdgProgressOfLevels } from '../sdg/sdg-progress.js';
import type { ValueSource } from '../values/value-source.js';

export interface EvaluateInput {
  plan: Plan;
  indicators: readonly Indicator[];
  /** Figures for the plan's unit: `values.actual(plan.unit, indicator, year)`, `.plan(…)`, `.actualYears(…)`. */
  values: ValueSource;
  /** The as-of year of the review; values are read for years in [baselineYear, min(asOf, targetYear)]. */
  asOf: number;
  /** Language of reasons and labels; Vietnamese by default. */
  lang?: Lang;
}

interface Context {
  plan: Plan;
  indicators: ReadonlyMap<string, Indicator>;
  values: ValueSource;
  lastYear: number;
  lang: Lang;
  edges: number[];
  thresholds: ForecastThresholds;
}

/**
 * The clamp for an indicator's forecast: its own bounds; else 0–100 for a percentage (unit "%"); else,
 * when every actual so far is ≥ 0 (counts, money), a floor of 0 — a trend never forecasts −0,4 fires.
 *
 * @example boundsOf({ unit: '%', bounds: null })               // [0, 100]
 * @example boundsOf({ unit: 'vụ', bounds: null }, [1, 0])      // [0, null]
 * @example boundsOf({ unit: 'tỷ đồng', bounds: null }, [-5, 3]) // null
 */
export function boundsOf(
  indicator: Pick<Indicator, 'bounds' | 'unit'>,
  actuals: Iterable<number> = [],
): Bounds | null {
  if (indicator.bounds) return indicator.bounds;
  if (indicator.unit.trim() === '%') return PERCENT_BOUNDS;
  for (const v of actuals) if (v < 0) return null;
  return FLOOR_ZERO;
}

const PERCENT_BOUNDS: Bounds = [0, 100];
const FLOOR_ZERO: Bounds = [0, null];

/**
 * The actual figures of one indicator for the plan's unit in [b, lastYear], read once: a dense series,
 * the latest year with a figure (t), and whether each year's figure is provisional (estimate or
 * preliminary), indexed like the series.
 */
interface ActualSeries {
  series: YearSeries;
  t: number | null;
  provisional: boolean[];
}

function readSeries(ctx: Context, indicator: string): ActualSeries {
  const { plan, values, lastYear } = ctx;
  const b = plan.baselineYear;
  const n = Math.max(0, lastYear - b + 1);
  const figures = new Array<number>(n).fill(Number.NaN);
  const provisional = new Array<boolean>(n).fill(false);
  let t: number | null = null;
  for (let y = b; y <= lastYear; y++) {
    const v = values.actual(plan.unit, indicator, y);
    if (!v || !Number.isFinite(v.value)) continue;
    figures[y - b] = v.value + 0;
    provisional[y - b] = v.status === 'estimate' || v.status === 'preliminary';
    t = y;
  }
  return { series: new YearSeries(b, figures), t, provisional };
}

/** The annual plan figures of the years after t up to T, as a dense series (NaN where none). */
function readPlanned(ctx: Context, indicator: string, t: number | null): YearSeries {
  const { plan, values } = ctx;
  const from = (t ?? plan.targetYear) + 1;
  const figures = new Array<number>(Math.max(0, plan.targetYear - from + 1)).fill(Number.NaN);
  for (let y = from; y <= plan.targetYear; y++) {
    const v = values.plan(plan.unit, indicator, y);
    if (v !== null) figures[y - from] = v + 0;
  }
  return new YearSeries(from, figures);
}

function forecastJson(f: ForecastResult, lang: Lang, kind: Target['kind']): TargetForecast {
  return {
    value: f.value,
    achievementPercent: f.achievementPercent,
    class: f.class,
    // Like `actual`: a growth in percent is shown with 2 decimals.
    actual: f.actual !== null && kind === 'avg-growth' ? roundHalfAwayFromZero(f.actual, 2) : f.actual,
    achievement: f.achievement,
    effort: f.effort,
    path: f.path,
    reason: f.reason ? reasonText(f.reason, lang) : null,
  };
}

function sdgOf(
  target: Target,
  spec: KindSpec,
  series: Series,
  t: number | null,
  goal: number | null,
): Outcome<SdgProgress> {
  if (target.kind === 'avg-growth') {
    // g_obs does not depend on the goal, and spec.goal is goal ?? 0: measure to get it.
    const m = measureAchievement(spec, series, t);
    if (!m.ok) return m;
    return sdgProgressFromGrowth(
      m.value.observedGrowth ?? 0,
      goal === null ? null : growthGoal(goal, spec.d),
      spec.d,
    );
  }
  const levelGoal = target.kind === 'level' ? goal : target.kind === 'milestone' ? 100 : null;
  return sdgProgressOfLevels({
    d: spec.d,
    series,
    baselineYear: spec.baselineYear,
    targetYear: spec.targetYear,
    year: t,
    goal: levelGoal,
  });
}

// A row is built field by field in the order of the published JSON (the kind's own fields after `met`),
// so all rows of one kind and status share one shape. The cast: `forecast` and `estimate` follow.

/** The row of a target that cannot be computed, up to its kind's fields. */
function insufficientRow(target: Target, reason: Reason, lang: Lang, year: number | null): TargetEvaluation {
  const row = {
    code: target.code,
    kind: target.kind,
    status: 'insufficient-data',
    reason: reasonText(reason, lang),
    reasonCode: reason.code,
    year,
    actual: null,
    achievement: null,
    achievementPercent: null,
    band: null,
    met: null,
  } as TargetEvaluation;
  return withKindFields(row, target.kind, null, null, null);
}

/** The row of a measured target, up to its kind's fields. */
function measuredRow(target: Target, m: Measurement, edges: readonly number[]): TargetEvaluation {
  const percent = achievementPercent(m.achievement);
  const observed = m.observedGrowth === undefined ? null : growthPercent(m.observedGrowth);
  const row = {
    code: target.code,
    kind: target.kind,
    status: 'ok',
    year: m.year,
    actual: target.kind === 'avg-growth' && observed !== null ? observed : m.actual,
    achievement: m.achievement,
    achievementPercent: percent,
    band: bandIndex(percent, edges),
    met: isMet(percent),
  } as TargetEvaluation;
  return withKindFields(
    row,
    target.kind,
    observed,
    m.requiredGrowth == null ? null : growthPercent(m.requiredGrowth),
    m.pace == null ? null : achievementPercent(m.pace),
  );
}

/** avg-growth: observed and required growth; cumulative: pace; other kinds have none. */
function withKindFields(
  row: TargetEvaluation,
  kind: Target['kind'],
  observed: number | null,
  required: number | null,
  pace: number | null,
): TargetEvaluation {
  if (kind === 'avg-growth') {
    row.observedGrowthPercent = observed;
    row.requiredGrowthPercent = required;
  } else if (kind === 'cumulative') {
    row.pacePercent = pace;
  }
  return row;
}

/** The fields after the kind's own, in order. */
function withTail(
  row: TargetEvaluation,
  target: Target,
  forecast: TargetForecast,
  estimate: boolean,
  goal: number | null,
): TargetEvaluation {
  row.forecast = forecast;
  row.estimate = estimate;
  row.goal = goal;
  row.indicator = target.indicator;
  row.group = target.group ?? null;
  return row;
}

function evaluateTarget(ctx: Context, target: Target): TargetEvaluation {
  const { plan, lang } = ctx;
  const indicator = ctx.indicators.get(target.indicator);
  if (!indicator) {
    const reason: Reason = { code: 'no-indicator', params: { indicator: target.indicator } };
    const forecast = forecastJson(insufficientForecast(reason), lang, target.kind);
    const row = withTail(insufficientRow(target, reason, lang, null), target, forecast, false, null);
    if (plan.methodology === 'sdg-progress') row.sdgProgress = { status: 'insufficient-data', ratio: null };
    return row;
  }

  const d: Sign = indicator.direction === 'down' ? -1 : 1;
  const { series, t, provisional } = readSeries(ctx, indicator.code);
  const goal = resolveGoal(target, indicator.direction);
  const spec: KindSpec = {
    kind: target.kind,
    d,
    goal: goal ?? 0,
    baselineYear: plan.baselineYear,
    targetYear: plan.targetYear,
    input: target.kind === 'avg-growth' && target.input === 'rates' ? 'rates' : 'levels',
    every: target.kind === 'annual' && target.every === true,
  };
  const measurement: Outcome<Measurement> =
    goal === null && target.kind !== 'milestone'
      ? fail('no-target-value')
      : measureAchievement(spec, series, t);
  const forecast = forecastTarget({
    spec,
    series,
    measurement,
    plan: readPlanned(ctx, indicator.code, t),
    trend: indicator.trend,
    bounds: boundsOf(indicator, series.values),
    expected: target.expected ?? null,
    thresholds: ctx.thresholds,
  });

  const forecastRow = forecastJson(forecast, lang, target.kind);
  let row: TargetEvaluation;
  if (!measurement.ok) {
    row = withTail(insufficientRow(target, measurement.reason, lang, t), target, forecastRow, false, goal);
  } else {
    const m = measurement.value;
    let estimate = false;
    for (const y of m.usedYears) if (provisional[y - plan.baselineYear]) estimate = true;
    row = withTail(measuredRow(target, m, ctx.edges), target, forecastRow, estimate, goal);
  }
  if (plan.methodology === 'sdg-progress') {
    const sdg = sdgOf(target, spec, series, t, goal);
    row.sdgProgress = sdg.ok ? sdg.value : { status: 'insufficient-data', ratio: null };
  }
  return row;
}
/** Indicators by code; of two with one code, the later wins. */
function indicatorsByCode(indicators: readonly Indicator[]): Map<string, Indicator> {
  const byCode = new Map<string, Indicator>();
  for (const i of indicators) byCode.set(i.code, i);
  return byCode;
}

const SDG_STATUSES: readonly SdgStatus[] = [
  'target-achieved',
  'substantial',
  'moderate',
  'limited',
  'deterioration',
  'insufficient-data',
];

/**
 * Evaluate a plan at an as-of year: every target's achievement, band, forecast and effort (docs/methodology.md),
 * in plan order, with the summary counts — exactly the JSON of docs/plan-format.md "Evaluation output".
 * Never throws on data: a target that cannot be computed is `insufficient-data` with the reason in words.
 *
 * @example
 * const evaluation = evaluatePlan({ plan, indicators: data.indicators, values: indexEnteredValues(data.values), asOf: 2023 });
 * evaluation.targets[0] // { code: '1', kind: 'avg-growth', status: 'ok', actual: 10.71, achievementPercent: 71.4, band: 1, … }
 * evaluation.summary    // { total: 29, bands: [{ minPercent: 80, count: 23 }, …], met: 9, insufficientData: 0, forecast: {…} }
 */
export function evaluatePlan(input: EvaluateInput): Evaluation {
  const { plan, asOf } = input;
  const lang = input.lang ?? 'vi';
  const ctx: Context = {
    plan,
    indicators: indicatorsByCode(input.indicators),
    values: input.values,
    lastYear: Math.min(asOf, plan.targetYear),
    lang,
    edges: bandEdges(plan.bands),
    thresholds: forecastThresholds(plan.forecast),
  };
  const targets = plan.targets.map((t) => evaluateTarget(ctx, t));

  const bandCounts = new Array<number>(ctx.edges.length + 1).fill(0);
  const forecast: ForecastSummary = { exceed: 0, complete: 0, atRisk: 0, insufficientData: 0 };
  let met = 0;
  let insufficientData = 0;
  for (const t of targets) {
    if (t.status === 'ok' && t.band !== null) {
      bandCounts[t.band] = (bandCounts[t.band] ?? 0) + 1;
      if (t.met) met++;
    } else {
      insufficientData++;
    }
    const c = t.forecast.class;
    if (c === 'at-risk') forecast.atRisk++;
    else if (c === 'insufficient-data') forecast.insufficientData++;
    else forecast[c]++;
  }
  const bands: BandCount[] = bandCounts.map((count, i) => {
    const own = plan.bandLabels?.[i];
    return {
      minPercent: ctx.edges[i] ?? null,
      count,
      ...(own ? { label: bandLabel(i, ctx.edges, lang, plan.bandLabels) } : {}),
    };
  });

  const evaluation: Evaluation = {
    plan: plan.code,
    unit: plan.unit,
    asOf,
    methodology: plan.methodology,
    summary: { total: targets.length, bands, met, insufficientData, forecast },
    targets,
  };
  if (plan.methodology === 'sdg-progress') {
    const counts = Object.fromEntries(SDG_STATUSES.map((s) => [s, 0])) as Record<SdgStatus, number>;
    for (const t of targets) if (t.sdgProgress) counts[t.sdgProgress.status]++;
    evaluation.summary.sdgProgress = counts;
  }
  return evaluation;
}
