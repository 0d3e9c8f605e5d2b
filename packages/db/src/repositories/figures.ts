/**
 * Reading figures: one cell is unit × indicator × year × period × status. Every value a cell ever
 * held is a row of `value_revisions`. Writes are commands (commands/figures.ts).
 */
import type { ValueStatus } from '@chitieu/core';
import type { Executor } from '../transaction.js';
import type { Page, Paged } from './domain.js';

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
  /** One year only. */
  year?: number;
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
  if (filter.year !== undefined) q = q.where('indicator_values.year', '=', filter.year);
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
