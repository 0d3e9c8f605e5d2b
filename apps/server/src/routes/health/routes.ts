import { healthResponse } from '@chitieu/contract';
import { latestAppliedMigration } from '@chitieu/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, errorBodySchema } from '../../errors.js';
import { presentHealth } from './presenter.js';

/** `GET /health`: the server answers and its database does too (one real query). */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { access: { public: true } },
      schema: { response: { 200: healthResponse, 503: errorBodySchema } },
    },
    async (request) => {
      let migration: string;
      try {
        migration = await latestAppliedMigration(app.database);
      } catch (err) {
        request.log.error({ err }, 'health: database query failed');
        throw new ApiError(503, 'database-unavailable');
      }
      return presentHealth(app.database.dialect, migration);
    },
  );
};
