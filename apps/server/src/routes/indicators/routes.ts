import {
  indicatorCreate,
  indicatorListQuery,
  indicatorOut,
  indicatorParams,
  indicatorPatch,
} from '@chitieu/contract';
import type { Indicator } from '@chitieu/core';
import {
  createIndicator,
  deleteIndicator,
  getIndicator,
  indicatorRow,
  listIndicators,
  updateIndicator,
} from '@chitieu/db';
import { applyDefaults } from '@chitieu/plan-file';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorBodySchema } from '../../errors.js';
import { deleteRoute, found, pageOf, patchRoute, presentPage, writeContext, writeErrors } from '../kit.js';
import { presentIndicator } from './presenter.js';

type IndicatorInput = z.infer<typeof indicatorCreate>;

/** An indicator with the plan file's defaults (decimals, trend, bounds by unit of measure). */
function withDefaults(input: IndicatorInput): Indicator {
  const i = applyDefaults({ format: 'chitieu.plan/1', indicators: [input] }).indicators[0] ?? input;
  return {
    ...i,
    decimals: i.decimals ?? 0,
    trend: i.trend ?? 'compound',
    aggregation: i.aggregation ?? 'sum',
  } as Indicator;
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
      const row = await createIndicator(db(), withDefaults(request.body), writeContext(request));
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
    load: async (p) => found(await getIndicator(db(), p.code)),
    update: async (current, version, patch, ctx) => {
      const all = indicatorRow(withDefaults({ ...presentIndicator(current), ...patch }));
      const columns = Object.fromEntries(Object.entries(all).filter(([k]) => patchTouches(patch, k)));
      return updateIndicator(db(), current.code, version, columns, ctx);
    },
    present: async (row) => presentIndicator(found(await getIndicator(db(), String(row.code)))),
  });

  deleteRoute(app, '/indicators/:code', {
    access: { role: 'manager', unit: 'global' },
    tags: ['indicators'],
    params: indicatorParams,
    load: async (p) => found(await getIndicator(db(), p.code)),
    remove: (current, version, ctx) => deleteIndicator(db(), current.code, version, ctx),
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
