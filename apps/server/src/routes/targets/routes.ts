import {
  planParams,
  targetCreate,
  targetListQuery,
  targetOut,
  targetParams,
  targetPatch,
} from '@chitieu/contract';
import {
  createTarget,
  deleteTarget,
  getPlan,
  getTarget,
  listTargets,
  type TargetFields,
  updateTarget,
} from '@chitieu/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorBodySchema } from '../../errors.js';
import { deleteRoute, found, pageOf, patchRoute, presentPage, writeContext, writeErrors } from '../kit.js';
import { presentTarget } from './presenter.js';

type TargetInput = z.infer<typeof targetCreate>;

/** The API's target fields as the command's (`every` is not stored yet). */
function targetFields<T extends Partial<TargetInput>>(t: T): Partial<TargetFields> {
  const { every: _every, ...fields } = t;
  return fields as Partial<TargetFields>;
}

const planRead = {
  role: 'viewer',
  unit: { in: 'params', path: 'code', is: 'plan-code' },
  publicPlans: true,
} as const;
const planWrite = { role: 'manager', unit: { in: 'params', path: 'code', is: 'plan-code' } } as const;

/** Targets of a plan, grouped and ordered as in the resolution, each with its lead and coordinating agencies. */
export const targetRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  /** The target, when it belongs to the plan in the path. */
  const targetOf = async (plan: string, id: number) => {
    const t = await getTarget(db(), id);
    return found(t && t.plan_code === plan ? t : undefined);
  };

  app.get(
    '/plans/:code/targets',
    {
      config: { access: planRead },
      schema: {
        tags: ['targets'],
        params: planParams,
        querystring: targetListQuery,
        response: { 200: pageOf(targetOut), 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const plan = found(await getPlan(db(), request.params.code));
      const { limit, offset, ...filter } = request.query;
      return presentPage(
        await listTargets(db(), plan.id, filter, { limit, offset }),
        { limit, offset },
        presentTarget,
      );
    },
  );

  app.post(
    '/plans/:code/targets',
    {
      config: { access: planWrite },
      schema: {
        tags: ['targets'],
        params: planParams,
        body: targetCreate,
        response: { 201: targetOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const plan = found(await getPlan(db(), request.params.code));
      const fields = targetFields(request.body) as TargetFields;
      const row = await createTarget(db(), plan.code, fields, writeContext(request));
      return reply.code(201).send(presentTarget(found(await getTarget(db(), row.id))));
    },
  );

  app.get(
    '/plans/:code/targets/:id',
    {
      config: { access: planRead },
      schema: { tags: ['targets'], params: targetParams, response: { 200: targetOut, 404: errorBodySchema } },
    },
    async (request) => presentTarget(await targetOf(request.params.code, request.params.id)),
  );

  patchRoute(app, '/plans/:code/targets/:id', {
    access: planWrite,
    tags: ['targets'],
    params: targetParams,
    body: targetPatch,
    response: targetOut,
    load: (p) => targetOf(p.code, p.id),
    update: (current, version, patch, ctx) =>
      updateTarget(db(), current.id, version, targetFields(patch), ctx),
    present: async (row) => presentTarget(found(await getTarget(db(), row.id))),
  });

  deleteRoute(app, '/plans/:code/targets/:id', {
    access: planWrite,
    tags: ['targets'],
    params: targetParams,
    load: (p) => targetOf(p.code, p.id),
    remove: (current, version, ctx) => deleteTarget(db(), current.id, version, ctx),
    present: async (row) => presentTarget(found(await getTarget(db(), row.id))),
  });
};
