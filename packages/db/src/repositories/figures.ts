/**
 * Figures: one cell is unit × indicator × year × period × status. A write never overwrites history:
 * every value a cell ever held is a row of `value_revisions`, and each write is audited.
 */
import type { ValueStatus } from '@chitieu/core';
import { sql } from 'kysely';
import { type Executor, withTransaction } from '../transaction.js';
import { appendAudit, figureEntityCode } from './audit.js';
import type { Page, Paged } from './domain.js';
import { assertFiguresWritable } from './figure-lock.js';
import { DomainError, isUniqueViolation, nowIso, type WriteContext } from './records.js';

const figureQuery = (db: Executor) =>
  db
    .selectFrom('indicator_values')
    .innerJoin('units', 'units.id', 'indicator_values.unit_id')
    .innerJoin('indicators', 'indicators.id', 'indicator_values.indicator_id')
    .selectAll('indicator_values')
    .select(['units.code as unit_code', 'indicators.code as indicator_code']);
export type FigureRecord = Awaited<ReturnType<ReturnType<typeof figureQuery>['executeTakeFirstOrThrow']>>;

export interface FigureFilter {
  unit?: string;
  indicator?: string;
  from?: number;
  to?: number;
  status?: ValueStatus;
  /** '' = whole-year figures only; a period code = that period only; absent = all. */
  period?: string;
  /** Only figures of these units (the caller's readable units); null or absent: every unit. */
  unitIds?: readonly number[] | null;
}

/** Figures matching `filter`, by unit, indicator, year, period and status. */
export async function listFigures(
  db: Executor,
  filter: FigureFilter,
  page: Page,
): Promise<Paged<FigureRecord>> {
  let q = figureQuery(db);
  if (filter.unit) q = q.where('units.code', '=', filter.unit);
  if (filter.indicator) q = q.where('indicators.code', '=', filter.indicator);
  if (filter.from !== undefined) q = q.where('indicator_values.year', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('indicator_values.year', '<=', filter.to);
  if (filter.status) q = q.where('indicator_values.status', '=', filter.status);
  if (filter.period !== undefined) q = q.where('indicator_values.period', '=', filter.period);
  if (filter.unitIds) {
    if (filter.unitIds.length === 0) return { items: [], total: 0 };
    q = q.where('indicator_values.unit_id', 'in', [...filter.unitIds]);
  }
  const counted = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  const items = await q
    .orderBy('units.code')
    .orderBy('indicators.code')
    .orderBy('indicator_values.year')
    .orderBy('indicator_values.period')
    .orderBy('indicator_values.status')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { items, total: Number(counted?.n ?? 0) };
}

/** One figure by id, or undefined. */
export function getFigure(db: Executor, id: number): Promise<FigureRecord | undefined> {
  return figureQuery(db).where('indicator_values.id', '=', id).executeTakeFirst();
}

/** One revision of a figure: what the cell held from `recordedAt` on. */
export interface FigureRevision {
  version: number;
  value: number;
  source: string | null;
  note: string | null;
  recordedAt: string;
  actor: string | null;
}

/**
 * Every value a figure ever held, oldest first.
 *
 * @example
 * await figureHistory(db, 42)
 * // [{ version: 1, value: 18997.6, recordedAt: '2024-01-10T…', actor: 'cli', … }, { version: 2, value: 19100, … }]
 */
export async function figureHistory(db: Executor, id: number): Promise<FigureRevision[]> {
  const rows = await db
    .selectFrom('value_revisions')
    .selectAll()
    .where('value_id', '=', id)
    .orderBy('version')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    version: Number(r.version),
    value: Number(r.value),
    source: r.source,
    note: r.note,
    recordedAt: r.recorded_at,
    actor: r.actor,
  }));
}

/** A figure to record. `version` is the cell's current version when it already exists. */
export interface FigureInput {
  unit: string;
  indicator: string;
  year: number;
  period?: string | null;
  status: ValueStatus;
  value: number;
  source?: string | null;
  note?: string | null;
  version?: number | null;
}

/**
 * Record a figure in one transaction: a new cell starts at version 1; an existing cell takes the
 * new value only when `version` is its current version (else `version-conflict` with the current
 * figure). Either way one revision and one audit record are appended, after the workflow lock
 * check ({@link assertFiguresWritable}).
 *
 * @example
 * await recordFigure(db, { unit: '381', indicator: 'GO', year: 2023, status: 'official', value: 19100 }, ctx)
 * // { figure: { id: 42, version: 1, … }, created: true }
 */
