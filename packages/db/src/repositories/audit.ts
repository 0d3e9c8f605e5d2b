import { sql } from 'kysely';
import type { Executor } from '../transaction.js';

/** Who did something: a signed-in user (or token), the command line, or the system. */
export interface AuditActor {
  /** null for the command line and the system. */
  userId: number | null;
  /** The user name, or `cli` / `system`. */
  username: string;
  /** The client's address, when over HTTP. */
  ip?: string | null;
}

/** One write, as every part of the system records it. */
export interface AuditEntry {
  actor: AuditActor | null;
  /** What was done: `create`, `update`, `delete`, `import`, `submit`, `approve`, `login`, … */
  action: string;
  /** What it was done to: `figure`, `target`, `plan`, `user`, `role`, `token`, `workflow`, `plan-file`, … */
  entity: string;
  /** Which one: a code, an id, or {@link figureEntityCode} for a figure. */
  id?: string | number | null;
  /** The unit the change concerns (readers of a unit see its entries). */
  unitId?: number | null;
  /** The record (or only its changed fields, see {@link changedFields}) before and after. */
  old?: unknown;
  new?: unknown;
  /** Why, in the user's words. */
  reason?: string | null;
  /** Anything else worth keeping (counts of an import). */
  details?: unknown;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * Append one record to the audit log (inside the caller's transaction, so the record and the
 * write land together or not at all). The log is append-only: the database refuses to update
 * or delete it. Never pass secrets (passwords, tokens, hashes) in `old`/`new`.
 *
 * @example
 * await appendAudit(trx, {
 *   actor: request.actor && { userId: request.actor.userId, username: request.actor.username, ip: request.ip },
 *   action: 'update', entity: 'figure', id: figureEntityCode({ unit: '381', indicator: 'GO', year: 2023 }),
 *   unitId: 7, old: { value: 18997.6, status: 'estimate' }, new: { value: 19100, status: 'official' },
 *   reason: 'Cục Thống kê công bố số chính thức',
 * });
 */
export async function appendAudit(
  db: Executor,
  entry: AuditEntry,
  at = new Date().toISOString(),
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at,
      actor: entry.actor?.username ?? 'system',
      actor_id: entry.actor?.userId ?? null,
      ip: entry.actor?.ip ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_code: entry.id === undefined || entry.id === null ? null : String(entry.id),
      unit_id: entry.unitId ?? null,
      old_value: json(entry.old),
      new_value: json(entry.new),
      reason: entry.reason ?? null,
      details: json(entry.details),
    })
    .execute();
}

/**
 * The audit id of a figure (one cell: unit × indicator × year × period; the status is part of
 * the value), so a figure's history is every entry with this id.
 *
 * @example
 * figureEntityCode({ unit: '381', indicator: 'GO', year: 2023 }) // '381/GO/2023'
 * figureEntityCode({ unit: '381', indicator: 'GO', year: 2023, period: '9M' }) // '381/GO/2023/9M'
 */
export function figureEntityCode(cell: {
  unit: string;
  indicator: string;
  year: number;
  period?: string;
}): string {
  return `${cell.unit}/${cell.indicator}/${cell.year}${cell.period ? `/${cell.period}` : ''}`;
}

/**
 * Only the fields that differ between two versions of a record, as `{ old, new }`; null when
 * nothing changed (then there is nothing to write, nor to audit).
 *
 * @example
 * changedFields({ name: 'A', level: 'x' }, { name: 'B', level: 'x' }) // { old: { name: 'A' }, new: { name: 'B' } }
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { old: Record<string, unknown>; new: Record<string, unknown> } | null {
  const old: Record<string, unknown> = {};
  const next: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key] ?? null) === JSON.stringify(after[key] ?? null)) continue;
    old[key] = before[key] ?? null;
    next[key] = after[key] ?? null;
  }
  return Object.keys(next).length === 0 ? null : { old, new: next };
}

/** Filters of the audit list; every one optional. */
export interface AuditFilter {
  entity?: string;
  /** The entity's code or id; for figures a prefix match (`381/GO/2023` also finds `381/GO/2023/9M`). */
  id?: string;
  /** User name of the actor. */
  user?: string;
  /** Unit code: only entries recorded as concerning this unit (none whose unit is unknown). */
  unit?: string;
  /**
   * Indicator code: the indicator's own entries, its figures' (of any unit), and the entries of the
   * targets that now measure it.
   */
  indicator?: string;
  /** What was done (`redefine`, `update-approved`, `approve`, …). */
  action?: string;
  /** ISO date or timestamp, inclusive. A date alone means the whole day for `to`. */
  from?: string;
  to?: string;
  /** Only entries about these units; null or absent: every entry (global readers). */
  unitIds?: readonly number[] | null;
  /** Entries with an id below this one (paging, newest first). */
  beforeId?: number;
  /** At most this many (default 100, at most 1000). */
  limit?: number;
}

