import { planParams, targetCreate, targetListQuery, targetOut, targetParams, targetPatch } from '@chitieu/contract';
import {
  createRecord,
  DomainError,
  type Executor,
  getPlan,
  getTarget,
  indicatorIds,
  listTargets,
  nextPosition,
} from '@chitieu/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorBodySchema } from '../../errors.js';
import {
  deleteRoute,
  found,
  listJson,
  pageOf,
  patchRoute,
  presentPage,
  writeContext,
  writeErrors,
} from '../kit.js';
import { presentTarget } from './presenter.js';

const TARGET = { entity: 'target' };
type TargetInput = z.infer<typeof targetCreate>;

/** Target columns from API fields; only the fields given. */
async function targetColumns(db: Executor, t: Partial<TargetInput>): Promise<Record<string, unknown>> {
  const c: Record<string, unknown> = {};
  if (t.code !== undefined) c.code = t.code;
  if (t.position !== undefined) c.position = t.position;
  if (t.group !== undefined) c.group_name = t.group ?? null;
  if (t.text !== undefined) {
    c.text_vi = t.text.vi;
    c.text_en = t.text.en ?? null;
  }
  if (t.indicator !== undefined) {
    const id = (await indicatorIds(db, [t.indicator])).get(t.indicator);
    if (id === undefined)
      throw new DomainError('unknown-reference', [
        { path: 'indicator', kind: 'indicator', subject: t.indicator },
      ]);
    c.indicator_id = id;
  }
  if (t.kind !== undefined) c.kind = t.kind;
  for (const k of ['value', 'low', 'high', 'input', 'expected', 'lead'] as const) {
    if (t[k] !== undefined) c[k] = t[k] ?? null;
  }
  if (t.coAgencies !== undefined) c.co_agencies = listJson(t.coAgencies);
  return c;
}

function checkRange(low: number | null | undefined, high: number | null | undefined): void {
  if (low != null && high != null && low > high)
    throw new DomainError('invalid', [{ path: 'low', rule: 'range-order' }]);
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
      const b = request.body;
      checkRange(b.low, b.high);
      const columns = await targetColumns(db(), {
        group: null,
        value: null,
        low: null,
        high: null,
        input: null,
        expected: null,
        lead: null,
        coAgencies: null,
        ...b,
      });
      const position =
        b.position ?? (await nextPosition(db(), 'targets', { column: 'plan_id', id: plan.id }));
      const row = await createRecord(
        db(),
        'targets',
        TARGET,
        { ...columns, plan_id: plan.id, position } as never,
        writeContext(request),
      );
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
    table: 'targets',
    subject: TARGET,
    load: (p) => targetOf(p.code, p.id),
    changes: async (patch, current) => {
      checkRange(
        patch.low === undefined ? current.low : patch.low,
        patch.high === undefined ? current.high : patch.high,
      );
      return { columns: await targetColumns(db(), patch) };
    },
    present: async (row) => presentTarget(found(await getTarget(db(), row.id))),
  });

  deleteRoute(app, '/plans/:code/targets/:id', {
    access: planWrite,
    tags: ['targets'],
    params: targetParams,
    table: 'targets',
    subject: TARGET,
    load: (p) => targetOf(p.code, p.id),
    present: async (row) => presentTarget(found(await getTarget(db(), row.id))),
  });
};
