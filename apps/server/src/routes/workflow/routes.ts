import { stepBody, workflowQuery, workflowResponse, workflowView } from '@chitieu/contract';
import {
  readWorkflows,
  takeWorkflowStep,
  unitAncestors,
  type WorkflowAction,
  type WorkflowState,
  workflowKey,
} from '@chitieu/db';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AccessRule } from '../../access.js';
import { plansReadableBy } from '../../auth/plan-scope.js';
import { auditActorOf, readableUnitIds } from '../../auth/plugin.js';
import { ApiError, type ErrorDetail } from '../../errors.js';
import { languageOf } from '../../i18n.js';

const unitInBody = { in: 'body', path: 'unit', is: 'unit-code' } as const;

/** Who may take each step: editors submit their units' figures, managers approve, return and reopen. */
const STEP_ACCESS: Record<WorkflowAction, AccessRule> = {
  submit: { role: 'editor', unit: unitInBody },
  approve: { role: 'manager', unit: unitInBody },
  return: { role: 'manager', unit: unitInBody },
  reopen: { role: 'manager', unit: unitInBody },
};

// The workflow's words (GLOSSARY.md: gửi duyệt / phê duyệt / mở lại).
const VI_ACTION: Record<WorkflowAction, string> = {
  submit: 'gửi duyệt',
  approve: 'phê duyệt',
  return: 'trả lại',
  reopen: 'mở lại',
};
const VI_STATE: Record<WorkflowState, string> = {
  draft: 'đang nhập',
  submitted: 'đã gửi duyệt',
  approved: 'đã phê duyệt',
  reopened: 'đã mở lại',
};

const SAY = {
  vi: {
    notInPlan: (unit: string, plan: string) => `Đơn vị ${unit} không thuộc phạm vi kế hoạch ${plan}.`,
    yearOutside: (from: number, to: number) => `Năm phải từ ${from} đến ${to}.`,
    reason: 'Cần ghi rõ lý do.',
    invalid: (action: WorkflowAction, from: WorkflowState) =>
      `Không thể ${VI_ACTION[action]} số liệu đang ở trạng thái "${VI_STATE[from]}".`,
  },
  en: {
    notInPlan: (unit: string, plan: string) => `Unit ${unit} is outside plan ${plan}.`,
    yearOutside: (from: number, to: number) => `The year must be from ${from} to ${to}.`,
    reason: 'A reason is required.',
    invalid: (action: WorkflowAction, from: WorkflowState) => `Cannot ${action} figures that are ${from}.`,
  },
};

type Key = NonNullable<Awaited<ReturnType<typeof workflowKey>>>;

/**
 * The workflow of `plan` × `unit`, or the answer for a plan code that names nothing. A plan the
 * caller may not read, and whose scope does not hold the unit, is answered as if it did not exist,
 * so its code's existence never leaks: 403 to anyone without a role on every unit (as for any code
 * that names nothing, auth/decide.ts), 404 to those with one. A plan whose scope holds the unit
 * (an ancestor's private plan) is the unit's own business, and gets the full answer.
 *
 * @example
 * const { key, chain } = await workflowOf(request, 'NQ-XI', '381'); // throws 403 for 'NQ-382' to a viewer of 381
 */
async function workflowOf(request: FastifyRequest, plan: string, unit: string) {
  const db = request.server.database.db;
  const key: Key | null = await workflowKey(db, plan, unit);
  const chain = key ? ((await unitAncestors(db, [key.unitId])).get(key.unitId) ?? []) : [];
  if (key && (chain.includes(key.planUnitId) || (await plansReadableBy(request, [plan])).has(plan)))
    return { key, chain };
  if ((await readableUnitIds(request)) === null) {
    if (key) return { key, chain };
    throw new ApiError(404, 'not-found');
  }
  throw new ApiError(403, 'forbidden');
}

/** `/workflow`: the figures of a plan × unit × year go draft → submitted → approved (locked) → reopened → … */
export const workflowRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/workflow',
    {
      config: { access: { role: 'viewer', unit: { in: 'query', path: 'unit', is: 'unit-code' } } },
      schema: { querystring: workflowQuery, response: { 200: workflowResponse } },
    },
    async (request) => {
      const { key } = await workflowOf(request, request.query.plan, request.query.unit);
      return {
        workflows: await readWorkflows(db(), {
          planId: key.planId,
          unitId: key.unitId,
          year: request.query.year,
        }),
      };
    },
  );

  for (const action of Object.keys(STEP_ACCESS) as WorkflowAction[]) {
    app.post(
      `/workflow/${action}`,
      {
        config: { access: STEP_ACCESS[action] },
        schema: { body: stepBody, response: { 200: workflowView } },
      },
      async (request) => {
        const say = SAY[languageOf(request.headers['accept-language'])];
        const { plan, unit, year, reason } = request.body;
        const { key, chain } = await workflowOf(request, plan, unit);
        const details: ErrorDetail[] = [];
        if (!chain.includes(key.planUnitId))
          details.push({ path: 'body.unit', message: say.notInPlan(unit, plan) });
        if (year < key.baselineYear || year > key.targetYear) {
          details.push({ path: 'body.year', message: say.yearOutside(key.baselineYear, key.targetYear) });
        }
        if (details.length > 0) throw new ApiError(400, 'validation-failed', details);
        const result = await takeWorkflowStep(db(), {
          planId: key.planId,
          unitId: key.unitId,
          year,
          action,
          reason,
          actor: auditActorOf(request),
        });
        if (result.ok) return result.workflow;
        const problem = result.problem;
        if (problem.code === 'reason-required') {
          throw new ApiError(400, 'validation-failed', [{ path: 'body.reason', message: say.reason }]);
        }
        if (problem.code === 'changed') throw new ApiError(409, 'workflow-changed');
        throw new ApiError(409, 'workflow-step-invalid', [
          { path: '', message: say.invalid(action, problem.from) },
        ]);
      },
    );
  }
};
