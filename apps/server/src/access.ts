import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * Who may call a route. Every route declares one in `config.access`; registering a route
 * without a valid rule throws at start-up, so nothing is reachable by accident. Enforcement
 * (sessions, roles scoped to units) comes with the auth work and reads these rules.
 */
export type AccessRule =
  /** Anyone, signed in or not (health, login). */
  | { public: true }
  /** Any signed-in user. */
  | { signedIn: true }
  /**
   * Users holding `role` (or a stronger one) for the unit the request is about: the unit code
   * in route parameter `unitParam`, or anywhere when absent.
   */
  | { role: string; unitParam?: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
}

/**
 * Whether a value is a well-formed access rule.
 *
 * @example
 * isAccessRule({ public: true }) // true
 * isAccessRule({ public: false }) // false — say { signedIn: true } or a role instead
 */
export function isAccessRule(value: unknown): value is AccessRule {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v).sort().join(',');
  if (keys === 'public') return v.public === true;
  if (keys === 'signedIn') return v.signedIn === true;
  if (keys === 'role' || keys === 'role,unitParam') {
    return (
      typeof v.role === 'string' &&
      v.role !== '' &&
      (v.unitParam === undefined || typeof v.unitParam === 'string')
    );
  }
  return false;
}

/**
 * Make every later route registration fail loudly unless it declares `config.access`.
 *
 * @example
 * requireAccessRules(app);
 * app.get('/x', async () => 1); // throws: route GET /x declares no config.access
 */
export function requireAccessRules(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const access = (route.config as { access?: unknown } | undefined)?.access;
    if (!isAccessRule(access)) {
      const methods = [route.method].flat().join(',');
      throw new Error(
        `route ${methods} ${route.url} declares no valid config.access (e.g. { public: true } or { role: 'editor' })`,
      );
    }
  });
}
