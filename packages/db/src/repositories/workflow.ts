import type { WorkflowAction, WorkflowState } from '../schema.js';
import { type Executor, withTransaction } from '../transaction.js';
import { type AuditActor, appendAudit } from './audit.js';

export type { WorkflowAction, WorkflowState } from '../schema.js';

/** The steps: from which states each action starts, where it leads, and whether it needs a reason. */
export const WORKFLOW_STEPS: Record<
  WorkflowAction,
  { from: readonly WorkflowState[]; to: WorkflowState; reason: boolean }
> = {
  submit: { from: ['draft', 'reopened'], to: 'submitted', reason: false },
  approve: { from: ['submitted'], to: 'approved', reason: false },
  return: { from: ['submitted'], to: 'draft', reason: true },
  reopen: { from: ['approved'], to: 'reopened', reason: true },
};

export type StepProblem =
  | { code: 'invalid-step'; from: WorkflowState; action: WorkflowAction }
  | { code: 'reason-required'; action: WorkflowAction };

/**
 * The state an action leads to, or why it cannot be taken. Pure.
 *
 * @example
 * nextWorkflowState('submitted', 'approve') // { ok: true, state: 'approved' }
 * nextWorkflowState('approved', 'reopen', '') // { ok: false, problem: { code: 'reason-required', action: 'reopen' } }
 * nextWorkflowState('draft', 'approve') // { ok: false, problem: { code: 'invalid-step', from: 'draft', action: 'approve' } }
 */
export function nextWorkflowState(
  from: WorkflowState,
  action: WorkflowAction,
  reason?: string | null,
): { ok: true; state: WorkflowState } | { ok: false; problem: StepProblem } {
  const step = WORKFLOW_STEPS[action];
  if (!step.from.includes(from)) return { ok: false, problem: { code: 'invalid-step', from, action } };
  if (step.reason && !reason?.trim()) return { ok: false, problem: { code: 'reason-required', action } };
  return { ok: true, state: step.to };
}

/** One recorded step: who, when, why. */
export interface WorkflowStepRecord {
  action: WorkflowAction;
  from: WorkflowState;
  to: WorkflowState;
  user: string | null;
  at: string;
  reason: string | null;
}

/** A workflow with its whole history. */
export interface WorkflowView {
  plan: string;
  unit: string;
  year: number;
  state: WorkflowState;
  steps: WorkflowStepRecord[];
}

/** Ids of a plan × unit × year named by codes; null when the plan or unit does not exist. */
export async function workflowKey(
  db: Executor,
  plan: string,
  unit: string,
): Promise<{
  planId: number;
  unitId: number;
  planUnitId: number;
  baselineYear: number;
  targetYear: number;
} | null> {
  const p = await db
    .selectFrom('plans')
    .select(['id', 'unit_id', 'baseline_year', 'target_year'])
    .where('code', '=', plan)
    .executeTakeFirst();
  const u = await db.selectFrom('units').select('id').where('code', '=', unit).executeTakeFirst();
  if (!p || !u) return null;
  return {
    planId: Number(p.id),
    unitId: Number(u.id),
    planUnitId: Number(p.unit_id),
    baselineYear: Number(p.baseline_year),
    targetYear: Number(p.target_year),
  };
}

/**
 * The workflows of a unit (of one plan, of one year, when given), with their steps; a year with
 * no row yet is a draft with no steps, and is not listed.
 */
