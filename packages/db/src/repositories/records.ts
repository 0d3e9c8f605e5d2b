import type { Insertable, Kysely, Selectable } from 'kysely';
import { ENUM_COLUMNS } from '../migrations/0400_constraints.js';
import type { Database } from '../schema.js';
import { type Executor, withTransaction } from '../transaction.js';
import { type AuditActor, appendAudit, changedFields } from './audit.js';

/** Who writes, from where and why: recorded with every change (audit.ts). */
export interface WriteContext {
  /** The request's actor; null for the system and until authentication says. */
  actor?: AuditActor | null;
  /** Why, in the writer's words. */
  reason?: string | null;
  /**
   * The audit action of an update when it is more than an edit (`redefine`: a target's definition or an
   * indicator's formula; `update-approved`: a plan with approved years), so a review can list them.
   */
  action?: string;
}

export type DomainErrorCode =
  | 'not-found'
  | 'version-conflict'
  | 'duplicate'
  | 'in-use'
  | 'unknown-reference'
  | 'figures-locked'
  | 'invalid'
  /** A change to what approved figures rest on, sent without a written reason. */
  | 'reason-required'
  /** A write to an archived plan or to anything in it. */
  | 'plan-archived'
  /** Deleting a plan whose figures went through the workflow (archive it instead). */
  | 'plan-reviewed';

/** One problem of a write: where (`unit`, `targets[2]`) and the offending value. */
export interface DomainProblem {
  path: string;
  /** The code or value concerned. */
  subject?: string;
  /** For `unknown-reference`: what kind of record was looked for. */
  kind?: 'unit' | 'indicator' | 'plan' | 'target' | 'program' | 'task' | 'figure';
  /** For `invalid`: a stable code of the rule broken. */
  rule?: string;
  /** The parameters of the rule's sentence (@chitieu/rules `message`). */
  params?: Record<string, string | number | undefined>;
}

/**
 * A write the domain refuses. The HTTP layer maps the code to a status (404, 409, 422) and the
 * problems to sentences in the caller's language; `current` is the record as it now is, for a
 * stale `version`.
 *
 * @example
 * throw new DomainError('version-conflict', [], currentUnit);
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly problems: DomainProblem[] = [],
    readonly current?: unknown,
  ) {
    super(
      `${code}${problems.length > 0 ? `: ${problems.map((p) => `${p.path} ${p.subject ?? ''}`).join(', ')}` : ''}`,
    );
  }
}

/** Tables whose rows carry `id` and `version`. */
export type EditableTable =
  | 'units'
  | 'indicators'
  | 'plans'
  | 'targets'
  | 'programs'
  | 'tasks'
  | 'indicator_values'
  | 'unit_lineage'
  | 'progress_notes';

// biome-ignore lint/suspicious/noExplicitAny: generic helpers address tables by name; callers keep the types
type AnyDb = Kysely<any>;
type Row = Record<string, unknown>;

export const nowIso = () => new Date().toISOString();

const driverCode = (err: unknown) => String((err as { code?: unknown })?.code ?? '');

