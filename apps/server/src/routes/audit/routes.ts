import { auditQuery, auditResponse, figureHistoryQuery, figureHistoryResponse } from '@chitieu/contract';
import { figureEntityCode, listAudit, readWorkflows } from '@chitieu/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { plansReadableBy } from '../../auth/plan-scope.js';
import { readableUnitIds } from '../../auth/plugin.js';
import { ApiError } from '../../errors.js';

/** `/audit`: the audit trail, filtered, and the whole story of one figure. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/audit',
    {
      // Any reader; each sees the entries of the units they may read (global readers: all).
      config: { access: { role: 'viewer', unit: 'any' } },
      schema: { querystring: auditQuery, response: { 200: auditResponse } },
    },
    async (request) => {
      const q = request.query;
      const entries = await listAudit(db(), {
        entity: q.entity,
        id: q.id,
        user: q.user,
        unit: q.unit,
        indicator: q.indicator,
        action: q.action,
        from: q.from,
        to: q.to,
        beforeId: q.before,
        limit: q.limit,
        unitIds: await readableUnitIds(request),
      });
      return { entries };
    },
  );

  app.get(
    '/audit/figure',
    {
      config: { access: { role: 'viewer', unit: { in: 'query', path: 'unit', is: 'unit-code' } } },
      schema: { querystring: figureHistoryQuery, response: { 200: figureHistoryResponse } },
    },
    async (request) => {
      const { unit, indicator, year, period } = request.query;
      const row = await db().selectFrom('units').select('id').where('code', '=', unit).executeTakeFirst();
      if (!row) throw new ApiError(404, 'not-found');
      const figure = figureEntityCode({ unit, indicator, year, period });
      const entries = await listAudit(db(), { entity: 'figure', id: figure, limit: 1000 });
      const all = await readWorkflows(db(), { unitId: Number(row.id), year });
      // The steps under a plan the caller may not read (an ancestor's private plan) stay hidden.
      const readable = await plansReadableBy(
        request,
        all.map((w) => w.plan),
      );
      const workflows = all.filter((w) => readable.has(w.plan));
      return { figure, entries, workflows };
    },
  );
};
