import { healthResponse, healthUnavailable } from '@chitieu/contract';
import { latestAppliedMigration } from '@chitieu/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody, unavailableError } from '../../errors.js';
import { languageOf } from '../../i18n.js';
import { presentHealth } from './presenter.js';

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
