import { planCreate, planListQuery, planOut, planParams, planPatch } from '@chitieu/contract';
import { createRecord, DomainError, getPlan, listPlans, unitIds } from '@chitieu/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { readableUnitIds } from '../../auth/plugin.js';
import { errorBodySchema } from '../../errors.js';
import { deleteRoute, found, pageOf, patchRoute, presentPage, writeContext, writeErrors } from '../kit.js';
import { presentPlan } from './presenter.js';

const PLAN = {
  entity: 'plan',
  code: (r: Record<string, unknown>) => String(r.code),
  unitId: (r: Record<string, unknown>) => Number(r.unit_id),
};
type PlanInput = z.infer<typeof planCreate>;

/** Plan columns from API fields; only the fields given. */
function planColumns(p: Partial<PlanInput>): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  if (p.code !== undefined) c.code = p.code;
  if (p.title !== undefined) {
    c.title_vi = p.title.vi;
    c.title_en = p.title.en ?? null;
  }
  if (p.kind !== undefined) c.kind = p.kind ?? 'other';
  if (p.issuer !== undefined) c.issuer = p.issuer ?? null;
  if (p.baselineYear !== undefined) c.baseline_year = p.baselineYear;
  if (p.targetYear !== undefined) c.target_year = p.targetYear;
  if (p.methodology !== undefined) c.methodology = p.methodology ?? 'chitieu';
  if (p.bands !== undefined) c.bands = p.bands == null ? null : JSON.stringify(p.bands);
  if (p.bandLabels !== undefined) c.band_labels = p.bandLabels == null ? null : JSON.stringify(p.bandLabels);
  if (p.forecast !== undefined) {
    c.forecast_exceed = p.forecast?.exceed ?? null;
    c.forecast_complete = p.forecast?.complete ?? null;
  }
  // Nothing said is private: a plan is public only when someone marks it so.
  if (p.visibility !== undefined) c.visibility = p.visibility ?? 'private';
  return c;
}

function checkYears(baseline: number, target: number): void {
  if (target <= baseline) throw new DomainError('invalid', [{ path: 'targetYear', rule: 'year-order' }]);
}

async function unitIdOf(db: Parameters<typeof unitIds>[0], code: string): Promise<number> {
  const id = (await unitIds(db, [code])).get(code);
  if (id === undefined)
    throw new DomainError('unknown-reference', [{ path: 'unit', kind: 'unit', subject: code }]);
  return id;
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
      checkYears(b.baselineYear, b.targetYear);
      const columns = planColumns({ kind: 'other', methodology: 'chitieu', visibility: 'private', ...b });
      const row = await createRecord(
        db(),
        'plans',
        PLAN,
        { ...columns, unit_id: await unitIdOf(db(), b.unit) } as never,
        writeContext(request),
      );
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
    table: 'plans',
    subject: PLAN,
    load: async (p) => found(await getPlan(db(), p.code)),
    changes: async ({ unit, ...patch }, current) => {
      checkYears(patch.baselineYear ?? current.baseline_year, patch.targetYear ?? current.target_year);
      const columns = planColumns(patch);
      if (unit !== undefined) columns.unit_id = await unitIdOf(db(), unit);
      return { columns };
    },
    present: async (row) => presentPlan(found(await getPlan(db(), String(row.code)))),
  });

  deleteRoute(app, '/plans/:code', {
    access: planWrite,
    tags: ['plans'],
    description: 'Delete a plan with its targets, programs and tasks (figures stay: they belong to units).',
    params: planParams,
    table: 'plans',
    subject: PLAN,
    load: async (p) => found(await getPlan(db(), p.code)),
    present: async (row) => presentPlan(found(await getPlan(db(), String(row.code)))),
  });
};