/** Whether a driver error is a unique-key violation, on either dialect. */
export function isUniqueViolation(err: unknown): boolean {
  const code = driverCode(err);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * The driver's constraint errors, as domain errors; anything else is rethrown. A value outside its
 * list (0400_constraints: CHECK on PostgreSQL, trigger on SQLite) is `invalid` at its column; a write
 * to an archived plan is `plan-archived`.
 */
export function constraintError(err: unknown, path = ''): never {
  const code = driverCode(err);
  if (isUniqueViolation(err)) throw new DomainError('duplicate', path ? [{ path }] : []);
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new DomainError('in-use');
  const message = String((err as { message?: unknown })?.message ?? '');
  if (message.includes('chitieu-archived')) throw new DomainError('plan-archived');
  const constraint = String((err as { constraint?: unknown })?.constraint ?? '');
  const column =
    code === '23514'
      ? constraint === 'targets_every_check'
        ? 'every'
        : ENUM_COLUMNS.find((c) => `${c.table}_${c.column}_check` === constraint)?.column
      : /chitieu-check [a-z_]+\.([a-z_]+)/.exec(message)?.[1];
  // `every` (0600_target_every) is the one checked column that is not a list: true only on `annual`.
  if (column === 'every') throw new DomainError('invalid', [{ path: column, rule: 'every-only-annual' }]);
  if (column) throw new DomainError('invalid', [{ path: column, rule: 'not-in-list' }]);
  throw err;
}

/** What identifies a record in the audit log. */
export interface AuditSubject {
  entity: string;
  /** The record's code, when it has one (else its id is used). */
  code?: (row: Row) => string | null;
  /** The unit the record concerns, so that unit's readers see the entry. */
  unitId?: (row: Row) => number | null;
}

/** Write the audit entry of one change to `row`. */
function audit(
  db: Executor,
  subject: AuditSubject,
  action: string,
  row: Row,
  change: { old?: unknown; new?: unknown },
  ctx: WriteContext,
  at: string,
): Promise<void> {
  return appendAudit(
    db,
    {
      actor: ctx.actor ?? null,
      action,
      entity: subject.entity,
      id: subject.code?.(row) ?? Number(row.id),
      unitId: subject.unitId?.(row) ?? null,
      reason: ctx.reason ?? null,
      ...change,
    },
    at,
  );
}

/**
 * Insert a record (version 1) and audit it, in one transaction. A unique key already taken is
 * a `duplicate` {@link DomainError}.
 *
 * @example
 * const row = await createRecord(db, 'units', { entity: 'unit', code: (r) => String(r.code) }, { code: '381', … }, ctx);
 */
export async function createRecord<T extends EditableTable>(
  db: Executor,
  table: T,
  subject: AuditSubject,
  values: Omit<Insertable<Database[T]>, 'version' | 'created_at' | 'updated_at'>,
  ctx: WriteContext = {},
): Promise<Selectable<Database[T]>> {
  return withTransaction(db, async (trx) => {
    const at = nowIso();
    let row: Row;
    try {
      row = await (trx as unknown as AnyDb)
        .insertInto(table)
        .values({ ...values, version: 1, created_at: at, updated_at: at })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (err) {
      constraintError(err, 'code');
    }
    await audit(trx, subject, 'create', row, { new: values }, ctx, at);
    return row as Selectable<Database[T]>;
  });
}

/**
 * Change a record only if it is still at `version`: the update and its audit record land together,
 * and the version goes up by one. A stale version is a `version-conflict` carrying the current row;
 * nothing is silently overwritten. An update that changes nothing returns the row untouched.
 *
 * @example
 * await updateRecord(db, 'units', { entity: 'unit' }, 7, 3, { name: 'Thị xã Bỉm Sơn' }, ctx);
 * // version 3 → 4; a second call with version 3 throws DomainError('version-conflict', [], rowAtVersion4)
 */
export async function updateRecord<T extends EditableTable>(
  db: Executor,
  table: T,
  subject: AuditSubject,
  id: number,
  version: number,
  changes: Row,
  ctx: WriteContext = {},
  /** Changes kept in other tables (links), written by `alsoWrite` in the same transaction. */
  also?: { old: Row; new: Row; write: (trx: Executor) => Promise<unknown> },
): Promise<Selectable<Database[T]>> {
  return withTransaction(db, async (trx) => {
    const anyDb = trx as unknown as AnyDb;
    const current = await anyDb.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
    if (!current) throw new DomainError('not-found');
    if (Number(current.version) !== version) throw new DomainError('version-conflict', [], current);
    const columns = changedFields(
      Object.fromEntries(Object.keys(changes).map((k) => [k, current[k]])),
      changes,
    );
    const linked = also ? changedFields(also.old, also.new) : null;
    if (!columns && !linked) return current as Selectable<Database[T]>;
    const changed = {
      old: { ...columns?.old, ...linked?.old },
      new: { ...columns?.new, ...linked?.new },
    };
    if (linked && also) await also.write(trx);
    const at = nowIso();
    let row: Row | undefined;
    try {
      row = await anyDb
        .updateTable(table as string)
        .set({ ...columns?.new, version: version + 1, updated_at: at })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
    } catch (err) {
      constraintError(err, 'code');
    }
    if (!row) {
      const now = await anyDb.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
      throw now ? new DomainError('version-conflict', [], now) : new DomainError('not-found');
    }
    await audit(trx, subject, ctx.action ?? 'update', row, changed, ctx, at);
    return row as Selectable<Database[T]>;
  });
}

/**
 * Delete a record still at `version`, and audit what it held. A record others refer to (a unit
 * with plans, an indicator with figures) is `in-use` and stays.
 *
 * @example
 * await deleteRecord(db, 'targets', { entity: 'target' }, 12, 2, ctx);
 */
export async function deleteRecord(
  db: Executor,
  table: EditableTable,
  subject: AuditSubject,
  id: number,
  version: number,
  ctx: WriteContext = {},
  options: {
    /** Runs after the version check, before the delete, in the same transaction (audits what cascades). */
    before?: (trx: Executor, current: Row) => Promise<void>;
  } = {},
): Promise<void> {
  await withTransaction(db, async (trx) => {
    const anyDb = trx as unknown as AnyDb;
    const current = await anyDb.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
    if (!current) throw new DomainError('not-found');
    if (Number(current.version) !== version) throw new DomainError('version-conflict', [], current);
    await options.before?.(trx, current);
    try {
      const r = await anyDb
        .deleteFrom(table)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) throw new DomainError('version-conflict', [], current);
    } catch (err) {
      if (err instanceof DomainError) throw err;
      constraintError(err);
    }
    await audit(trx, subject, 'delete', current, { old: current }, ctx, nowIso());
  });
}
