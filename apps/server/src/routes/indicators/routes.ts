import {
  indicatorCreate,
  indicatorListQuery,
  indicatorOut,
  indicatorParams,
  indicatorPatch,
} from '@chitieu/contract';
import {
  createRecord,
  DomainError,
  type Executor,
  getIndicator,
  indicatorIds,
  listIndicators,
} from '@chitieu/db';
import { applyDefaults } from '@chitieu/plan-file';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorBodySchema } from '../../errors.js';
import { deleteRoute, found, pageOf, patchRoute, presentPage, writeContext, writeErrors } from '../kit.js';
import { presentIndicator } from './presenter.js';

const INDICATOR = { entity: 'indicator', code: (r: Record<string, unknown>) => String(r.code) };
type IndicatorInput = z.infer<typeof indicatorCreate>;

/** The weight indicator must exist. */
async function checkWeight(db: Executor, weight: string | null | undefined): Promise<void> {
  if (weight && !(await indicatorIds(db, [weight])).has(weight))
    throw new DomainError('unknown-reference', [{ path: 'weight', kind: 'indicator', subject: weight }]);
}

/** Columns of an indicator, with the plan file's defaults (decimals, trend, bounds by unit of measure). */
function indicatorColumns(input: IndicatorInput) {
  const i = applyDefaults({ format: 'chitieu.plan/1', indicators: [input] }).indicators[0] ?? input;
  return {
    code: i.code,
    name_vi: i.name.vi,
    name_en: i.name.en ?? null,
    measure: i.unit,
    direction: i.direction,
    decimals: i.decimals ?? 0,
    trend: i.trend ?? 'compound',
    aggregation: i.aggregation ?? 'sum',
    weight_code: i.weight ?? null,
    bound_min: i.bounds?.[0] ?? null,
    bound_max: i.bounds?.[1] ?? null,
    formula: i.formula ?? null,
  };
}

/** Indicators: the catalogue of measured quantities, shared by every plan. */
export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/indicators',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['indicators'],
        querystring: indicatorListQuery,
        response: { 200: pageOf(indicatorOut), 400: errorBodySchema },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return presentPage(
        await listIndicators(db(), filter, { limit, offset }),
        { limit, offset },
        presentIndicator,
      );
    },
  );

  app.post(
    '/indicators',
    {
      config: { access: { role: 'manager', unit: 'global' } },
      schema: {
        tags: ['indicators'],
        body: indicatorCreate,
        response: { 201: indicatorOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      await checkWeight(db(), request.body.weight);
      const row = await createRecord(
        db(),
        'indicators',
        INDICATOR,
        indicatorColumns(request.body),
        writeContext(request),
      );
      return reply.code(201).send(presentIndicator(row));
    },
  );

  app.get(
    '/indicators/:code',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['indicators'],
        params: indicatorParams,
        response: { 200: indicatorOut, 404: errorBodySchema },
      },
    },
    async (request) => presentIndicator(found(await getIndicator(db(), request.params.code))),
  );

  patchRoute(app, '/indicators/:code', {
    access: { role: 'manager', unit: 'global' },
    tags: ['indicators'],
    params: indicatorParams,
    body: indicatorPatch,
    response: indicatorOut,
    table: 'indicators',
    subject: INDICATOR,
    load: async (p) => found(await getIndicator(db(), p.code)),
    changes: async (patch, current) => {
      await checkWeight(db(), patch.weight);
      const all = indicatorColumns({ ...presentIndicator(current), ...patch });
      return { columns: Object.fromEntries(Object.entries(all).filter(([k]) => patchTouches(patch, k))) };
    },
    present: async (row) => presentIndicator(found(await getIndicator(db(), String(row.code)))),
  });

  deleteRoute(app, '/indicators/:code', {
    access: { role: 'manager', unit: 'global' },
    tags: ['indicators'],
    params: indicatorParams,
    table: 'indicators',
    subject: INDICATOR,
    load: async (p) => found(await getIndicator(db(), p.code)),
    present: async (row) => presentIndicator(found(await getIndicator(db(), String(row.code)))),
  });
};

/** Which columns a patch of API fields may change. */
const COLUMNS_OF: Record<string, string[]> = {
  code: ['code'],
  name: ['name_vi', 'name_en'],
  unit: ['measure', 'decimals', 'trend', 'bound_min', 'bound_max'],
  direction: ['direction'],
  decimals: ['decimals'],
  trend: ['trend'],
  aggregation: ['aggregation'],
  weight: ['weight_code'],
  bounds: ['bound_min', 'bound_max'],
  formula: ['formula'],
};
function patchTouches(patch: Record<string, unknown>, column: string): boolean {
  return Object.keys(patch).some((k) => patch[k] !== undefined && (COLUMNS_OF[k] ?? []).includes(column));
}
