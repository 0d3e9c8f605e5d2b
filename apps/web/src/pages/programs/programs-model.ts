import {
  type Evaluation,
  type Lang,
  localize,
  type Plan,
  type ProgramKind,
  programSentence,
  type TargetEvaluation,
  type TaskState,
  taskState,
} from '@chitieu/core';
import { reviewDate } from '../../logic/dashboard';

export interface TaskRowModel {
  code: string;
  title: string;
  lead: string | null;
  /** ISO date, or null when the plan gives none. */
  due: string | null;
  /** Where the task stands on the review date (the core's judgement: recorded status and the calendar). */
  state: TaskState;
  /** 0–100, or null when no progress is recorded. */
  progress: number | null;
}

export interface LinkedTarget {
  code: string;
  title: string;
  /** The API's evaluation of the target at the as-of year; undefined when the plan has no such target. */
  evaluation: TargetEvaluation | undefined;
}

export interface ProgramModel {
  code: string;
  kind: ProgramKind;
  title: string;
  lead: string | null;
  /** The core's sentence: tasks by state, the overdue ones by code, the mean progress. */
  sentence: string;
  tasks: TaskRowModel[];
  overdue: number;
  targets: LinkedTarget[];
}

/** The kinds in the order the page lists them: breakthroughs, key programs, task groups. */
export const KIND_ORDER: readonly ProgramKind[] = ['breakthrough', 'program', 'task-group'];

/**
 * The programs page's content: each program with its tasks judged on the review date (the end of the
 * as-of year, never later than today), and its linked targets joined with the evaluation.
 *
 * @example
 * programsModel(plan, evaluation, 'vi', '2026-12-01')[0]
 * // { code: 'DP1', kind: 'breakthrough', tasks: [{ code: 'DP1.2', state: 'overdue', due: '2023-06-30', … }], targets: [{ code: '9', evaluation: { band: 0, … } }], … }
 */
export function programsModel(
  plan: Plan,
  ev: Evaluation | undefined,
  lang: Lang,
  today: string,
): ProgramModel[] {
  const asOf = reviewDate(ev?.asOf ?? plan.targetYear, today);
  const evaluations = new Map(ev?.targets.map((t) => [t.code, t]) ?? []);
  const titles = new Map(plan.targets.map((t) => [t.code, localize(t.text, lang)]));
  const programs = (plan.programs ?? []).map((program) => {
    const tasks: TaskRowModel[] = (program.tasks ?? []).map((task) => ({
      code: task.code,
      title: localize(task.title, lang),
      lead: task.lead ?? null,
      due: task.due ?? null,
      state: taskState(task, { asOf }),
      progress: typeof task.progress === 'number' && Number.isFinite(task.progress) ? task.progress : null,
    }));
    return {
      code: program.code,
      kind: program.kind,
      title: localize(program.title, lang),
      lead: program.lead ?? null,
      sentence: programSentence(program, lang, { asOf }),
      tasks,
      overdue: tasks.filter((t) => t.state === 'overdue').length,
      targets: (program.targets ?? []).map((code) => ({
        code,
        title: titles.get(code) ?? code,
        evaluation: evaluations.get(code),
      })),
    };
  });
  const rank = (k: ProgramKind) => KIND_ORDER.indexOf(k);
  // Stable: within a kind, the plan's own order.
  return programs.sort((a, b) => rank(a.kind) - rank(b.kind));
}
