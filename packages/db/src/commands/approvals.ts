/**
 * What approval protects (issue 9): once a plan × unit × year is approved, what its results rest on —
 * a target's definition, an indicator's formula, the plan itself — changes only with a written
 * reason, audited under an action a review can list; a plan whose figures went through the workflow
 * is archived, never deleted. Figure locks themselves are in repositories/figure-lock.ts.
 */
import { indicatorsUsedByPlans } from '../repositories/figure-lock.js';
import { DomainError, type WriteContext } from '../repositories/records.js';
import type { Executor } from '../transaction.js';
import { reasonOf } from './context.js';

/** Audit action of a change to a target's definition or an indicator's formula under approved figures. */
export const REDEFINE_ACTION = 'redefine';
/** Audit action of any other change to a plan that has approved years. */
export const UPDATE_APPROVED_ACTION = 'update-approved';

/**
 * The years of a plan approved on at least one unit, ascending.
 *
 * @example await approvedYears(db, 1) // [2021, 2022]
 */
export async function approvedYears(db: Executor, planId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('figure_workflows')
    .select('year')
    .distinct()
    .where('plan_id', '=', planId)
    .where('state', '=', 'approved')
    .orderBy('year')
    .execute();
  return rows.map((r) => Number(r.year));
}

/**
 * Whether a plan's figures ever went through the workflow (a step was taken): its steps are kept for
 * good, so the plan can only be archived.
 */
export async function hasWorkflowHistory(db: Executor, planId: number): Promise<boolean> {
  const row = await db
    .selectFrom('workflow_steps')
    .innerJoin('figure_workflows', 'figure_workflows.id', 'workflow_steps.workflow_id')
    .select('workflow_steps.id')
    .where('figure_workflows.plan_id', '=', planId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Codes of the plans with an approved year that rest on an indicator (as a target's indicator, a
 * formula input or a weight, transitively).
 *
 * @example await approvedPlansUsing(db, 'GO') // ['NQ-DH-XV']
 */
export async function approvedPlansUsing(db: Executor, indicator: string): Promise<string[]> {
  const plans = await db
    .selectFrom('figure_workflows')
    .innerJoin('plans', 'plans.id', 'figure_workflows.plan_id')
    .select(['plans.id', 'plans.code'])
    .distinct()
    .where('figure_workflows.state', '=', 'approved')
    .execute();
  if (plans.length === 0) return [];
  const used = await indicatorsUsedByPlans(
    db,
    plans.map((p) => Number(p.id)),
  );
  return plans.filter((p) => used.get(Number(p.id))?.has(indicator)).map((p) => p.code);
}

/**
 * The context of a change that approved figures rest on: the same context with the audit action set
 * when a reason is written; a `reason-required` {@link DomainError} when none is.
 *
 * @example
 * requireReason({ actor, reason: '' }, 'redefine', 'NQ-XI') // throws DomainError('reason-required')
 * requireReason({ actor, reason: 'Nghị quyết sửa đổi' }, 'redefine', 'NQ-XI') // { actor, reason: '…', action: 'redefine' }
 */
export function requireReason<C extends WriteContext>(ctx: C, action: string, subject: string): C {
  if (!reasonOf(ctx)) throw new DomainError('reason-required', [{ path: 'reason', subject, rule: action }]);
  return { ...ctx, action };
}

/** Refuse a write to an archived plan (the database refuses it too: 0400_constraints). */
export function assertPlanActive(plan: { state: string }): void {
  if (plan.state === 'archived') throw new DomainError('plan-archived');
}
