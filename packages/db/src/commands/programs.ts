/**
 * Commands of a plan's programs (chương trình, khâu đột phá, nhóm nhiệm vụ), their tasks and the tasks'
 * dated progress notes: each in one transaction with its audit entry; the targets a program or task
 * serves are linked by code and must be the plan's own. An archived plan refuses them all (in the
 * database too: 0400_constraints).
 */
import type { LocalizedText, ProgramKind, TaskStatus } from '@chitieu/core';
import type { Selectable } from 'kysely';
import {
  getNote,
  getPlan,
  getProgram,
  getTask,
  nextPosition,
  setLinkedTargets,
  targetIds,
} from '../repositories/domain.js';
import { createRecord, DomainError, deleteRecord, updateRecord } from '../repositories/records.js';
import type { ProgressNoteTable } from '../schema.js';
import { type Executor, withTransaction } from '../transaction.js';
import { assertPlanActive } from './approvals.js';
import type { CommandContext } from './context.js';

/** Programs, tasks and notes are audited under their plan's unit. */
const subject = (entity: string, unitId: number) => ({ entity, unitId: () => unitId });

/** A program as given to a command (its tasks have their own commands). */
export interface ProgramFields {
  code: string;
  kind: ProgramKind;
  title: LocalizedText;
  lead?: string | null;
  coAgencies?: string[] | null;
  /** Codes of the plan's targets it serves, in order. */
  targets?: string[] | null;
  position?: number;
}

/** A task as given to a command. */
export interface TaskFields {
  code: string;
  title: LocalizedText;
  lead?: string | null;
  coAgencies?: string[] | null;
  due?: string | null;
  status?: TaskStatus | null;
  progress?: number | null;
  targets?: string[] | null;
  position?: number;
}

/** A dated progress note as given to a command. */
export interface NoteFields {
  date: string;
  progress?: number | null;
  text: LocalizedText;
}

/** Ids of target codes of a plan, in order; a code not in the plan is `invalid` at its index. */
async function targetIdsOf(db: Executor, planId: number, codes: readonly string[]): Promise<number[]> {
  const ids = await targetIds(db, planId, codes);
  const unknown = codes.flatMap((c, i) =>
    ids.has(c) ? [] : [{ path: `targets[${i}]`, rule: 'targets-of-plan', subject: c }],
  );
  if (unknown.length > 0) throw new DomainError('invalid', unknown);
  return codes.map((c) => ids.get(c) ?? 0);
}

/** Columns of a program or task from its fields; only the fields given. */
function columnsOf(
  f: Partial<ProgramFields & TaskFields>,
  fields: readonly string[],
): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  if (f.title !== undefined) {
    c.title_vi = f.title.vi;
    c.title_en = f.title.en ?? null;
  }
  if (f.coAgencies !== undefined) c.co_agencies = f.coAgencies == null ? null : JSON.stringify(f.coAgencies);
  const record = f as Record<string, unknown>;
  for (const k of fields) if (record[k] !== undefined) c[k] = record[k] ?? null;
  return c;
}

async function activePlan(db: Executor, planId: number): Promise<{ id: number; unit_id: number }> {
  const plan = await db
    .selectFrom('plans')
    .select(['id', 'unit_id', 'state'])
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!plan) throw new DomainError('not-found');
  assertPlanActive(plan);
  return { id: Number(plan.id), unit_id: Number(plan.unit_id) };
}

/** The link change of a program or task, when the fields name its targets. */
async function relink(
  db: Executor,
  current: { id: number; plan_id: number; target_codes: string[] },
  table: 'program_targets' | 'task_targets',
  targets: string[] | null | undefined,
) {
  if (targets === undefined) return undefined;
  const links = await targetIdsOf(db, current.plan_id, targets ?? []);
  return {
    old: { targets: current.target_codes },
    new: { targets: targets ?? [] },
    write: (trx: Executor) => setLinkedTargets(trx, table, current.id, links),
  };
}

const PROGRAM_COLUMNS = ['code', 'kind', 'lead', 'position'] as const;
const TASK_COLUMNS = ['code', 'lead', 'due', 'status', 'progress', 'position'] as const;

/**
 * Add a program to a plan (at the end unless `position` says), with its linked targets.
 *
 * @example await createProgram(db, 'NQ-XI', { code: 'CT1', kind: 'program', title: { vi: '…' }, targets: ['1'] }, ctx)
 */
export async function createProgram(
  db: Executor,
  planCode: string,
  input: ProgramFields,
  ctx: CommandContext = {},
): Promise<number> {
  return withTransaction(db, async (trx) => {
    const found = await getPlan(trx, planCode);
    if (!found) throw new DomainError('not-found');
    const plan = await activePlan(trx, found.id);
    const links = await targetIdsOf(trx, plan.id, input.targets ?? []);
    const position =
      input.position ?? (await nextPosition(trx, 'programs', { column: 'plan_id', id: plan.id }));
    const row = await createRecord(
      trx,
      'programs',
      subject('program', plan.unit_id),
      {
        ...columnsOf({ lead: null, coAgencies: null, ...input }, PROGRAM_COLUMNS),
        plan_id: plan.id,
        position,
      } as never,
      ctx,
    );
    await setLinkedTargets(trx, 'program_targets', row.id, links);
    return row.id;
  });
}

/** Change a program (and its linked targets) when `version` is current. */
export async function updateProgram(
  db: Executor,
  id: number,
  version: number,
  patch: Partial<ProgramFields>,
  ctx: CommandContext = {},
): Promise<{ id: number }> {
  return withTransaction(db, async (trx) => {
    const current = await getProgram(trx, id);
    if (!current) throw new DomainError('not-found');
    const plan = await activePlan(trx, current.plan_id);
    const { targets, ...fields } = patch;
    return updateRecord(
      trx,
      'programs',
      subject('program', plan.unit_id),
      id,
      version,
      columnsOf(fields, PROGRAM_COLUMNS),
      ctx,
      await relink(trx, current, 'program_targets', targets),
    );
  });
}

