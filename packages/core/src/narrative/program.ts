import { formatPercent } from '../format/number.js';
import type { Lang, Program, ProgramKind, Task } from '../model.js';
import { countOf, joinList, localize } from './words.js';

const KIND_WORDS: Record<Lang, Record<ProgramKind, string>> = {
  vi: {
    program: 'Chương trình trọng tâm',
    breakthrough: 'Khâu đột phá',
    'task-group': 'Nhóm nhiệm vụ, giải pháp',
  },
  en: { program: 'Key program', breakthrough: 'Breakthrough', 'task-group': 'Task group' },
};

/**
 * "Khâu đột phá “Cải cách hành chính”"; a title that already begins with its kind's words ("Nhóm nhiệm
 * vụ, giải pháp về …") is not prefixed again.
 */
function programHead(program: Program, lang: Lang): string {
  const kind = KIND_WORDS[lang][program.kind];
  const title = localize(program.title, lang);
  return title.toLocaleLowerCase(lang).startsWith(kind.toLocaleLowerCase(lang))
    ? title
    : `${kind} “${title}”`;
}

/** Options for judging tasks against the calendar; without `asOf`, only the recorded status counts. */
export interface ProgramSentenceOptions {
  /** The review date, ISO "2023-12-31": tasks due before it and not done are overdue. */
  asOf?: string | null;
  /** When the work started (default: none), ISO date: with it, a task whose progress lags the
   * share of time elapsed from `start` to its due date is behind schedule. */
  start?: string | null;
}

export type TaskState = 'done' | 'cancelled' | 'overdue' | 'behind' | 'in-progress' | 'not-started';

function days(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms / 86_400_000 : null;
}

/**
 * Where a task stands on the review date. A task is `overdue` when so recorded, or when its due
 * date has passed without it being done; `behind` (chậm tiến độ) when its progress is below the
 * share of time elapsed between `start` and its due date.
 *
 * @example taskState({ code: 'a', title: { vi: 'x' }, due: '2023-06-30', status: 'in-progress' }, { asOf: '2023-12-31' }) // "overdue"
 */
export function taskState(task: Task, opts: ProgramSentenceOptions = {}): TaskState {
  const status = task.status ?? 'not-started';
  const work = workState(task);
  if (work === 'done' || work === 'cancelled') return work;
  if (status === 'overdue') return 'overdue';
  const now = opts.asOf ? days(opts.asOf) : null;
  const due = task.due ? days(task.due) : null;
  if (now != null && due != null && due < now) return 'overdue';
  const start = opts.start ? days(opts.start) : null;
  if (now != null && due != null && start != null && due > start && now > start) {
    const expected = ((now - start) / (due - start)) * 100;
    if ((task.progress ?? 0) < expected) return 'behind';
  }
  return workState(task);
}

/** What the record says about the work itself, whatever the calendar. */
function workState(task: Task): 'done' | 'cancelled' | 'in-progress' | 'not-started' {
  const status = task.status ?? 'not-started';
  if (status === 'done' || (task.progress ?? 0) >= 100) return 'done';
  if (status === 'cancelled') return 'cancelled';
  return status === 'in-progress' || status === 'overdue' || (task.progress ?? 0) > 0
    ? 'in-progress'
    : 'not-started';
}

const STATE_WORDS: Record<Lang, Record<Exclude<TaskState, 'overdue' | 'behind'>, string>> = {
  vi: {
    done: 'đã hoàn thành',
    'in-progress': 'đang thực hiện',
    'not-started': 'chưa triển khai',
    cancelled: 'đã dừng thực hiện',
  },
  en: { done: 'done', 'in-progress': 'in progress', 'not-started': 'not started', cancelled: 'cancelled' },
};

/**
 * The progress of a program, breakthrough or task group: how many tasks are done, under way or
 * not started, which are overdue or behind schedule (by code), and the mean progress of the
 * tasks still in the plan (done counts 100 %, cancelled tasks are left out).
 *
 * @example
 * programSentence(program, 'vi', { asOf: '2023-12-31' })
 * // "Chương trình trọng tâm “Phát triển hạ tầng đô thị”: 4 nhiệm vụ, trong đó 1 đã hoàn thành,
 * //  2 đang thực hiện, 1 chưa triển khai; 1 nhiệm vụ quá hạn (CT1.3); tiến độ bình quân 52 %."
 */
export function programSentence(program: Program, lang: Lang, opts: ProgramSentenceOptions = {}): string {
  const tasks = program.tasks ?? [];
  const head = programHead(program, lang);
  if (tasks.length === 0) {
    return lang === 'en' ? `${head}: no tasks recorded.` : `${head}: chưa giao nhiệm vụ cụ thể.`;
  }
  const states = tasks.map((t) => taskState(t, opts));
  const codesIn = (s: TaskState) => tasks.filter((_, i) => states[i] === s).map((t) => t.code);
  const overdue = codesIn('overdue');
  const behind = codesIn('behind');
  // Overdue and behind schedule are said apart; the breakdown follows the work itself.
  const work = tasks.map(workState);
  const counts = {
    done: work.filter((w) => w === 'done').length,
    'in-progress': work.filter((w) => w === 'in-progress').length,
    'not-started': work.filter((w) => w === 'not-started').length,
    cancelled: work.filter((w) => w === 'cancelled').length,
  };
  const breakdown = (Object.keys(counts) as (keyof typeof counts)[])
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${STATE_WORDS[lang][k]}`);
  const parts = [
    lang === 'en'
      ? `${head}: ${countOf(tasks.length, 'task', lang)} (${breakdown.join(', ')})`
      : `${head}: ${countOf(tasks.length, 'task', lang)}, trong đó ${breakdown.join(', ')}`,
  ];
  if (overdue.length > 0) {
    parts.push(
      lang === 'en'
        ? `${countOf(overdue.length, 'task', lang)} overdue (${joinList(overdue, lang)})`
        : `${countOf(overdue.length, 'task', lang)} quá hạn (${joinList(overdue, lang)})`,
    );
  }
  if (behind.length > 0) {
    parts.push(
      lang === 'en'
        ? `${countOf(behind.length, 'task', lang)} behind schedule (${joinList(behind, lang)})`
        : `${countOf(behind.length, 'task', lang)} chậm tiến độ (${joinList(behind, lang)})`,
    );
  }
  const live = tasks.map((task, i) => ({ task, state: states[i] })).filter((x) => x.state !== 'cancelled');
  if (live.length > 0) {
    const sum = live.reduce((acc, x) => acc + (x.state === 'done' ? 100 : clampProgress(x.task.progress)), 0);
    const mean = formatPercent(sum / live.length, 0, lang);
    parts.push(lang === 'en' ? `average progress ${mean}` : `tiến độ bình quân ${mean}`);
  }
  return `${parts.join('; ')}.`;
}

function clampProgress(p: number | null | undefined): number {
  if (p == null || !Number.isFinite(p)) return 0;
  return Math.min(100, Math.max(0, p));
}
