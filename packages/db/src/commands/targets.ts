/**
 * Target commands. A target's definition — kind, goal (value, low, high), input, expected, every, indicator —
 * is what an approved result was measured against: in a plan with approved years, defining, changing
 * or removing one needs a written reason and is audited as `redefine`, so the next review lists it.
 */
import type { Selectable } from 'kysely';
import { getPlan, getTarget, indicatorIds, nextPosition, type PlanRecord } from '../repositories/domain.js';
import { createRecord, DomainError, deleteRecord, updateRecord } from '../repositories/records.js';
import { type StoredTarget, targetOfRow, targetRow } from '../repositories/row-mapping.js';
import type { TargetTable } from '../schema.js';
import { type Executor, withTransaction } from '../transaction.js';
import { approvedYears, assertPlanActive, REDEFINE_ACTION, requireReason } from './approvals.js';
import type { CommandContext } from './context.js';
import { targetProblems } from './rules.js';

/** How the audit log names a target of a plan: its entries belong to the plan's unit. */
const subjectOf = (plan: { unit_id: number }) => ({ entity: 'target', unitId: () => plan.unit_id });

/** The columns that define what a target measures. */
const DEFINITION = ['kind', 'value', 'low', 'high', 'input', 'expected', 'every', 'indicator_id'] as const;

/** A target as given to a command: a plan file's target, optionally at a position. */
export type TargetFields = StoredTarget & { position?: number };

async function indicatorIdOf(db: Executor, code: string): Promise<number> {
  const id = (await indicatorIds(db, [code])).get(code);
  if (id === undefined)
    throw new DomainError('unknown-reference', [{ path: 'indicator', kind: 'indicator', subject: code }]);
  return id;
}

/** The rules of a target against its indicator and plan, as one `invalid` error. */
async function check(db: Executor, t: StoredTarget, plan: PlanRecord): Promise<void> {
  const indicator = await db
    .selectFrom('indicators')
    .select(['code', 'measure', 'bound_min', 'bound_max'])
    .where('code', '=', t.indicator)
    .executeTakeFirst();
  const problems = targetProblems(t, { indicator: indicator ?? null, methodology: plan.methodology });
  if (problems.length > 0) throw new DomainError('invalid', problems);
}

/** The plan's context for a change to its targets: a reason when it has approved years. */
async function contextFor(db: Executor, plan: PlanRecord, ctx: CommandContext): Promise<CommandContext> {
  assertPlanActive(plan);
  return (await approvedYears(db, plan.id)).length > 0 ? requireReason(ctx, REDEFINE_ACTION, plan.code) : ctx;
}

/**
 * Add a target to a plan (at the end unless `position` says), audited.
 *
 * @example
 * await createTarget(db, 'NQ-XI', { code: 'T1', text: { vi: '…' }, indicator: 'GO', kind: 'avg-growth', value: 7.5 }, ctx)
 */
export async function createTarget(
  db: Executor,
  planCode: string,
  input: TargetFields,
  ctx: CommandContext = {},
): Promise<Selectable<TargetTable>> {
  return withTransaction(db, async (trx) => {
    const plan = await getPlan(trx, planCode);
    if (!plan) throw new DomainError('not-found');
    await check(trx, input, plan);
    const context = await contextFor(trx, plan, ctx);
    const position =
      input.position ?? (await nextPosition(trx, 'targets', { column: 'plan_id', id: plan.id }));
    const row = targetRow(input, plan.id, position, await indicatorIdOf(trx, input.indicator));
    return createRecord(trx, 'targets', subjectOf(plan), row, context);
  });
}

/**
 * Change a target when `version` is current. A change to its definition in a plan with approved
 * years needs `ctx.reason` and is audited as `redefine`; wording, group, lead and position do not.
 *
 * @example
 * await updateTarget(db, 12, 2, { indicator: 'GO_CN' }, { actor, reason: 'Sửa nhầm chỉ tiêu thống kê' })
 */
export async function updateTarget(
  db: Executor,
  id: number,
  version: number,
  patch: Partial<TargetFields>,
  ctx: CommandContext = {},
): Promise<Selectable<TargetTable>> {
  return withTransaction(db, async (trx) => {
    const current = await getTarget(trx, id);
    if (!current) throw new DomainError('not-found');
    const plan = await getPlan(trx, current.plan_code);
    if (!plan) throw new DomainError('not-found');
    assertPlanActive(plan);
    const next = { ...targetOfRow(current, current.indicator_code), ...patch };
    await check(trx, next, plan);
    const indicatorId =
      patch.indicator === undefined ? current.indicator_id : await indicatorIdOf(trx, patch.indicator);
    const columns: Record<string, unknown> = targetRow(
      next,
      plan.id,
      patch.position ?? current.position,
      indicatorId,
    );
    const redefined = DEFINITION.some((c) => (columns[c] ?? null) !== (current[c] ?? null));
    const context = redefined ? await contextFor(trx, plan, ctx) : ctx;
    return updateRecord(trx, 'targets', subjectOf(plan), id, version, columns, context);
  });
}

/**
 * Remove a target when `version` is current (a reason when its plan has approved years).
 *
 * @example await deleteTarget(db, 12, 3, ctx)
 */
export async function deleteTarget(
  db: Executor,
  id: number,
  version: number,
  ctx: CommandContext = {},
): Promise<void> {
  await withTransaction(db, async (trx) => {
    const current = await getTarget(trx, id);
    if (!current) throw new DomainError('not-found');
    const plan = await getPlan(trx, current.plan_code);
    if (!plan) throw new DomainError('not-found');
    const context = await contextFor(trx, plan, ctx);
    await deleteRecord(trx, 'targets', subjectOf(plan), id, version, context);
  });
}
