import { planCreate, planListQuery, planOut, planParams, planPatch, planStateBody } from '@chitieu/contract';
import {
  createPlan,
  deletePlan,
  getPlan,
  listPlans,
  type PlanFields,
  setPlanArchived,
  updatePlan,
} from '@chitieu/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { readableUnitIds } from '../../auth/plugin.js';
import { errorBodySchema } from '../../errors.js';
import {
  deleteRoute,
  found,
  guarded,
  pageOf,
  patchRoute,
  presentPage,
  versionOf,
  writeContext,
  writeErrors,
} from '../kit.js';
import { presentPlan } from './presenter.js';

type PlanInput = z.infer<typeof planCreate>;

/** The API's plan fields as the command's: a field sent as null takes its default. */
function planFields<T extends Partial<PlanInput>>(p: T): Partial<PlanFields> {
  const out: Record<string, unknown> = { ...p };
  if ('kind' in p) out.kind = p.kind ?? 'other';
  if ('methodology' in p) out.methodology = p.methodology ?? 'chitieu';
  // Nothing said is private: a plan is public only when someone marks it so.
  if ('visibility' in p) out.visibility = p.visibility ?? 'private';
  return out as Partial<PlanFields>;
}

/** Plans: resolutions and socio-economic plans of a unit over a term. */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/plans',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['plans'],
        description: 'Plans, filtered: public plans, and the plans of the units the caller may read.',
        querystring: planListQuery,
        response: { 200: pageOf(planOut), 400: errorBodySchema },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      const visibleTo = await readableUnitIds(request);
      return presentPage(
        await listPlans(db(), { ...filter, visibleTo }, { limit, offset }),
        { limit, offset },
        presentPlan,
      );
    },
  );

  app.post(
    '/plans',
    {
      config: { access: { role: 'manager', unit: { in: 'body', path: 'unit', is: 'unit-code' } } },
      schema: { tags: ['plans'], body: planCreate, response: { 201: planOut, ...writeErrors } },
    },
    async (request, reply) => {
      const b = request.body;
      const fields = {
        ...b,
        ...planFields({ kind: b.kind, methodology: b.methodology, visibility: b.visibility }),
      };
      const row = await createPlan(db(), fields as PlanFields, writeContext(request));
      return reply.code(201).send(presentPlan(found(await getPlan(db(), row.code))));
    },
  );

  const planRead = {
    role: 'viewer',
    unit: { in: 'params', path: 'code', is: 'plan-code' },
    publicPlans: true,
  } as const;
  const planWrite = { role: 'manager', unit: { in: 'params', path: 'code', is: 'plan-code' } } as const;

  app.get(
    '/plans/:code',
    {
      config: { access: planRead },
      schema: { tags: ['plans'], params: planParams, response: { 200: planOut, 404: errorBodySchema } },
    },
    async (request) => presentPlan(found(await getPlan(db(), request.params.code))),
  );

  patchRoute(app, '/plans/:code', {
    // A move needs the plan's unit and its new unit both in the caller's reach.
    access: {
      role: 'manager',
      unit: [
        { in: 'params', path: 'code', is: 'plan-code' },
        { in: 'body', path: 'unit', is: 'unit-code', whenAbsent: 'skip' },
      ],
    },
    tags: ['plans'],
    params: planParams,
    body: planPatch,
    response: planOut,
    load: async (p) => found(await getPlan(db(), p.code)),
    update: async (current, version, patch, ctx) =>
      updatePlan(db(), current.code, version, planFields(patch), ctx),
    present: async (row) => presentPlan(found(await getPlan(db(), String(row.code)))),
  });

  deleteRoute(app, '/plans/:code', {
    access: planWrite,
    tags: ['plans'],
    description:
      'Delete a plan with its targets, programs and tasks (figures stay: they belong to units); a plan whose figures went through the workflow is archived instead.',
    params: planParams,
    load: async (p) => found(await getPlan(db(), p.code)),
    remove: (current, version, ctx) => deletePlan(db(), current.code, version, ctx),
    present: async (row) => presentPlan(found(await getPlan(db(), String(row.code)))),
  });

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `/plans/:code/${action}`,
      {
        config: { access: planWrite },
        schema: {
          tags: ['plans'],
          params: planParams,
          body: planStateBody,
          response: { 200: planOut, ...writeErrors },
        },
      },
      async (request) => {
        const plan = found(await getPlan(db(), request.params.code));
        const row = await guarded(
          () =>
            setPlanArchived(
              db(),
              plan.code,
              versionOf(request, request.body.version),
              archived,
              writeContext(request),
            ),
          async (now) => presentPlan(found(await getPlan(db(), String(now.code)))),
        );
        return presentPlan(found(await getPlan(db(), row.code)));
      },
    );
  }
};
