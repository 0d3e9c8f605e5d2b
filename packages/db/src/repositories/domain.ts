/**
 * Reading the domain records the API edits: units, indicators, plans, targets, programs, tasks,
 * progress notes and unit lineage, each with the codes it refers to, filtered and paginated.
 * Writes go through records.ts (versioned, audited) and the link helpers here.
 */
import type { Aggregation, PlanKind, ProgramKind, TaskStatus } from '@chitieu/core';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { PlanState, PlanVisibility } from '../schema.js';
import type { Executor } from '../transaction.js';
import { searchMatches } from './search.js';

/** Which slice of a list: at most `limit` rows after `offset`. */
export interface Page {
  limit: number;
  offset: number;
}

/** One slice of a list and how many rows the whole list has. */
export interface Paged<T> {
  items: T[];
  total: number;
}

// biome-ignore lint/suspicious/noExplicitAny: counting works on any select query
type AnyQuery = SelectQueryBuilder<any, any, any>;
// biome-ignore lint/suspicious/noExplicitAny: the link tables are addressed by name
type AnyDb = Kysely<any>;

/** Count, then fetch one page, of `query` (two queries, whatever the size). */
async function paged<T>(query: AnyQuery, page: Page, order: (q: AnyQuery) => AnyQuery): Promise<Paged<T>> {
  const counted = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  const items = (await order(query).limit(page.limit).offset(page.offset).execute()) as T[];
  return { items, total: Number(counted?.n ?? 0) };
}

// ----------------------------------------------------------------------------- units

const unitQuery = (db: Executor) =>
  db
    .selectFrom('units')
    .leftJoin('units as parent', 'parent.id', 'units.parent_id')
    .selectAll('units')
    .select('parent.code as parent_code');
export type UnitRecord = Awaited<ReturnType<ReturnType<typeof unitQuery>['executeTakeFirstOrThrow']>>;

export interface UnitFilter {
  /** Children of this unit code ('' = top-level units). */
  parent?: string;
  level?: string;
  /** Part of the code or name. */
  q?: string;
  /** Only units valid on this ISO date. */
  validOn?: string;
}

/**
 * Units matching `filter`, by code.
 *
 * @example
 * await listUnits(db, { parent: '38', level: 'district' }, { limit: 50, offset: 0 }) // { items: [...], total: 27 }
 */
export function listUnits(db: Executor, filter: UnitFilter, page: Page): Promise<Paged<UnitRecord>> {
  let q = unitQuery(db);
  if (filter.parent === '') q = q.where('units.parent_id', 'is', null);
  else if (filter.parent !== undefined) q = q.where('parent.code', '=', filter.parent);
  if (filter.level) q = q.where('units.level', '=', filter.level);
  if (filter.q) q = q.where(searchMatches([sql.ref('units.code'), sql.ref('units.name')], filter.q));
  if (filter.validOn) {
    const on = filter.validOn;
    q = q
      .where((eb) => eb.or([eb('units.valid_from', 'is', null), eb('units.valid_from', '<=', on)]))
      .where((eb) => eb.or([eb('units.valid_to', 'is', null), eb('units.valid_to', '>', on)]));
  }
  return paged(q, page, (x) => x.orderBy('units.code'));
}

/** One unit by code, or undefined. */
export function getUnit(db: Executor, code: string): Promise<UnitRecord | undefined> {
  return unitQuery(db).where('units.code', '=', code).executeTakeFirst();
}

/** Ids of units by code (unknown codes are absent). */
export async function unitIds(db: Executor, codes: readonly string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('units')
    .select(['id', 'code'])
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.code, Number(r.id)]));
}

// ----------------------------------------------------------------------------- lineage

const lineageQuery = (db: Executor) =>
  db
    .selectFrom('unit_lineage')
    .innerJoin('units as p', 'p.id', 'unit_lineage.predecessor_id')
    .innerJoin('units as s', 's.id', 'unit_lineage.successor_id')
    .selectAll('unit_lineage')
    .select(['p.code as predecessor_code', 's.code as successor_code']);
export type LineageRecord = Awaited<ReturnType<ReturnType<typeof lineageQuery>['executeTakeFirstOrThrow']>>;

/**
 * Every reorganisation step a unit took part in, as predecessor or successor, oldest first.
 *
 * @example
 * await lineageOf(db, 5) // [{ kind: 'merge', predecessor_code: '382', successor_code: '390', effective: '2025-07-01', … }]
 */