export async function recordFigure(
  db: Executor,
  input: FigureInput,
  ctx: WriteContext = {},
): Promise<{ figure: FigureRecord; created: boolean }> {
  return withTransaction(db, async (trx) => {
    // Both ids in one round trip: this is the hot path of data entry.
    const { rows } = await sql<{ unit: number | null; indicator: number | null }>`select
      (select id from units where code = ${input.unit}) as unit,
      (select id from indicators where code = ${input.indicator}) as indicator`.execute(trx);
    const unit = rows[0]?.unit == null ? undefined : { id: Number(rows[0].unit) };
    const indicator = rows[0]?.indicator == null ? undefined : { id: Number(rows[0].indicator) };
    const missing = [
      ...(unit ? [] : [{ path: 'unit', kind: 'unit' as const, subject: input.unit }]),
      ...(indicator ? [] : [{ path: 'indicator', kind: 'indicator' as const, subject: input.indicator }]),
    ];
    if (!unit || !indicator) throw new DomainError('unknown-reference', missing);
    const period = input.period ?? '';
    const existing = await trx
      .selectFrom('indicator_values')
      .select('id')
      .where('unit_id', '=', unit.id)
      .where('indicator_id', '=', indicator.id)
      .where('year', '=', input.year)
      .where('period', '=', period)
      .where('status', '=', input.status)
      .executeTakeFirst();
    if (existing) {
      const figure = await writeFigure(trx, Number(existing.id), input.version ?? null, input, ctx);
      return { figure, created: false };
    }
    await assertFiguresWritable(trx, { unit: unit.id, indicator: indicator.id, year: input.year });
    const at = nowIso();
    const inserted = trx
      .insertInto('indicator_values')
      .values({
        unit_id: unit.id,
        indicator_id: indicator.id,
        year: input.year,
        period,
        status: input.status,
        value: input.value,
        source: input.source ?? null,
        note: input.note ?? null,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // Two writers creating the same cell at once: the second finds it taken and, like any stale
    // writer, gets a version conflict (the caller then shows the figure that won).
    const row = await inserted.catch((err: unknown) => {
      if (isUniqueViolation(err)) throw new DomainError('version-conflict');
      throw err;
    });
    const figure: FigureRecord = { ...row, unit_code: input.unit, indicator_code: input.indicator };
    await revise(trx, figure, 'create', null, ctx, at);
    return { figure, created: true };
  });
}

/**
 * Change a figure's value, source or note when `version` is current (see {@link recordFigure}).
 *
 * @example
 * await reviseFigure(db, 42, { version: 1, value: 19100 }, ctx) // version 2; history has both values
 */
export function reviseFigure(
  db: Executor,
  id: number,
  change: { version: number | null; value?: number; source?: string | null; note?: string | null },
  ctx: WriteContext = {},
): Promise<FigureRecord> {
  return withTransaction(db, (trx) => writeFigure(trx, id, change.version, change, ctx));
}

async function writeFigure(
  trx: Executor,
  id: number,
  version: number | null,
  change: { value?: number; source?: string | null; note?: string | null },
  ctx: WriteContext,
): Promise<FigureRecord> {
  const current = await getFigure(trx, id);
  if (!current) throw new DomainError('not-found');
  if (version !== current.version) throw new DomainError('version-conflict', [], current);
  await assertFiguresWritable(trx, {
    unit: current.unit_id,
    indicator: current.indicator_id,
    year: current.year,
  });
  const next = {
    value: change.value ?? current.value,
    source: change.source === undefined ? current.source : change.source,
    note: change.note === undefined ? current.note : change.note,
  };
  if (next.value === current.value && next.source === current.source && next.note === current.note)
    return current;
  const at = nowIso();
  const updated = await trx
    .updateTable('indicator_values')
    .set({ ...next, version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    const now = await getFigure(trx, id);
    throw new DomainError('version-conflict', [], now);
  }
  const figure = { ...current, ...next, version: version + 1, updated_at: at };
  await revise(trx, figure, 'update', current, ctx, at);
  return figure;
}

/** Append the figure's new state to its revisions and the audit log. */
async function revise(
  trx: Executor,
  figure: FigureRecord,
  action: 'create' | 'update',
  old: FigureRecord | null,
  ctx: WriteContext,
  at: string,
): Promise<void> {
  await trx
    .insertInto('value_revisions')
    .values({
      value_id: figure.id,
      version: figure.version,
      value: figure.value,
      source: figure.source,
      note: figure.note,
      recorded_at: at,
      actor: ctx.actor?.username ?? null,
    })
    .execute();
  const state = (f: FigureRecord) => ({ value: f.value, status: f.status, source: f.source, note: f.note });
  await appendAudit(
    trx,
    {
      actor: ctx.actor ?? null,
      action,
      entity: 'figure',
      id: figureEntityCode({
        unit: figure.unit_code,
        indicator: figure.indicator_code,
        year: figure.year,
        period: figure.period || undefined,
      }),
      unitId: figure.unit_id,
      old: old && state(old),
      new: state(figure),
      reason: ctx.reason ?? null,
    },
    at,
  );
}
