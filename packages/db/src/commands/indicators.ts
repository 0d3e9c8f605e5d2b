/**
 * Indicator commands. An indicator's formula, weight, aggregation and direction decide the results
 * computed from it: when a plan with approved years rests on it (as a target's indicator, a formula
 * input or a weight), changing them needs a written reason and is audited as `redefine`.
 */
import type { Indicator } from '@chitieu/core';
import type { Selectable } from 'kysely';
import { getIndicator, indicatorIds } from '../repositories/domain.js';
import { createRecord, DomainError, deleteRecord, updateRecord } from '../repositories/records.js';
import { indicatorRow } from '../repositories/row-mapping.js';
import type { IndicatorTable } from '../schema.js';
import { type Executor, withTransaction } from '../transaction.js';
import { approvedPlansUsing, REDEFINE_ACTION, requireReason } from './approvals.js';
import type { CommandContext } from './context.js';

/** How the audit log names an indicator. */
export const INDICATOR_SUBJECT = {
  entity: 'indicator',
  code: (r: Record<string, unknown>) => String(r.code),
};

/** The columns whose change changes computed results. */
const DEFINITION = ['formula', 'weight_code', 'aggregation', 'direction', 'trend'] as const;

/** The columns of an indicator (indicatorRow's), any subset for a change. */
export type IndicatorColumns = ReturnType<typeof indicatorRow>;

async function checkWeight(db: Executor, weight: string | null | undefined): Promise<void> {
  if (weight && !(await indicatorIds(db, [weight])).has(weight))
    throw new DomainError('unknown-reference', [{ path: 'weight', kind: 'indicator', subject: weight }]);
}

/**
 * Add an indicator (defaults already applied by the caller), audited.
 *
 * @example await createIndicator(db, { code: 'GO', name: { vi: 'Giá trị sản xuất' }, unit: 'tỷ đồng', … }, ctx)
 */
export async function createIndicator(
  db: Executor,
  input: Indicator,
  ctx: CommandContext = {},
): Promise<Selectable<IndicatorTable>> {
  return withTransaction(db, async (trx) => {
    await checkWeight(trx, input.weight);
    return createRecord(trx, 'indicators', INDICATOR_SUBJECT, indicatorRow(input), ctx);
  });
}

/**
 * Change an indicator's columns when `version` is current. A change to its formula, weight,
 * aggregation, direction or trend while an approved plan rests on it needs `ctx.reason` (else
 * `reason-required`) and is audited as `redefine`.
 *
 * @example
 * await updateIndicator(db, 'TL_DT', 4, { formula: 'DT / GO * 100' }, { actor, reason: 'Sửa công thức theo TT 02/2023' })
 */
export async function updateIndicator(
  db: Executor,
  code: string,
  version: number,
  columns: Partial<IndicatorColumns>,
  ctx: CommandContext = {},
): Promise<Selectable<IndicatorTable>> {
  return withTransaction(db, async (trx) => {
    const current = await getIndicator(trx, code);
    if (!current) throw new DomainError('not-found');
    if (columns.weight_code !== undefined) await checkWeight(trx, columns.weight_code);
    const redefined = DEFINITION.some(
      (c) => columns[c] !== undefined && (columns[c] ?? null) !== (current[c] ?? null),
    );
    const context =
      redefined && (await approvedPlansUsing(trx, code)).length > 0
        ? requireReason(ctx, REDEFINE_ACTION, code)
        : ctx;
    return updateRecord(trx, 'indicators', INDICATOR_SUBJECT, current.id, version, columns, context);
  });
}

/**
 * Remove an indicator nothing refers to (else `in-use`).
 *
 * @example await deleteIndicator(db, 'OLD', 1, ctx)
 */
export async function deleteIndicator(
  db: Executor,
  code: string,
  version: number,
  ctx: CommandContext = {},
): Promise<void> {
  const current = await getIndicator(db, code);
  if (!current) throw new DomainError('not-found');
  await deleteRecord(db, 'indicators', INDICATOR_SUBJECT, current.id, version, ctx);
}
