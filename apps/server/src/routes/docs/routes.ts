import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

const DOCS_PREFIX = '/api/docs';

/**
 * The OpenAPI 3 description is generated from the routes' zod schemas; register this before any
 * route so every one is collected.
 *
 * @example await registerOpenApi(app); // then routes; GET /api/openapi.json, browse /api/docs
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'chitieu API',
        description:
          "Theo dõi thực hiện chỉ tiêu nghị quyết, kế hoạch / tracking how a plan's targets are met. Errors: { error: { code, message, details[] } }; messages in Accept-Language (vi default, en). Writes take the version read (body `version` or If-Match); a stale one gets 409 with the current record.",
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX });
}

/**
 * The documentation pages come from a plugin that declares no access rule: mark them public.
 * Must run before the access-rule check of every route (`requireAccessRules`).
 */
export function publicDocs(route: RouteOptions): void {
  if (route.url === DOCS_PREFIX || route.url.startsWith(`${DOCS_PREFIX}/`)) {
    route.config = { ...(route.config ?? {}), access: { public: true } };
  }
}
