/**
 * Recording figures: the one write path of a cell (unit × indicator × year × period × status), used by
 * the API, the CLI and every importer. A write never overwrites history: each value is appended to
 * `value_revisions`, and each changed figure gets its own audit entry (who, when, old → new, why — for
 * an import, its file name and id).
 */
import type { ValueStatus } from '@chitieu/core';
import { sql } from 'kysely';
import { appendAudit, figureEntityCode } from '../repositories/audit.js';
import { assertFiguresWritable } from '../repositories/figure-lock.js';
import { type FigureRecord, getFigure } from '../repositories/figures.js';
import { DomainError, isUniqueViolation, nowIso } from '../repositories/records.js';
import { type Executor, withTransaction } from '../transaction.js';
import type { CommandContext, CommandWarning, ImportSource } from './context.js';
import { figureProblems, figureWarnings } from './rules.js';

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
 * figure). Either way one revision and one audit record are appended, after the rules (a value
 * outside its indicator's bounds is `invalid`) and the workflow lock check (an approved result on
 * the unit or a unit above it: `figures-locked`).
 *
 * @example
 * await recordFigure(db, { unit: '381', indicator: 'GO', year: 2023, status: 'official', value: 19100 }, ctx)
 * // { figure: { id: 42, version: 1, … }, created: true }
 */
export async function recordFigure(
  db: Executor,
  input: FigureInput,
  ctx: CommandContext = {},
): Promise<{ figure: FigureRecord; created: boolean; warnings: CommandWarning[] }> {
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
    const warnings = await checkFigure(trx, {
      unitId: unit.id,
      indicatorId: indicator.id,
      year: input.year,
      period,
      status: input.status,
      value: input.value,
    });
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
      const { figure } = await writeFigure(trx, Number(existing.id), input.version ?? null, input, ctx, true);
      return { figure, created: false, warnings };
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
    await appendFigureHistory(trx, [{ figure, old: null }], ctx, at);
    return { figure, created: true, warnings };
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
  ctx: CommandContext = {},
): Promise<{ figure: FigureRecord; warnings: CommandWarning[] }> {
  return withTransaction(db, (trx) => writeFigure(trx, id, change.version, change, ctx));
}

/** The cell and value a figure write would store. */
interface FigureCheck {
  unitId: number;
  indicatorId: number;
  year: number;
  period: string;
  status: string;
  value: number;
}

/**
 * The rules of a figure (bounds of its indicator, a plausible year for the plans of its unit and the
 * units above), as one `invalid` error; the warnings of an accepted one. Three queries.
 */
async function checkFigure(trx: Executor, f: FigureCheck): Promise<CommandWarning[]> {
  const indicator = await trx
    .selectFrom('indicators')
    .select((eb) => [
      'code',
      'measure',
      'bound_min',
      'bound_max',
      eb
        .exists(
          eb
            .selectFrom('targets')
            .select('targets.id')
            .whereRef('targets.indicator_id', '=', 'indicators.id')
            .where('targets.input', '=', 'rates'),
        )
        .as('rates'),
    ])
    .where('id', '=', f.indicatorId)
    .executeTakeFirst();
  if (!indicator) return [];
  const { rows: plans } = await sql<{ code: string; baseline_year: number; target_year: number }>`
    with recursive chain(id, parent_id, depth) as (
      select id, parent_id, 0 from units where id = ${f.unitId}
      union
      select units.id, units.parent_id, chain.depth + 1 from units join chain on units.id = chain.parent_id
      where chain.depth < 64)
    select code, baseline_year, target_year from plans
    where unit_id in (select id from chain) and state = 'active'`.execute(trx);
  const problems = figureProblems(
    { year: f.year, value: f.value, status: f.status, period: f.period || null },
    indicator,
    {
      holdsGrowthRates: Boolean(Number(indicator.rates)),
      plans: plans.map((p) => ({
        code: p.code,
        baselineYear: Number(p.baseline_year),
        targetYear: Number(p.target_year),
      })),
    },
  );
  if (problems.length > 0) throw new DomainError('invalid', problems);
  const near = await trx
    .selectFrom('indicator_values')
    .select(['year', 'status', 'value'])
    .where('unit_id', '=', f.unitId)
    .where('indicator_id', '=', f.indicatorId)
    .where('period', '=', f.period)
    .where('year', 'in', [f.year - 1, f.year])
    .execute();
  const strength = ['official', 'preliminary', 'estimate', 'plan'];
  const before = near
    .filter((r) => r.year === f.year - 1)
    .sort((a, b) => strength.indexOf(a.status) - strength.indexOf(b.status))[0];
  return figureWarnings(
    { value: f.value, status: f.status },
    {
      previous: before ? { year: before.year, value: Number(before.value) } : null,
      sameYear: near
        .filter((r) => r.year === f.year && r.status !== f.status)
        .map((r) => ({ status: r.status, value: Number(r.value) })),
    },
  );
}

