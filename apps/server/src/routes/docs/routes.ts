import { API_TAGS, endpointAt } from '@chitieu/contract';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { AccessRule } from '../../access.js';
import { SESSION_COOKIE } from '../../auth/plugin.js';

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
        description: [
          "Theo dõi thực hiện chỉ tiêu nghị quyết, kế hoạch / tracking how a plan's targets (chỉ tiêu) are met.",
          'Errors have one shape, `{ error: { code, message, details: [{ path, message }] } }`, in Accept-Language (Vietnamese by default, English). A body that breaks its schema is a 422 naming each field (an unknown one with the closest valid name); an unknown query parameter is a 400.',
          'Writes take the version read (body `version` or If-Match); a stale one gets 409 with the current record.',
          'Sign in with `POST /api/auth/login` (session cookie, and the CSRF token in `x-csrf-token` on writes) or send an API token as `Authorization: Bearer …`.',
          'The plan file and the evaluation and ranking JSON are described in docs/plan-format.md, the method in docs/methodology.md, in the repository.',
        ].join('\n\n'),
        version: '0.1.0',
        license: { name: 'MIT' },
        contact: { name: 'chitieu maintainers' },
      },
      // Replaced by the serving address on each request (openApiDocument).
      servers: [{ url: 'http://127.0.0.1:3000', description: 'A server started with `npm start`' }],
      tags: Object.entries(API_TAGS).map(([name, description]) => ({ name, description })),
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: (input) => describeOperation(input, jsonSchemaTransform(input)),
  });
  app.get(
    '/api/openapi.json',
    { config: { access: { public: true } }, schema: { hide: true } },
    async (request) => ({
      ...app.swagger(),
      servers: [{ url: `${request.protocol}://${request.host}`, description: 'This server' }],
    }),
  );
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX });
}

/** How a caller proves who they are: the session cookie (plus the CSRF header on writes) or a token. */
const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The session cookie `POST /api/auth/login` sets (a browser sends it by itself).',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description:
      'With the session cookie, every write sends the `csrfToken` the login or session answer gave.',
  },
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (`POST /api/tokens`): `Authorization: Bearer <token>`. No CSRF token needed.',
  },
} as const;

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];
type Transformed = ReturnType<typeof jsonSchemaTransform>;

/**
 * The operation's id, tag, summary and description from the contract's table of endpoints, and
 * the ways to authenticate it accepts (from its access rule).
 */
function describeOperation(input: TransformInput, out: Transformed): Transformed {
  const schema = (out.schema ?? {}) as Record<string, unknown>;
  if (schema.hide) return out;
  const method = String(Array.isArray(input.route.method) ? input.route.method[0] : input.route.method);
  const path = out.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
  const found = endpointAt(method, path);
  if (!found) return out;
  const [operationId, endpoint] = found;
  if (endpoint.hidden) return { ...out, schema: { hide: true } };
  const response = { ...((schema.response as Record<string, unknown> | undefined) ?? {}) };
  if (endpoint.files) {
    const file = { schema: { type: 'string', format: 'binary' } };
    response['200'] = {
      description: 'The file, with a Content-Disposition naming it.',
      content: Object.fromEntries(endpoint.files.map((type) => [type, file])),
    };
  }
  const access = (input.route.config as { access?: AccessRule } | undefined)?.access;
  return {
    ...out,
    schema: {
      ...schema,
      ...(endpoint.files ? { response } : {}),
      operationId,
      tags: [endpoint.tag],
      summary: endpoint.summary,
      description: access
        ? `${endpoint.description}\n\nWho may call it: ${whoMay(access)}`
        : endpoint.description,
      security: securityOf(method, access),
    },
  };
}

/** The access rule in a sentence. */
function whoMay(access: AccessRule): string {
  if ('public' in access) return 'anyone, signed in or not.';
  if ('signedIn' in access) return 'any signed-in user.';
  if (access.unit === 'global')
    return `a user with the ${access.role} role (or a stronger one) on every unit.`;
  const who = `a user with the ${access.role} role (or a stronger one) on the unit concerned or a unit above it`;
  return access.publicPlans ? `${who}; anyone for a public plan.` : `${who}.`;
}

/** Anonymous callers too for a public route; the CSRF header with the cookie on a write. */
function securityOf(method: string, access: AccessRule | undefined): Record<string, string[]>[] {
  const write = method !== 'GET' && method !== 'HEAD';
  const session: Record<string, string[]> = write ? { session: [], csrf: [] } : { session: [] };
  const ways: Record<string, string[]>[] = [session, { bearer: [] }];
  const open = access !== undefined && ('public' in access || 'publicPlans' in access);
  return open ? [...ways, {}] : ways;
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