export function lineageOf(db: Executor, unitId: number): Promise<LineageRecord[]> {
  return lineageQuery(db)
    .where((eb) =>
      eb.or([eb('unit_lineage.predecessor_id', '=', unitId), eb('unit_lineage.successor_id', '=', unitId)]),
    )
    .orderBy('unit_lineage.effective')
    .orderBy('unit_lineage.id')
    .execute();
}

/** One lineage step by id. */
export function getLineage(db: Executor, id: number): Promise<LineageRecord | undefined> {
  return lineageQuery(db).where('unit_lineage.id', '=', id).executeTakeFirst();
}

/** Every merger step, for the lineage view of the hierarchy (lineage.ts). */
export function mergers(db: Executor): Promise<LineageRecord[]> {
  return lineageQuery(db).where('unit_lineage.kind', '=', 'merge').orderBy('unit_lineage.id').execute();
}

// ----------------------------------------------------------------------------- indicators

export type IndicatorRecord = Awaited<
  ReturnType<ReturnType<typeof indicatorQuery>['executeTakeFirstOrThrow']>
>;
const indicatorQuery = (db: Executor) => db.selectFrom('indicators').selectAll();

export interface IndicatorFilter {
  q?: string;
  aggregation?: Aggregation;
}

/** Indicators matching `filter`, by code. */
export function listIndicators(
  db: Executor,
  filter: IndicatorFilter,
  page: Page,
): Promise<Paged<IndicatorRecord>> {
  let q = indicatorQuery(db);
  if (filter.aggregation) q = q.where('aggregation', '=', filter.aggregation);
  if (filter.q)
    q = q.where(searchMatches([sql.ref('code'), sql.ref('name_vi'), sql.ref('name_en')], filter.q));
  return paged(q, page, (x) => x.orderBy('code'));
}

/** One indicator by code, or undefined. */
export function getIndicator(db: Executor, code: string): Promise<IndicatorRecord | undefined> {
  return indicatorQuery(db).where('code', '=', code).executeTakeFirst();
}

/** Ids of indicators by code (unknown codes are absent). */
export async function indicatorIds(db: Executor, codes: readonly string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('indicators')
    .select(['id', 'code'])
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.code, Number(r.id)]));
}

// ----------------------------------------------------------------------------- plans

const planQuery = (db: Executor) =>
  db
    .selectFrom('plans')
    .innerJoin('units', 'units.id', 'plans.unit_id')
    .selectAll('plans')
    .select('units.code as unit_code');
export type PlanRecord = Awaited<ReturnType<ReturnType<typeof planQuery>['executeTakeFirstOrThrow']>>;

export interface PlanFilter {
  unit?: string;
  kind?: PlanKind;
  visibility?: PlanVisibility;
  /** `archived` lists archived plans only, `all` both; absent: active plans only. */
  state?: PlanState | 'all';
  /** Plans whose term contains this year. */
  year?: number;
  /** Plans whose code or title contains this, without regard to accents or case. */
  q?: string;
  /** Only public plans and plans of these units (null or absent: every plan). */
  visibleTo?: readonly number[] | null;
}

/** Plans matching `filter`, by code. */
export function listPlans(db: Executor, filter: PlanFilter, page: Page): Promise<Paged<PlanRecord>> {
  let q = planQuery(db);
  if (filter.unit) q = q.where('units.code', '=', filter.unit);
  if (filter.kind) q = q.where('plans.kind', '=', filter.kind);
  if (filter.visibility) q = q.where('plans.visibility', '=', filter.visibility);
  if (filter.state !== 'all') q = q.where('plans.state', '=', filter.state ?? 'active');
  if (filter.year !== undefined) {
    q = q.where('plans.baseline_year', '<', filter.year).where('plans.target_year', '>=', filter.year);
  }
  if (filter.q) {
    const columns = [sql.ref('plans.code'), sql.ref('plans.title_vi'), sql.ref('plans.title_en')];
    q = q.where(searchMatches(columns, filter.q));
  }
  if (filter.visibleTo) {
    const ids = [...filter.visibleTo];
    q = q.where((eb) =>
      ids.length === 0
        ? eb('plans.visibility', '=', 'public')
        : eb.or([eb('plans.visibility', '=', 'public'), eb('plans.unit_id', 'in', ids)]),
    );
  }
  return paged(q, page, (x) => x.orderBy('plans.code'));
}

/** One plan by code, or undefined. */
export function getPlan(db: Executor, code: string): Promise<PlanRecord | undefined> {
  return planQuery(db).where('plans.code', '=', code).executeTakeFirst();
}

// ----------------------------------------------------------------------------- targets

