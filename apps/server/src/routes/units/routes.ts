import {
  lineageOut,
  reorganisationBody,
  unitCreate,
  unitFiguresOut,
  unitFiguresQuery,
  unitListQuery,
  unitOut,
  unitParams,
  unitPatch,
} from '@chitieu/contract';
import { createValueSource, describeDerivationReason } from '@chitieu/core';
import {
  createUnit,
  deleteUnit,
  getUnit,
  lineageOf,
  listFigures,
  listUnits,
  loadHierarchyData,
  reorganise,
  updateUnit,
} from '@chitieu/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../errors.js';
import {
  deleteRoute,
  found,
  langOf,
  pageOf,
  patchRoute,
  presentPage,
  writeContext,
  writeErrors,
} from '../kit.js';
import { presentLineage, presentUnit } from './presenter.js';

/**
 * Units: the administrative hierarchy with codes, validity and lineage; their figures over the
 * years with aggregation from the children; reorganisations (mergers and splits).
 */
export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/units',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['units'],
        querystring: unitListQuery,
        response: { 200: pageOf(unitOut), 400: errorBodySchema },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return presentPage(await listUnits(db(), filter, { limit, offset }), { limit, offset }, presentUnit);
    },
  );

  app.post(
    '/units',
    {
      config: {
        access: {
          role: 'manager',
          unit: { in: 'body', path: 'parent', is: 'unit-code', whenAbsent: 'global' },
        },
      },
      schema: { tags: ['units'], body: unitCreate, response: { 201: unitOut, ...writeErrors } },
    },
    async (request, reply) => {
      const b = request.body;
      const row = await createUnit(db(), b, writeContext(request));
      return reply.code(201).send(presentUnit(found(await getUnit(db(), row.code))));
    },
  );

  app.get(
    '/units/:code',
    {
      config: { access: { public: true } },
      schema: { tags: ['units'], params: unitParams, response: { 200: unitOut, 404: errorBodySchema } },
    },
    async (request) => presentUnit(found(await getUnit(db(), request.params.code))),
  );

  patchRoute(app, '/units/:code', {
    // The unit and, when it moves, its new parent must both be the caller's; moving it to the top needs a global role.
    access: {
      role: 'manager',
      unit: [
        { in: 'params', path: 'code', is: 'unit-code' },
        { in: 'body', path: 'parent', is: 'unit-code', whenAbsent: 'skip', whenNull: 'global' },
      ],
    },
    tags: ['units'],
    params: unitParams,
    body: unitPatch,
    response: unitOut,
    load: async (p) => found(await getUnit(db(), p.code)),
    update: (current, version, patch, ctx) => updateUnit(db(), current.code, version, patch, ctx),
    present: async (row) => presentUnit(found(await getUnit(db(), String(row.code)))),
  });

  deleteRoute(app, '/units/:code', {
    access: { role: 'manager', unitParam: 'code' },
    tags: ['units'],
    params: unitParams,
    load: async (p) => found(await getUnit(db(), p.code)),
    remove: (current, version, ctx) => deleteUnit(db(), current.code, version, ctx),
    present: async (row) => presentUnit(found(await getUnit(db(), String(row.code)))),
  });

  app.get(
    '/units/:code/lineage',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['units'],
        params: unitParams,
        response: { 200: z.array(lineageOut), 404: errorBodySchema },
      },
    },
    async (request) => {
      const unit = found(await getUnit(db(), request.params.code));
      return (await lineageOf(db(), unit.id)).map(presentLineage);
    },
  );

  app.post(
    '/reorganisations',
    {
      config: {
        access: {
          role: 'manager',
          unit: [
            { in: 'body', path: 'from[]', is: 'unit-code' },
            { in: 'body', path: 'to[]', is: 'unit-code' },
          ],
        },
      },
      schema: {
        tags: ['units'],
        description: 'Record a merger (several units into one) or a split (one unit into several).',
        body: reorganisationBody,
        response: { 201: z.array(lineageOut), ...writeErrors },
      },
    },
    async (request, reply) => {
      const steps = await reorganise(db(), request.body, writeContext(request));
      return reply.code(201).send(steps.map(presentLineage));
    },
  );

  app.get(
    '/units/:code/figures',
    {
      config: { access: { role: 'viewer', unitParam: 'code' } },
      schema: {
        tags: ['figures'],
        description:
          "A unit's figures of one indicator year by year: the entered figure, else by formula, else aggregated from the children (predecessors included after a merger).",
        params: unitParams,
        querystring: unitFiguresQuery,
        response: { 200: unitFiguresOut, 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const { code } = request.params;
      const { indicator } = request.query;
      const data = found(await loadHierarchyData(db(), code, [indicator]));
      const source = createValueSource(data);
      // A loop, not Math.min(...years): spreading a national hierarchy's values overflows the stack.
      let first = Number.POSITIVE_INFINITY;
      let last = Number.NEGATIVE_INFINITY;
      for (const v of data.values) {
        if (v.indicator !== indicator) continue;
        if (v.year < first) first = v.year;
        if (v.year > last) last = v.year;
      }
      const from = request.query.from ?? first;
      const to = request.query.to ?? last;
      const entered = await listFigures(
        db(),
        { unit: code, indicator, period: '' },
        { limit: 10_000, offset: 0 },
      );
      const enteredByYear = new Map<number, typeof entered.items>();
      for (const f of entered.items) {
        const list = enteredByYear.get(f.year);
        if (list) list.push(f);
        else enteredByYear.set(f.year, [f]);
      }
      const lang = langOf(request);
      const rows = [];
      for (let year = from; Number.isFinite(from) && year <= to && rows.length < 500; year++) {
        const r = source.resolve(code, indicator, year);
        rows.push({
          year,
          value: r.ok ? r.value.value : null,
          status: r.ok ? (r.value.status as 'official' | 'preliminary' | 'estimate') : null,
          origin: r.ok ? r.value.origin : null,
          derived: r.ok ? (r.value.derived ?? null) : null,
          reason: r.ok ? null : r.reasons.map((x) => describeDerivationReason(x, lang)).join('; ') || null,
          entered: (enteredByYear.get(year) ?? []).map((f) => ({
            id: Number(f.id),
            status: f.status,
            value: f.value,
            version: Number(f.version),
          })),
        });
      }
      return { unit: code, indicator, rows };
    },
  );
};