/** One audit record as the API shows it. */
export interface AuditRecord {
  id: number;
  at: string;
  user: string | null;
  userId: number | null;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  unit: string | null;
  old: unknown;
  new: unknown;
  reason: string | null;
  details: unknown;
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/**
 * Audit records matching `filter`, newest first.
 *
 * @example
 * await listAudit(db, { entity: 'figure', id: '381/GO/2023' })
 * // [{ id: 42, at: '2026-11-28T09:00:00.000Z', user: 'lan', action: 'update', old: { value: 18997.6 }, new: { value: 19100 }, … }]
 */
export async function listAudit(db: Executor, filter: AuditFilter = {}): Promise<AuditRecord[]> {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('units', 'units.id', 'audit_log.unit_id')
    .selectAll('audit_log')
    .select('units.code as unit_code');
  if (filter.entity) q = q.where('audit_log.entity', '=', filter.entity);
  if (filter.id) {
    const id = filter.id;
    q =
      filter.entity === 'figure'
        ? q.where((eb) =>
            eb.or([
              eb('audit_log.entity_code', '=', id),
              // A prefix test without LIKE, whose wildcards and escapes differ between dialects.
              eb(sql<string>`substr(audit_log.entity_code, 1, ${id.length + 1})`, '=', `${id}/`),
            ]),
          )
        : q.where('audit_log.entity_code', '=', id);
  }
  if (filter.user) q = q.where('audit_log.actor', '=', filter.user);
  // An entry without a unit has no unit code, so it never matches.
  if (filter.unit) q = q.where('units.code', '=', filter.unit);
  if (filter.indicator) {
    const code = filter.indicator;
    // A figure's id is `unit/indicator/year[/period]`; its unit's code comes from the entry's unit,
    // so a code holding a slash cannot be mistaken for another.
    const figurePrefix = `/${code}/`;
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('audit_log.entity', '=', 'indicator'), eb('audit_log.entity_code', '=', code)]),
        eb.and([
          eb('audit_log.entity', '=', 'figure'),
          eb(
            sql<string>`substr(audit_log.entity_code, 1, length(units.code) + ${figurePrefix.length})`,
            '=',
            sql<string>`units.code || ${figurePrefix}`,
          ),
        ]),
        eb.and([
          eb('audit_log.entity', '=', 'target'),
          eb.exists(
            eb
              .selectFrom('targets')
              .innerJoin('indicators', 'indicators.id', 'targets.indicator_id')
              .select('targets.id')
              .where('indicators.code', '=', code)
              .where(sql<boolean>`cast(targets.id as text) = audit_log.entity_code`),
          ),
        ]),
      ]),
    );
  }
  if (filter.action) q = q.where('audit_log.action', '=', filter.action);
  if (filter.from) q = q.where('audit_log.at', '>=', filter.from);
  if (filter.to)
    q = q.where('audit_log.at', '<=', filter.to.length === 10 ? `${filter.to}T23:59:59.999Z` : filter.to);
  if (filter.beforeId !== undefined) q = q.where('audit_log.id', '<', filter.beforeId);
  if (filter.unitIds) {
    const ids = filter.unitIds;
    if (ids.length === 0) return [];
    q = q.where('audit_log.unit_id', 'in', ids);
  }
  const limit = Math.min(Math.max(filter.limit ?? 100, 1), 1000);
  const rows = await q.orderBy('audit_log.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    user: r.actor,
    userId: r.actor_id === null ? null : Number(r.actor_id),
    ip: r.ip,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_code,
    unit: r.unit_code ?? null,
    old: parse(r.old_value),
    new: parse(r.new_value),
    reason: r.reason,
    details: parse(r.details),
  }));
}