const targetQuery = (db: Executor) =>
  db
    .selectFrom('targets')
    .innerJoin('indicators', 'indicators.id', 'targets.indicator_id')
    .innerJoin('plans', 'plans.id', 'targets.plan_id')
    .selectAll('targets')
    .select(['indicators.code as indicator_code', 'plans.code as plan_code', 'plans.unit_id as unit_id']);
export type TargetRecord = Awaited<ReturnType<ReturnType<typeof targetQuery>['executeTakeFirstOrThrow']>>;

/** The targets of a plan in the resolution's order (group filter optional). */
export function listTargets(
  db: Executor,
  planId: number,
  filter: { group?: string; indicator?: string },
  page: Page,
): Promise<Paged<TargetRecord>> {
  let q = targetQuery(db).where('targets.plan_id', '=', planId);
  if (filter.group) q = q.where('targets.group_name', '=', filter.group);
  if (filter.indicator) q = q.where('indicators.code', '=', filter.indicator);
  return paged(q, page, (x) => x.orderBy('targets.position').orderBy('targets.id'));
}

/** One target by id, or undefined. */
export function getTarget(db: Executor, id: number): Promise<TargetRecord | undefined> {
  return targetQuery(db).where('targets.id', '=', id).executeTakeFirst();
}

/** Target ids of a plan by code (unknown codes are absent). */
export async function targetIds(
  db: Executor,
  planId: number,
  codes: readonly string[],
): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('targets')
    .select(['id', 'code'])
    .where('plan_id', '=', planId)
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.code, Number(r.id)]));
}

/** The next free position at the end of a list. */
export async function nextPosition(
  db: Executor,
  table: 'targets' | 'programs' | 'tasks',
  parent: { column: 'plan_id' | 'program_id'; id: number },
): Promise<number> {
  const row = await db
    // biome-ignore lint/suspicious/noExplicitAny: the three tables share the columns used here
    .selectFrom(table as any)
    .select((eb) => eb.fn.max('position').as('p'))
    .where(parent.column, '=', parent.id)
    .executeTakeFirst();
  const p = (row as { p?: number | null } | undefined)?.p;
  return p == null ? 0 : Number(p) + 1;
}

// ----------------------------------------------------------------------------- programs and tasks

const programQuery = (db: Executor) =>
  db
    .selectFrom('programs')
    .innerJoin('plans', 'plans.id', 'programs.plan_id')
    .selectAll('programs')
    .select(['plans.code as plan_code', 'plans.unit_id as unit_id']);
export type ProgramRecord = Awaited<
  ReturnType<ReturnType<typeof programQuery>['executeTakeFirstOrThrow']>
> & {
  target_codes: string[];
};

/** Codes of the targets linked to each program or task, in order (one query). */
async function linkedTargets(
  db: Executor,
  table: 'program_targets' | 'task_targets',
  ids: readonly number[],
): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const owner = table === 'program_targets' ? 'program_id' : 'task_id';
  const rows = (await (db as unknown as AnyDb)
    .selectFrom(`${table} as l`)
    .innerJoin('targets', 'targets.id', 'l.target_id')
    .select([`l.${owner} as owner`, 'targets.code as code'])
    .where(`l.${owner}`, 'in', [...ids])
    .orderBy(`l.${owner}`)
    .orderBy('l.position')
    .execute()) as { owner: number; code: string }[];
  for (const r of rows) {
    const list = out.get(Number(r.owner)) ?? [];
    list.push(r.code);
    out.set(Number(r.owner), list);
  }
  return out;
}

async function withTargets<T extends { id: number }>(
  db: Executor,
  table: 'program_targets' | 'task_targets',
  rows: T[],
): Promise<(T & { target_codes: string[] })[]> {
  const links = await linkedTargets(
    db,
    table,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, target_codes: links.get(r.id) ?? [] }));
}

/** The programs, breakthroughs and task groups of a plan, in order. */
export async function listPrograms(
  db: Executor,
  planId: number,
  filter: { kind?: ProgramKind },
  page: Page,
): Promise<Paged<ProgramRecord>> {
  let q = programQuery(db).where('programs.plan_id', '=', planId);
  if (filter.kind) q = q.where('programs.kind', '=', filter.kind);
  const p = await paged<Omit<ProgramRecord, 'target_codes'>>(q, page, (x) =>
    x.orderBy('programs.position').orderBy('programs.id'),
  );
  return { items: await withTargets(db, 'program_targets', p.items), total: p.total };
}

