import {
  bandEdges,
  bandLabel,
  type Evaluation,
  forecastSentence,
  type Indicator,
  type Lang,
  localize,
  type Plan,
  type ProgramKind,
  type TargetEvaluation,
  taskState,
} from '@chitieu/core';

export interface BandCard {
  index: number;
  label: string;
  count: number;
}

export interface AtRiskTarget {
  code: string;
  title: string;
  /** The core's forecast sentence: the class, the share of the goal expected and the pace still needed. */
  sentence: string;
  estimate: boolean;
}

export interface ProgramProgress {
  code: string;
  kind: ProgramKind;
  title: string;
  done: number;
  total: number;
  /** Mean recorded progress of its tasks in percent, or null when none records one. */
  progress: number | null;
}

export interface OverdueTask {
  code: string;
  program: string;
  title: string;
  lead: string | null;
  due: string | null;
}

export interface DashboardModel {
  total: number;
  met: number;
  insufficient: number;
  bands: BandCard[];
  forecast: { exceed: number; complete: number; atRisk: number; insufficient: number };
  atRisk: AtRiskTarget[];
  programs: ProgramProgress[];
  overdue: OverdueTask[];
  /** Some figure behind the evaluation is an estimate: the page marks it (ước). */
  hasEstimates: boolean;
}

/** The review date for tasks: the end of the as-of year, but never later than today. */
export function reviewDate(asOf: number, today: string): string {
  const end = `${asOf}-12-31`;
  return end < today ? end : today;
}

/**
 * Everything the dashboard shows, from the API's evaluation and the plan's own data: counts per band
 * (the plan's edges and labels), forecast groups, the at-risk targets with the core's words for the pace
 * still needed, programs' progress and overdue tasks. Pure: the component only lays it out.
 *
 * @example
 * const m = dashboardModel(evaluation, plan, indicators, 'vi', '2026-12-01');
 * m.bands[0] // { index: 0, label: 'đạt từ 80 % trở lên', count: 22 }
 * m.atRisk[0].sentence // '… cần tăng bình quân 21,75 %/năm trong giai đoạn 2024–2025 …'
 */
export function dashboardModel(
  ev: Evaluation,
  plan: Plan,
  indicators: ReadonlyMap<string, Indicator>,
  lang: Lang,
  today: string,
): DashboardModel {
  const edges = bandEdges(plan.bands);
  const bands = ev.summary.bands.map((b, index) => ({
    index,
    label: bandLabel(index, edges, lang, plan.bandLabels),
    count: b.count,
  }));
  const byCode = new Map(ev.targets.map((t) => [t.code, t]));
  const atRisk: AtRiskTarget[] = [];
  for (const target of plan.targets) {
    const te = byCode.get(target.code);
    const indicator = indicators.get(target.indicator);
    if (!te || !indicator || te.forecast.class !== 'at-risk') continue;
    atRisk.push({
      code: target.code,
      title: localize(target.text, lang),
      sentence: forecastSentence({ target, indicator, evaluation: te, plan }, lang),
      estimate: te.estimate,
    });
  }
  const asOfDate = reviewDate(ev.asOf, today);
  const programs: ProgramProgress[] = [];
  const overdue: OverdueTask[] = [];
  for (const program of plan.programs ?? []) {
    const tasks = program.tasks ?? [];
    const states = tasks.map((task) => taskState(task, { asOf: asOfDate }));
    const progresses = tasks.map((t) => t.progress).filter((p): p is number => typeof p === 'number');
    programs.push({
      code: program.code,
      kind: program.kind,
      title: localize(program.title, lang),
      done: states.filter((s) => s === 'done').length,
      total: tasks.filter((_, i) => states[i] !== 'cancelled').length,
      progress: progresses.length > 0 ? progresses.reduce((a, b) => a + b, 0) / progresses.length : null,
    });
    tasks.forEach((task, i) => {
      if (states[i] === 'overdue') {
        overdue.push({
          code: task.code,
          program: program.code,
          title: localize(task.title, lang),
          lead: task.lead ?? null,
          due: task.due ?? null,
        });
      }
    });
  }
  const f = ev.summary.forecast;
  return {
    total: ev.summary.total,
    met: ev.summary.met,
    insufficient: ev.summary.insufficientData,
    bands,
    forecast: { exceed: f.exceed, complete: f.complete, atRisk: f.atRisk, insufficient: f.insufficientData },
    atRisk,
    programs,
    overdue,
    hasEstimates: ev.targets.some((t: TargetEvaluation) => t.estimate),
  };
}

/** The latest year any target's figure comes from (what "as of" actually rests on), or null. */
export function latestDataYear(ev: Evaluation): number | null {
  let latest: number | null = null;
  for (const t of ev.targets) if (t.year != null && (latest == null || t.year > latest)) latest = t.year;
  return latest;
}
