import { evaluationOut, evaluationQuery, planParams, rankingOut, rankingQuery } from '@chitieu/contract';
import { createValueSource, evaluatePlan, rankUnits } from '@chitieu/core';
import {
  DomainError,
  earliestBaselineYear,
  getIndicator,
  getUnit,
  loadEvaluationData,
  loadHierarchyData,
} from '@chitieu/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { rankingForReader } from '../../auth/ranking-scope.js';
import { ApiError, errorBodySchema } from '../../errors.js';
import { found, langOf } from '../kit.js';
import { VersionedCache } from './cache.js';
import { refuseImplausibleYears, refuseYearOutsideTerm } from './years.js';

/**
 * The CLI's `--json` bytes: two-space JSON and a final newline. Sent as bytes, so no serializer
 * reorders or drops a field (the response schema documents the shape), and a cached answer is
 * encoded to UTF-8 once, not on every send.
 */
const asCliJson = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

/**
 * Evaluations and rankings computed by the core from the database, byte for byte what
 * `chitieu evaluate --json` and `chitieu rank --json` print for the same data. A plan's data loads
 * in a constant number of queries; answers are kept only while the data version is unchanged
 * (cache.ts), so a read after a write is always fresh.
 */
export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const cache = new VersionedCache<Buffer>(1000);

  app.get(
    '/plans/:code/evaluation',
    {
      config: {
        access: { role: 'viewer', unit: { in: 'params', path: 'code', is: 'plan-code' }, publicPlans: true },
      },
      schema: {
        tags: ['evaluation'],
        description:
          'The evaluation of a plan as of a year (docs/plan-format.md "Evaluation output"), in ?lang= or Accept-Language.',
        params: planParams,
        querystring: evaluationQuery,
        response: { 200: evaluationOut, 400: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const { year } = request.query;
      const lang = langOf(request);
      const body = await cache.get(
        db(),
        `evaluation|${code}|${year}|${lang}`,
        async () => {
          const data = await loadEvaluationData(db(), code);
          const plan = data?.plans[0];
          if (!data || !plan) throw new ApiError(404, 'not-found');
          refuseYearOutsideTerm(request, year, plan);
          const values = createValueSource(data);
          return asCliJson(evaluatePlan({ plan, indicators: data.indicators, values, asOf: year, lang }));
        },
        request.dataVersion, // read by the access check with the plan: any read after arrival will do
      );
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );

  app.get(
    '/rankings',
    {
      config: { access: { role: 'viewer', unit: { in: 'query', path: 'parent', is: 'unit-code' } } },
      schema: {
        tags: ['evaluation'],
        description:
          'Sibling units ranked on an indicator (docs/plan-format.md "Ranking output"); `since` defaults to the earliest plan baseline year.',
        querystring: rankingQuery,
        response: { 200: rankingOut, 400: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const missing = [
        ...((await getIndicator(db(), q.indicator))
          ? []
          : [{ path: 'indicator', kind: 'indicator' as const, subject: q.indicator }]),
        ...(q.parent === undefined || (await getUnit(db(), q.parent))
          ? []
          : [{ path: 'parent', kind: 'unit' as const, subject: q.parent }]),
      ];
      if (missing.length > 0) throw new DomainError('unknown-reference', missing);
      await refuseImplausibleYears(db(), request, { year: q.year, since: q.since });
      const key = `ranking|${q.indicator}|${q.year}|${q.by}|${q.parent ?? ''}|${q.since ?? ''}`;
      const body = await cache.get(db(), key, async () => {
        const data = found(await loadHierarchyData(db(), q.parent ?? null, [q.indicator]));
        const since = q.by === 'growth' ? (q.since ?? (await earliestBaselineYear(db()))) : null;
        const values = createValueSource(data);
        const parent = q.parent ?? null;
        return asCliJson(
          rankUnits({ data, values, indicator: q.indicator, year: q.year, by: q.by, parent, since }),
        );
      });
      // Cached for everyone; a predecessor merged in from another subtree is left out per reader.
      const shown = await rankingForReader(request, JSON.parse(body.toString('utf8')));
      return reply.type('application/json; charset=utf-8').send((shown ? asCliJson(shown) : body) as never);
    },
  );
};
