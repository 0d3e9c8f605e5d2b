/**
 * Plan commands: create, change, archive, restore and delete a plan. What approval protects: a plan
 * with approved years changes only with a written reason (audited as `update-approved`); a plan whose
 * figures went through the workflow is never deleted (its approval steps are kept for good), only
 * archived — readable, no longer editable, out of the lists unless asked for.
 */
import type { Plan } from '@chitieu/core';
import type { Selectable } from 'kysely';
import { appendAudit, changedFields } from '../repositories/audit.js';
import { getPlan, type PlanRecord, unitIds } from '../repositories/domain.js';
import { createRecord, DomainError, deleteRecord, nowIso, updateRecord } from '../repositories/records.js';
import { planOfRow, planRow } from '../repositories/row-mapping.js';
import type { PlanTable } from '../schema.js';
import type { Executor } from '../transaction.js';
import {
  approvedYears,
  assertPlanActive,
  hasWorkflowHistory,
  requireReason,
  UPDATE_APPROVED_ACTION,
} from './approvals.js';
import type { CommandContext } from './context.js';
import { planProblems } from './rules.js';

/** A plan's own fields, its unit by code (targets and programs have their own commands). */
export type PlanFields = Omit<Plan, 'targets' | 'programs'>;

/** How the audit log names a plan. */
export const PLAN_SUBJECT = {
  entity: 'plan',
  code: (r: Record<string, unknown>) => String(r.code),
  unitId: (r: Record<string, unknown>) => Number(r.unit_id),
};

async function unitIdOf(db: Executor, code: string): Promise<number> {
  const id = (await unitIds(db, [code])).get(code);
  if (id === undefined)
    throw new DomainError('unknown-reference', [{ path: 'unit', kind: 'unit', subject: code }]);
  return id;
}

function check(p: Pick<PlanFields, 'baselineYear' | 'targetYear'>): void {
  const problems = planProblems(p);
  if (problems.length > 0) throw new DomainError('invalid', problems);
}

/**
 * Create a plan (private unless `visibility` says otherwise), audited.
 *
 * @example
 * await createPlan(db, { code: 'NQ-XI', title: { vi: 'Nghị quyết XI' }, unit: '38', kind: 'party-resolution',
 *   baselineYear: 2020, targetYear: 2025, methodology: 'chitieu' }, ctx) // { id: 4, code: 'NQ-XI', version: 1, … }
 */
export async function createPlan(
  db: Executor,
  input: PlanFields,
  ctx: CommandContext = {},
): Promise<Selectable<PlanTable>> {
  check(input);
  const row = planRow(input, await unitIdOf(db, input.unit));
  return createRecord(db, 'plans', PLAN_SUBJECT, { visibility: 'private', ...row }, ctx);
}

/** The plan by code, or a `not-found` DomainError. */
async function planNamed(db: Executor, code: string): Promise<PlanRecord> {
  const plan = await getPlan(db, code);
  if (!plan) throw new DomainError('not-found');
  return plan;
}

/**
 * Change a plan's own fields when `version` is current. An archived plan refuses (`plan-archived`);
 * a plan with approved years needs `ctx.reason` (else `reason-required`) and the change is audited
 * as `update-approved`.
 *
 * @example
 * await updatePlan(db, 'NQ-XI', 3, { targetYear: 2026 }, { actor, reason: 'Nghị quyết điều chỉnh số 12' })
 */
export async function updatePlan(
  db: Executor,
  code: string,
  version: number,
  patch: Partial<PlanFields>,
  ctx: CommandContext = {},
): Promise<Selectable<PlanTable>> {
  const current = await planNamed(db, code);
  assertPlanActive(current);
  const next = { ...planOfRow(current), unit: current.unit_code, ...patch };
  check(next);
  const unitId = patch.unit === undefined ? current.unit_id : await unitIdOf(db, patch.unit);
  const columns: Record<string, unknown> = planRow(next, unitId);
  const changed = changedFields(
    Object.fromEntries(Object.keys(columns).map((k) => [k, (current as Record<string, unknown>)[k]])),
    columns,
  );
  const years = changed ? await approvedYears(db, current.id) : [];
  const context = years.length > 0 ? requireReason(ctx, UPDATE_APPROVED_ACTION, code) : ctx;
  return updateRecord(db, 'plans', PLAN_SUBJECT, current.id, version, columns, context);
}

