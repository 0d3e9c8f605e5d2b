import { ROLES, type Role, SUBJECT_KINDS, type SubjectKind } from '@chitieu/db';
import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * Where a route finds the unit a request is about: a path parameter, query field or body field
 * (`values[].unit` reads a field of every element of a list), and what the value names.
 */
export interface UnitLocator {
  in: 'params' | 'query' | 'body';
  path: string;
  is: SubjectKind;
  /**
   * When the request has no value there (an optional field left out). Nothing found is never
   * permission: by default (and with `'global'`) only a role on every unit will do — creating a
   * top-level unit is no business of a manager of one district.
   * - `'skip'`: leaving the field out changes nothing whose the request is (an update that does
   *   not move the record); another locator of the rule must still find the record's unit.
   * - `'filtered'`: an optional list filter; left out, the route lists only what the caller may
   *   read (`readableUnitIds`), so any holder of the role may call it.
   */
  whenAbsent?: 'global' | 'skip' | 'filtered';
  /**
   * When the request sets the field to null (e.g. an update moving a unit to the top of the
   * hierarchy): `'global'` asks for a role on every unit. Default: as if the field were absent.
   */
  whenNull?: 'global';
}

/** Where a route finds the indicator codes an editor writes (editors may be limited to some). */
export interface IndicatorLocator {
  in: 'params' | 'query' | 'body';
  path: string;
}

/**
 * Who may call a route. Every route declares one in `config.access`; registering a route
 * without a valid rule throws at start-up, so nothing is reachable by accident. The auth plugin
 * (auth/plugin.ts) enforces it before validation: 401 for nobody signed in, 403 otherwise.
 */
export type AccessRule =
  /** Anyone, signed in or not (health, login). */
  | { public: true }
  /** Any signed-in user, whatever their roles (own session, own password). */
  | { signedIn: true }
  /**
   * Users holding `role` (or a stronger one) on the unit(s) the request is about: a role on a
   * unit covers its whole subtree; a role without a unit covers every unit.
   * - `unit`: the locator(s); every unit found must be covered. `'any'` (the default): a role on
   *   any unit will do, and the route shows only what the caller may see (`readableUnitIds`).
   *   `'global'`: only a role on every unit (user administration).
   * - `unitParam`: shorthand for `unit: { in: 'params', path: unitParam, is: 'unit-code' }`.
   * - `publicPlans`: on GET, when the units were found through plans that are all public,
   *   anyone may read, signed in or not.
   * - `indicator`: where the request names the indicators it writes. On every `role: 'editor'`
   *   rule an editor limited to some indicators must hold each indicator the request concerns
   *   (these, and those of the figures it addresses by id); a request whose indicators cannot be
   *   told (a whole unit's workflow, a task) is refused to a limited editor.
   * A value that names nothing (an unknown code or id) or is not a well-formed id cannot be
   * attributed to a unit: it is refused to anyone without a role on every unit (who gets the
   * route's 404); a malformed id is a 400 before anything else.
   */
  | {
      role: Role;
      unitParam?: string;
      unit?: UnitLocator | UnitLocator[] | 'any' | 'global';
      indicator?: IndicatorLocator;
      publicPlans?: true;
    };

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
 * isAccessRule({ role: 'editor', unit: { in: 'body', path: 'values[].unit', is: 'unit-code' } }) // true
 */
export function isAccessRule(value: unknown): value is AccessRule {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v).sort().join(',');
  if (keys === 'public') return v.public === true;
  if (keys === 'signedIn') return v.signedIn === true;
  const allowed = new Set(['role', 'unitParam', 'unit', 'indicator', 'publicPlans']);
  if (!('role' in v) || !Object.keys(v).every((k) => allowed.has(k))) return false;
  const locators = Array.isArray(v.unit) ? v.unit : [v.unit];
  return (
    ROLES.includes(v.role as Role) &&
    (v.unitParam === undefined || (typeof v.unitParam === 'string' && v.unitParam !== '')) &&
    (v.unit === undefined || v.unit === 'any' || v.unit === 'global' || locators.every(isUnitLocator)) &&
    (v.indicator === undefined || isPlace(v.indicator)) &&
    (v.publicPlans === undefined || v.publicPlans === true)
  );
}

function isPlace(value: unknown): value is IndicatorLocator {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['params', 'query', 'body'].includes(v.in as string) && typeof v.path === 'string' && v.path !== '';
}

function isUnitLocator(value: unknown): value is UnitLocator {
  if (!isPlace(value)) return false;
  const v = value as { is?: unknown; whenAbsent?: unknown; whenNull?: unknown };
  return (
    SUBJECT_KINDS.includes(v.is as SubjectKind) &&
    (v.whenAbsent === undefined || ['global', 'skip', 'filtered'].includes(v.whenAbsent as string)) &&
    (v.whenNull === undefined || v.whenNull === 'global')
  );
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