export async function readWorkflows(
  db: Executor,
  filter: { planId?: number; unitId: number; year?: number },
): Promise<WorkflowView[]> {
  let q = db
    .selectFrom('figure_workflows')
    .innerJoin('plans', 'plans.id', 'figure_workflows.plan_id')
    .innerJoin('units', 'units.id', 'figure_workflows.unit_id')
    .select([
      'figure_workflows.id',
      'figure_workflows.year',
      'figure_workflows.state',
      'plans.code as plan',
      'units.code as unit',
    ])
    .where('figure_workflows.unit_id', '=', filter.unitId);
  if (filter.planId !== undefined) q = q.where('figure_workflows.plan_id', '=', filter.planId);
  if (filter.year !== undefined) q = q.where('figure_workflows.year', '=', filter.year);
  const rows = await q.orderBy('figure_workflows.year').orderBy('plans.code').execute();
  const steps = rows.length
    ? await db
        .selectFrom('workflow_steps')
        .selectAll()
        .where(
          'workflow_id',
          'in',
          rows.map((r) => Number(r.id)),
        )
        .orderBy('id')
        .execute()
    : [];
  return rows.map((r) => ({
    plan: r.plan,
    unit: r.unit,
    year: Number(r.year),
    state: r.state,
    steps: steps
      .filter((s) => Number(s.workflow_id) === Number(r.id))
      .map((s) => ({
        action: s.action,
        from: s.from_state,
        to: s.to_state,
        user: s.actor,
        at: s.at,
        reason: s.reason,
      })),
  }));
}

/**
 * Take one workflow step in one transaction: move the state (optimistically: a concurrent step
 * makes this one fail with `changed`), append the step, and audit it with old → new state.
 *
 * @example
 * await takeWorkflowStep(db, { planId: 1, unitId: 2, year: 2023, action: 'submit', actor })
 * // { ok: true, workflow: { state: 'submitted', steps: [{ action: 'submit', user: 'lan', … }], … } }
 */
export async function takeWorkflowStep(
  db: Executor,
  input: {
    planId: number;
    unitId: number;
    year: number;
    action: WorkflowAction;
    reason?: string | null;
    actor: AuditActor | null;
  },
): Promise<{ ok: true; workflow: WorkflowView } | { ok: false; problem: StepProblem | { code: 'changed' } }> {
  return withTransaction(db, async (trx) => {
    const at = new Date().toISOString();
    const current = await trx
      .selectFrom('figure_workflows')
      .select(['id', 'state', 'version'])
      .where('plan_id', '=', input.planId)
      .where('unit_id', '=', input.unitId)
      .where('year', '=', input.year)
      .executeTakeFirst();
    const from: WorkflowState = current?.state ?? 'draft';
    const next = nextWorkflowState(from, input.action, input.reason);
    if (!next.ok) return next;
    let workflowId: number;
    if (current) {
      const r = await trx
        .updateTable('figure_workflows')
        .set({ state: next.state, version: Number(current.version) + 1, updated_at: at })
        .where('id', '=', current.id)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return { ok: false, problem: { code: 'changed' } };
      workflowId = Number(current.id);
    } else {
      const row = await trx
        .insertInto('figure_workflows')
        .values({
          plan_id: input.planId,
          unit_id: input.unitId,
          year: input.year,
          state: next.state,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.columns(['plan_id', 'unit_id', 'year']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) return { ok: false, problem: { code: 'changed' } };
      workflowId = Number(row.id);
    }
    const reason = input.reason?.trim() || null;
    await trx
      .insertInto('workflow_steps')
      .values({
        workflow_id: workflowId,
        action: input.action,
        from_state: from,
        to_state: next.state,
        actor_id: input.actor?.userId ?? null,
        actor: input.actor?.username ?? null,
        at,
        reason,
      })
      .execute();
    const [workflow] = await readWorkflows(trx, {
      planId: input.planId,
      unitId: input.unitId,
      year: input.year,
    });
    if (!workflow) throw new Error('workflow row vanished inside its own transaction');
    await appendAudit(
      trx,
      {
        actor: input.actor,
        action: input.action,
        entity: 'workflow',
        id: `${workflow.plan}/${workflow.unit}/${input.year}`,
        unitId: input.unitId,
        old: { state: from },
        new: { state: next.state },
        reason,
      },
      at,
    );
    return { ok: true, workflow };
  });
}