/**
 * Archive a plan (kept with its figures and approvals, no longer editable) or make it active again.
 * Audited as `archive` / `restore`.
 *
 * @example await setPlanArchived(db, 'NQ-X', 5, true, ctx) // state: 'archived', version 6
 */
export async function setPlanArchived(
  db: Executor,
  code: string,
  version: number,
  archived: boolean,
  ctx: CommandContext = {},
): Promise<Selectable<PlanTable>> {
  const current = await planNamed(db, code);
  return updateRecord(
    db,
    'plans',
    PLAN_SUBJECT,
    current.id,
    version,
    { state: archived ? 'archived' : 'active' },
    { ...ctx, action: archived ? 'archive' : 'restore' },
  );
}

/**
 * Delete a plan with its targets, programs, tasks and progress notes — only while its figures never
 * went through the workflow (else `plan-reviewed`: archive it) and it is not archived. Everything
 * removed gets its own `delete` audit entry with the record as it was (and its target links), in the
 * same transaction as the delete; figures stay (they belong to units).
 *
 * @example await deletePlan(db, 'DRAFT-1', 2, ctx)
 */
export async function deletePlan(
  db: Executor,
  code: string,
  version: number,
  ctx: CommandContext = {},
): Promise<void> {
  const current = await planNamed(db, code);
  assertPlanActive(current);
  if (await hasWorkflowHistory(db, current.id)) throw new DomainError('plan-reviewed');
  await deleteRecord(db, 'plans', PLAN_SUBJECT, current.id, version, ctx, {
    before: (trx) => auditRemovedParts(trx, current, ctx),
  });
}

/** One `delete` entry per target, program, task and note a plan's delete removes. */
async function auditRemovedParts(trx: Executor, plan: PlanRecord, ctx: CommandContext): Promise<void> {
  const at = nowIso();
  const targets = await trx.selectFrom('targets').selectAll().where('plan_id', '=', plan.id).execute();
  const programs = await trx.selectFrom('programs').selectAll().where('plan_id', '=', plan.id).execute();
  const programIds = programs.map((p) => p.id);
  const tasks = programIds.length
    ? await trx.selectFrom('tasks').selectAll().where('program_id', 'in', programIds).execute()
    : [];
  const taskIds = tasks.map((t) => t.id);
  const notes = taskIds.length
    ? await trx.selectFrom('progress_notes').selectAll().where('task_id', 'in', taskIds).execute()
    : [];
  const programLinks = programIds.length
    ? await trx.selectFrom('program_targets').selectAll().where('program_id', 'in', programIds).execute()
    : [];
  const taskLinks = taskIds.length
    ? await trx.selectFrom('task_targets').selectAll().where('task_id', 'in', taskIds).execute()
    : [];
  const targetCode = new Map(targets.map((t) => [t.id, t.code]));
  const linked = (links: { target_id: number }[]) =>
    links.map((l) => targetCode.get(l.target_id) ?? l.target_id);
  const removed: [string, { id: number }, unknown][] = [
    ...targets.map((t): [string, { id: number }, unknown] => ['target', t, t]),
    ...programs.map((p): [string, { id: number }, unknown] => [
      'program',
      p,
      { ...p, targets: linked(programLinks.filter((l) => l.program_id === p.id)) },
    ]),
    ...tasks.map((t): [string, { id: number }, unknown] => [
      'task',
      t,
      { ...t, targets: linked(taskLinks.filter((l) => l.task_id === t.id)) },
    ]),
    ...notes.map((n): [string, { id: number }, unknown] => ['progress-note', n, n]),
  ];
  for (const [entity, row, old] of removed) {
    await appendAudit(
      trx,
      {
        actor: ctx.actor ?? null,
        action: 'delete',
        entity,
        id: row.id,
        unitId: plan.unit_id,
        old,
        reason: ctx.reason ?? null,
        details: { plan: plan.code },
      },
      at,
    );
  }
}
