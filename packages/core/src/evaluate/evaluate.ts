import { growthGoal, resolveGoal } from '../achievement/goal.js';
import { type KindSpec, type Measurement, measureAchievement, type Series } from '../achievement/measure.js';
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
import type { Indicator, Lang, Plan, Target, ValueStatus } from '../model.js';
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
  if (indicator.unit.trim() === '%') return [0, 100];
  for (const v of actuals) if (v < 0) return null;
  return [0, null];
}

/** The actual figures of one indicator for the plan's unit in [b, lastYear], with their statuses. */
function readSeries(
  ctx: Context,
  indicator: string,
): { series: Map<number, number>; status: Map<number, ValueStatus> } {
  const { plan, values, lastYear } = ctx;
  const series = new Map<number, number>();
  const status = new Map<number, ValueStatus>();
  for (const y of values.actualYears(plan.unit, indicator)) {
    if (y < plan.baselineYear || y > lastYear) continue;
    const v = values.actual(plan.unit, indicator, y);
    if (!v || !Number.isFinite(v.value)) continue;
    series.set(y, v.value + 0);
    status.set(y, v.status);
  }
  return { series, status };
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
    // g_obs does not depend on the goal; measure with any goal to get it.
    const m = measureAchievement({ ...spec, goal: goal ?? 0 }, series, t);
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

function evaluateTarget(ctx: Context, target: Target): TargetEvaluation {
  const { plan, lang } = ctx;
  const indicator = ctx.indicators.get(target.indicator);
  const base = { code: target.code, kind: target.kind };
  const tail = { indicator: target.indicator, group: target.group ?? null };
  const growthFields =
    target.kind === 'avg-growth' ? { observedGrowthPercent: null, requiredGrowthPercent: null } : {};
  const paceFields = target.kind === 'cumulative' ? { pacePercent: null } : {};
  const insufficient = (
    reason: Reason,
    year: number | null,
    goal: number | null,
    forecast: TargetForecast,
  ) => ({
    ...base,
    status: 'insufficient-data' as const,
    reason: reasonText(reason, lang),
    reasonCode: reason.code,
    year,
    actual: null,
    achievement: null,
    achievementPercent: null,
    band: null,
    met: null,
    ...growthFields,
    ...paceFields,
    forecast,
    estimate: false,
    goal,
    ...tail,
  });

  if (!indicator) {
    const reason: Reason = { code: 'no-indicator', params: { indicator: target.indicator } };
    const forecast = forecastJson(insufficientForecast(reason), lang, target.kind);
    const row: TargetEvaluation = insufficient(reason, null, null, forecast);
    if (plan.methodology === 'sdg-progress') row.sdgProgress = { status: 'insufficient-data', ratio: null };
    return row;
  }

  const d: Sign = indicator.direction === 'down' ? -1 : 1;
  const { series, status } = readSeries(ctx, indicator.code);
  const years = [...series.keys()];
  const t = years.length > 0 ? Math.max(...years) : null;
  const goal = resolveGoal(target, indicator.direction);
  const spec: KindSpec = {
    kind: target.kind,
    d,
    goal: goal ?? 0,
    baselineYear: plan.baselineYear,
    targetYear: plan.targetYear,
    input: target.kind === 'avg-growth' && target.input === 'rates' ? 'rates' : 'levels',
  };
  const measurement: Outcome<Measurement> =
    goal === null && target.kind !== 'milestone'
      ? fail('no-target-value')
      : measureAchievement(spec, series, t);
  const forecast = forecastTarget({
    spec,
    series,
    measurement,
    plan: (y) => {
      const planned = ctx.values.plan(plan.unit, indicator.code, y);
      return planned === null ? null : planned + 0;
    },
    trend: indicator.trend,
    bounds: boundsOf(indicator, series.values()),
    expected: target.expected ?? null,
    thresholds: ctx.thresholds,
  });

  let row: TargetEvaluation;
  if (!measurement.ok) {
    row = insufficient(measurement.reason, t, goal, forecastJson(forecast, lang, target.kind));
  } else {
    const m = measurement.value;
    const percent = achievementPercent(m.achievement);
    const observed = m.observedGrowth === undefined ? null : growthPercent(m.observedGrowth);
    row = {
      ...base,
      status: 'ok',
      year: m.year,
      actual: target.kind === 'avg-growth' && observed !== null ? observed : m.actual,
      achievement: m.achievement,
      achievementPercent: percent,
      band: bandIndex(percent, ctx.edges),
      met: isMet(percent),
      ...(target.kind === 'avg-growth'
        ? {
            observedGrowthPercent: observed,
            requiredGrowthPercent: m.requiredGrowth == null ? null : growthPercent(m.requiredGrowth),
          }
        : {}),
      ...(target.kind === 'cumulative'
        ? { pacePercent: m.pace == null ? null : achievementPercent(m.pace) }
        : {}),
      forecast: forecastJson(forecast, lang, target.kind),
      estimate: m.usedYears.some((y) => {
        const s = status.get(y);
        return s === 'estimate' || s === 'preliminary';
      }),
      goal,
      ...tail,
    };
  }
  if (plan.methodology === 'sdg-progress') {
    const sdg = sdgOf(target, spec, series, t, goal);
    row.sdgProgress = sdg.ok ? sdg.value : { status: 'insufficient-data', ratio: null };
  }
  return row;
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
 * Evaluate a plan at an as-of year: every target's achievement, band, forecast and effort (METHOD.md),
 * in plan order, with the summary counts — exactly the JSON of PLAN-FORMAT.md "Evaluation output".
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
    indicators: new Map(input.indicators.map((i) => [i.code, i])),
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