/** One program by id, with its linked target codes. */
export async function getProgram(db: Executor, id: number): Promise<ProgramRecord | undefined> {
  const row = await programQuery(db).where('programs.id', '=', id).executeTakeFirst();
  return row && (await withTargets(db, 'program_targets', [row]))[0];
}

const taskQuery = (db: Executor) =>
  db
    .selectFrom('tasks')
    .innerJoin('programs', 'programs.id', 'tasks.program_id')
    .innerJoin('plans', 'plans.id', 'programs.plan_id')
    .selectAll('tasks')
    .select([
      'programs.code as program_code',
      'plans.code as plan_code',
      'plans.id as plan_id',
      'plans.unit_id as unit_id',
    ]);
export type TaskRecord = Awaited<ReturnType<ReturnType<typeof taskQuery>['executeTakeFirstOrThrow']>> & {
  target_codes: string[];
};

export interface TaskFilter {
  program?: number;
  plan?: number;
  status?: TaskStatus;
  lead?: string;
  /** Tasks due on or before this ISO date. */
  dueBy?: string;
}

/** Tasks matching `filter`, in their program's order. */
export async function listTasks(db: Executor, filter: TaskFilter, page: Page): Promise<Paged<TaskRecord>> {
  let q = taskQuery(db);
  if (filter.program !== undefined) q = q.where('tasks.program_id', '=', filter.program);
  if (filter.plan !== undefined) q = q.where('plans.id', '=', filter.plan);
  if (filter.status) q = q.where('tasks.status', '=', filter.status);
  if (filter.lead) q = q.where('tasks.lead', '=', filter.lead);
  if (filter.dueBy) q = q.where('tasks.due', '<=', filter.dueBy);
  const p = await paged<Omit<TaskRecord, 'target_codes'>>(q, page, (x) =>
    x.orderBy('programs.position').orderBy('tasks.position').orderBy('tasks.id'),
  );
  return { items: await withTargets(db, 'task_targets', p.items), total: p.total };
}

/** One task by id, with its linked target codes. */
export async function getTask(db: Executor, id: number): Promise<TaskRecord | undefined> {
  const row = await taskQuery(db).where('tasks.id', '=', id).executeTakeFirst();
  return row && (await withTargets(db, 'task_targets', [row]))[0];
}

/**
 * Replace the targets linked to a program or task (inside the caller's transaction).
 * Returns whether the links changed.
 *
 * @example
 * await setLinkedTargets(trx, 'task_targets', 4, [12, 15]) // true
 */
export async function setLinkedTargets(
  db: Executor,
  table: 'program_targets' | 'task_targets',
  ownerId: number,
  targetIds: readonly number[],
): Promise<boolean> {
  const links = db as unknown as AnyDb;
  const owner = table === 'program_targets' ? 'program_id' : 'task_id';
  const unique = [...new Set(targetIds)];
  const rows = (await links
    .selectFrom(table)
    .select('target_id')
    .where(owner, '=', ownerId)
    .orderBy('position')
    .execute()) as { target_id: number }[];
  if (rows.length === unique.length && rows.every((r, i) => Number(r.target_id) === unique[i])) return false;
  await links.deleteFrom(table).where(owner, '=', ownerId).execute();
  if (unique.length > 0) {
    await links
      .insertInto(table)
      .values(unique.map((target_id, position) => ({ [owner]: ownerId, target_id, position })))
      .execute();
  }
  return true;
}

// ----------------------------------------------------------------------------- progress notes

const noteQuery = (db: Executor) =>
  db
    .selectFrom('progress_notes')
    .innerJoin('tasks', 'tasks.id', 'progress_notes.task_id')
    .innerJoin('programs', 'programs.id', 'tasks.program_id')
    .innerJoin('plans', 'plans.id', 'programs.plan_id')
    .selectAll('progress_notes')
    .select(['plans.unit_id as unit_id']);
export type NoteRecord = Awaited<ReturnType<ReturnType<typeof noteQuery>['executeTakeFirstOrThrow']>>;

/** A task's progress notes, oldest first. */
export function listNotes(db: Executor, taskId: number, page: Page): Promise<Paged<NoteRecord>> {
  return paged(noteQuery(db).where('progress_notes.task_id', '=', taskId), page, (x) =>
    x.orderBy('progress_notes.date').orderBy('progress_notes.id'),
  );
}

/** One progress note by id. */
export function getNote(db: Executor, id: number): Promise<NoteRecord | undefined> {
  return noteQuery(db).where('progress_notes.id', '=', id).executeTakeFirst();
}
