import { healthResponse } from '@chitieu/contract';
import { latestAppliedMigration } from '@chitieu/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, errorBodySchema, unavailableError } from '../../errors.js';
import { languageOf } from '../../i18n.js';
import { presentHealth } from './presenter.js';

/** The 503 of `/health`: the API error shape, plus the fields a monitor reads on a 200. */
const healthUnavailable = errorBodySchema.extend({
  status: z.literal('unavailable'),
  database: z.literal('unavailable'),
  dialect: z.enum(['sqlite', 'postgres']),
});

/**
 * `GET /health`: the server answers and its database does too (one real query). While the database
 * is away: 503 with `Retry-After`, `status` and `database` both `unavailable`.
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { access: { public: true } },
      schema: { response: { 200: healthResponse, 503: healthUnavailable } },
    },
    async (request, reply) => {
      let migration: string;
      try {
        migration = await latestAppliedMigration(app.database);
      } catch (err) {
        const unavailable = unavailableError(err);
        request.log.warn({ err }, 'health: database query failed');
        const lang = languageOf(request.headers['accept-language']);
        return reply
          .code(503)
          .header('retry-after', String(unavailable?.retryAfterSeconds ?? 5))
          .send({
            status: 'unavailable' as const,
            database: 'unavailable' as const,
            dialect: app.database.dialect,
            ...errorBody(unavailable?.code ?? 'database-unavailable', lang),
          });
      }
      return presentHealth(app.database.dialect, migration);
    },
  );
};