async function writeFigure(
  trx: Executor,
  id: number,
  version: number | null,
  change: { value?: number; source?: string | null; note?: string | null },
  ctx: CommandContext,
  /** The value was checked by the caller already. */
  checked = false,
): Promise<{ figure: FigureRecord; warnings: CommandWarning[] }> {
  const current = await getFigure(trx, id);
  if (!current) throw new DomainError('not-found');
  if (version !== current.version) throw new DomainError('version-conflict', [], current);
  const warnings =
    checked || change.value === undefined || change.value === current.value
      ? []
      : await checkFigure(trx, {
          unitId: current.unit_id,
          indicatorId: current.indicator_id,
          year: current.year,
          period: current.period,
          status: current.status,
          value: change.value,
        });
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
    return { figure: current, warnings };
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
  await appendFigureHistory(trx, [{ figure, old: current }], ctx, at);
  return { figure, warnings };
}

/** What the history of a figure needs: its new state and, for a change, the state before. */
export interface FigureChange {
  figure: Pick<
    FigureRecord,
    | 'id'
    | 'version'
    | 'value'
    | 'status'
    | 'source'
    | 'note'
    | 'unit_id'
    | 'unit_code'
    | 'indicator_code'
    | 'year'
    | 'period'
  >;
  old: Pick<FigureRecord, 'value' | 'status' | 'source' | 'note'> | null;
}

/** Rows per multi-row INSERT (far below both dialects' parameter limits). */
const CHUNK = 200;

/**
 * Append each changed figure's new state to its revisions and its own audit entry (old → new), in
 * the caller's transaction: a few multi-row INSERTs whatever the number of figures. An import's
 * entries carry its file name and id (`details.import`), so a figure's story says where it came from.
 *
 * @example
 * await appendFigureHistory(trx, [{ figure, old: null }], { actor, source: { file: 'go.yaml', importId: 'imp-…' } }, at);
 */
export async function appendFigureHistory(
  trx: Executor,
  changes: readonly FigureChange[],
  ctx: CommandContext,
  at: string,
): Promise<void> {
  const state = (f: FigureChange['old'] & object) => ({
    value: f.value,
    status: f.status,
    source: f.source,
    note: f.note,
  });
  const details = importDetails(ctx.source);
  for (let i = 0; i < changes.length; i += CHUNK) {
    const part = changes.slice(i, i + CHUNK);
    await trx
      .insertInto('value_revisions')
      .values(
        part.map(({ figure }) => ({
          value_id: Number(figure.id),
          version: Number(figure.version),
          value: figure.value,
          source: figure.source,
          note: figure.note,
          recorded_at: at,
          actor: ctx.actor?.username ?? null,
        })),
      )
      .execute();
    if (part.length === 1) {
      const [{ figure, old }] = part as [FigureChange];
      await appendAudit(
        trx,
        {
          actor: ctx.actor ?? null,
          action: old ? 'update' : 'create',
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
          details,
        },
        at,
      );
      continue;
    }
    await trx
      .insertInto('audit_log')
      .values(
        part.map(({ figure, old }) => ({
          at,
          actor: ctx.actor?.username ?? 'system',
          actor_id: ctx.actor?.userId ?? null,
          ip: ctx.actor?.ip ?? null,
          action: old ? 'update' : 'create',
          entity: 'figure',
          entity_code: figureEntityCode({
            unit: figure.unit_code,
            indicator: figure.indicator_code,
            year: figure.year,
            period: figure.period || undefined,
          }),
          unit_id: figure.unit_id,
          old_value: old ? JSON.stringify(state(old)) : null,
          new_value: JSON.stringify(state(figure)),
          reason: ctx.reason ?? null,
          details: details ? JSON.stringify(details) : null,
        })),
      )
      .execute();
  }
}

/** The audit `details` of a write an import made: `{ import: { id, file } }`. */
export const importDetails = (source: ImportSource | null | undefined) =>
  source ? { import: { id: source.importId, file: source.file } } : undefined;