/** Delete a program with its tasks and their notes when `version` is current. */
export async function deleteProgram(
  db: Executor,
  id: number,
  version: number,
  ctx: CommandContext = {},
): Promise<void> {
  await withTransaction(db, async (trx) => {
    const current = await getProgram(trx, id);
    if (!current) throw new DomainError('not-found');
    const plan = await activePlan(trx, current.plan_id);
    await deleteRecord(trx, 'programs', subject('program', plan.unit_id), id, version, ctx);
  });
}

/**
 * Add a task to a program (at the end unless `position` says), with its linked targets.
 *
 * @example await createTask(db, 7, { code: 'CT1.1', title: { vi: '…' }, status: 'in-progress' }, ctx)
 */
export async function createTask(
  db: Executor,
  programId: number,
  input: TaskFields,
  ctx: CommandContext = {},
): Promise<number> {
  return withTransaction(db, async (trx) => {
    const program = await getProgram(trx, programId);
    if (!program) throw new DomainError('not-found');
    const plan = await activePlan(trx, program.plan_id);
    const links = await targetIdsOf(trx, plan.id, input.targets ?? []);
    const position =
      input.position ?? (await nextPosition(trx, 'tasks', { column: 'program_id', id: program.id }));
    const row = await createRecord(
      trx,
      'tasks',
      subject('task', plan.unit_id),
      {
        ...columnsOf(
          { lead: null, coAgencies: null, due: null, status: null, progress: null, ...input },
          TASK_COLUMNS,
        ),
        program_id: program.id,
        position,
      } as never,
      ctx,
    );
    await setLinkedTargets(trx, 'task_targets', row.id, links);
    return row.id;
  });
}

/** Change a task (and its linked targets) when `version` is current. */
export async function updateTask(
  db: Executor,
  id: number,
  version: number,
  patch: Partial<TaskFields>,
  ctx: CommandContext = {},
): Promise<{ id: number }> {
  return withTransaction(db, async (trx) => {
    const current = await getTask(trx, id);
    if (!current) throw new DomainError('not-found');
    const plan = await activePlan(trx, current.plan_id);
    const { targets, ...fields } = patch;
    return updateRecord(
      trx,
      'tasks',
      subject('task', plan.unit_id),
      id,
      version,
      columnsOf(fields, TASK_COLUMNS),
      ctx,
      await relink(trx, current, 'task_targets', targets),
    );
  });
}

/** Delete a task with its notes when `version` is current. */
export async function deleteTask(
  db: Executor,
  id: number,
  version: number,
  ctx: CommandContext = {},
): Promise<void> {
  await withTransaction(db, async (trx) => {
    const current = await getTask(trx, id);
    if (!current) throw new DomainError('not-found');
    const plan = await activePlan(trx, current.plan_id);
    await deleteRecord(trx, 'tasks', subject('task', plan.unit_id), id, version, ctx);
  });
}

/** The columns of a note's fields; only the fields given. */
function noteColumns(n: Partial<NoteFields>): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  if (n.date !== undefined) c.date = n.date;
  if (n.progress !== undefined) c.progress = n.progress ?? null;
  if (n.text !== undefined) {
    c.text_vi = n.text.vi;
    c.text_en = n.text.en ?? null;
  }
  return c;
}

/**
 * Add a dated progress note to a task; the note keeps who wrote it.
 *
 * @example await createNote(db, 12, { date: '2026-11-30', progress: 40, text: { vi: 'Đã khởi công' } }, ctx)
 */
export async function createNote(
  db: Executor,
  taskId: number,
  input: NoteFields,
  ctx: CommandContext = {},
): Promise<Selectable<ProgressNoteTable>> {
  return withTransaction(db, async (trx) => {
    const task = await getTask(trx, taskId);
    if (!task) throw new DomainError('not-found');
    const plan = await activePlan(trx, task.plan_id);
    return createRecord(
      trx,
      'progress_notes',
      subject('progress-note', plan.unit_id),
      {
        task_id: task.id,
        ...(noteColumns({ progress: null, ...input }) as { date: string; text_vi: string }),
        actor: ctx.actor?.username ?? null,
      },
      ctx,
    );
  });
}

/** Change a note when `version` is current. */
export async function updateNote(
  db: Executor,
  id: number,
  version: number,
  patch: Partial<NoteFields>,
  ctx: CommandContext = {},
): Promise<{ id: number }> {
  return withTransaction(db, async (trx) => {
    const note = await getNote(trx, id);
    if (!note) throw new DomainError('not-found');
    const task = await getTask(trx, note.task_id);
    if (!task) throw new DomainError('not-found');
    const plan = await activePlan(trx, task.plan_id);
    return updateRecord(
      trx,
      'progress_notes',
      subject('progress-note', plan.unit_id),
      id,
      version,
      noteColumns(patch),
      ctx,
    );
  });
}

/** Delete a note when `version` is current. */
export async function deleteNote(
  db: Executor,
  id: number,
  version: number,
  ctx: CommandContext = {},
): Promise<void> {
  await withTransaction(db, async (trx) => {
    const note = await getNote(trx, id);
    if (!note) throw new DomainError('not-found');
    const task = await getTask(trx, note.task_id);
    if (!task) throw new DomainError('not-found');
    const plan = await activePlan(trx, task.plan_id);
    await deleteRecord(trx, 'progress_notes', subject('progress-note', plan.unit_id), id, version, ctx);
  });
}
