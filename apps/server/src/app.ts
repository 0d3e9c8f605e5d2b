import type { DatabaseHandle } from '@chitieu/db';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAccessRules } from './access.js';
import { type AuthSettings, installAuth } from './auth/plugin.js';
import { installErrorHandling } from './errors.js';
import { installInputGuard } from './input-guard.js';
import { DEFAULT_SERVICE_LIMITS, type ServiceLimits } from './limits.js';
import { auditRoutes } from './routes/audit/routes.js';
import { authRoutes } from './routes/auth/routes.js';
import { publicDocs, registerOpenApi } from './routes/docs/routes.js';
import { evaluationRoutes } from './routes/evaluation/routes.js';
import { figureRoutes } from './routes/figures/routes.js';
import { healthRoutes } from './routes/health/routes.js';
import { indicatorRoutes } from './routes/indicators/routes.js';
import { planFileRoutes } from './routes/plan-files/routes.js';
import { planRoutes } from './routes/plans/routes.js';
import { programRoutes } from './routes/programs/routes.js';
import { reportRoutes } from './routes/reports/routes.js';
import { targetRoutes } from './routes/targets/routes.js';
import { tokenRoutes } from './routes/tokens/routes.js';
import { unitRoutes } from './routes/units/routes.js';
import { userRoutes } from './routes/users/routes.js';
import { workflowRoutes } from './routes/workflow/routes.js';
import { refuseUndeclaredQuery, validatorCompiler } from './validation.js';
import { webApp } from './web.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The open database every route works on. */
    database: DatabaseHandle;
  }
}

export interface AppOptions {
  database: DatabaseHandle;
  /** pino options, or false for silence (tests). Default: info-level JSON logs. */
  logger?: FastifyServerOptions['logger'];
  /** Session lifetimes, lock-out, login rate, clock (auth/plugin.ts); defaults suit production. */
  auth?: Partial<AuthSettings>;
  /** Anonymous report rate and PDF queue (limits.ts); defaults suit production. */
  limits?: Partial<ServiceLimits>;
  /**
   * Trust `X-Forwarded-For/-Proto/-Host` from a reverse proxy (`TRUST_PROXY`): true, a hop count,
   * or the proxies' addresses (`'10.0.0.1,10.0.0.0/8'`). Then the client's address is the one the
   * proxy saw (audit, lock-out) and the session cookie is `Secure` behind TLS. Default: false.
   */
  trustProxy?: boolean | number | string;
}

/** Fastify's form of `trustProxy`: a hop count becomes the function proxy-addr calls per hop. */
function trustedProxies(
  setting: AppOptions['trustProxy'],
): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting ?? false;
}

/**
 * Build the HTTP application without listening: tests call it in-process with `inject()`,
 * `startServer` puts it on a port. Routes live in `routes/<resource>/{routes,schema,presenter}.ts`
 * and each must declare `config.access`.
 *
 * @example
 * const app = await buildApp({ database: handle, logger: false });
 * const res = await app.inject({ url: '/api/health' }); // 200 { status: 'ok', … }
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: process.env.LOG_LEVEL ?? 'info' },
    // Let in-flight requests finish on close; new ones get 503 meanwhile.
    return503OnClosing: true,
    trustProxy: trustedProxies(options.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', options.database);
  app.decorate('limits', { ...DEFAULT_SERVICE_LIMITS, ...options.limits });
  // A connection PostgreSQL drops (restart, failover) is logged, not fatal; requests meanwhile get 503.
  const stopListening = options.database.onConnectionError((err) =>
    app.log.warn({ err }, 'database connection lost'),
  );
  app.addHook('onClose', async () => stopListening());
  app.addHook('onRoute', publicDocs); // before the access check: the docs plugin declares no rule
  app.addHook('onRoute', refuseUndeclaredQuery);
  requireAccessRules(app);
  installErrorHandling(app);
  installInputGuard(app); // before auth: its hooks read the database
  await installAuth(app, options.auth);

  await registerOpenApi(app);
  await app.register(healthRoutes, { prefix: '/api' });
  for (const routes of [
    unitRoutes,
    indicatorRoutes,
    planRoutes,
    targetRoutes,
    programRoutes,
    figureRoutes,
    evaluationRoutes,
    reportRoutes,
    planFileRoutes,
  ]) {
    await app.register(routes, { prefix: '/api' });
  }
  for (const routes of [authRoutes, userRoutes, tokenRoutes, auditRoutes, workflowRoutes]) {
    await app.register(routes, { prefix: '/api' });
  }
  await app.register(webApp); // the web app at `/`: last, so every API route wins on a match
  return app;
}
