import { stepBody, workflowQuery, workflowResponse, workflowView } from '@chitieu/contract';
import {
  readWorkflows,
  takeWorkflowStep,
  unitAncestors,
  type WorkflowAction,
  type WorkflowState,
  workflowKey,
} from '@chitieu/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AccessRule } from '../../access.js';
import { auditActorOf } from '../../auth/plugin.js';
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
      const key = await workflowKey(db(), request.query.plan, request.query.unit);
      if (!key) throw new ApiError(404, 'not-found');
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
        const key = await workflowKey(db(), plan, unit);
        if (!key) throw new ApiError(404, 'not-found');
        const details: ErrorDetail[] = [];
        const chain = (await unitAncestors(db(), [key.unitId])).get(key.unitId) ?? [];
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
