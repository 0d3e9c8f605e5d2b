import {
  type AuditActor,
  findApiToken,
  findSession,
  ROLES,
  type Role,
  resolveSubjects,
  rolesOf,
  touchSession,
  unitAncestors,
  unitSubtree,
} from '@chitieu/db';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { AccessRule } from '../access.js';
import { ApiError } from '../errors.js';
import { type Actor, decideAccess, type RequestSubjects, unitLocators, valuesAt } from './decide.js';
import { csrfTokenOf, sameDigest, sha256 } from './secrets.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user (session cookie or Bearer token), or null. */
    actor: Actor | null;
    /**
     * The data version, when the access check read it in the same statement as the request's plan
     * (one round trip fewer for cached evaluations); null otherwise.
     */
    dataVersion: number | null;
  }
  interface FastifyInstance {
    /** Every route with its access rule, as registered (the authorization matrix reads it). */
    accessCatalogue: { method: string; url: string; access: AccessRule }[];
    /** The auth settings in force. */
    authSettings: AuthSettings;
  }
}

/** Session, lock-out and rate settings; every one has a default. */
export interface AuthSettings {
  /** A session ends after this long without a request (default 1 hour). */
  idleMs: number;
  /** …and this long after sign-in whatever happens (default 12 hours). */
  absoluteMs: number;
  /** Failed sign-ins for one user name within `lockoutWindowMs` that lock it (default 5 in 15 minutes). */
  lockoutFailures: number;
  lockoutWindowMs: number;
  /** Sign-in attempts per minute from one address (default 20). */
  loginPerMinute: number;
  /** Send the cookie with `Secure` (default: when the request came over HTTPS). */
  secureCookie?: boolean;
  /** The clock (tests move it). */
  now: () => Date;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  idleMs: 60 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
  lockoutFailures: 5,
  lockoutWindowMs: 15 * 60_000,
  loginPerMinute: 20,
  now: () => new Date(),
};

/** Name of the session cookie. */
export const SESSION_COOKIE = 'chitieu_session';
/** Header that carries the CSRF token on cookie-authenticated writes. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The audit actor of a request: its user, and the client's address.
 *
 * @example
 * await appendAudit(trx, { actor: auditActorOf(request), action: 'update', entity: 'target', … });
 */
export function auditActorOf(request: FastifyRequest): AuditActor | null {
  return request.actor
    ? { userId: request.actor.userId, username: request.actor.username, ip: request.ip }
    : null;
}

/**
 * Install authentication and authorization on the root instance, before any route:
 * security headers (helmet), cookies, the login rate limit, `request.actor` from the session
 * cookie or a Bearer token, CSRF on cookie-authenticated writes, and the enforcement of every
 * route's `config.access` (401 / 403 with the API error shape) before body validation.
 *
 * @example
 * await installAuth(app, { idleMs: 30 * 60_000 });
 */
export async function installAuth(app: FastifyInstance, options: Partial<AuthSettings> = {}): Promise<void> {
  const settings: AuthSettings = { ...DEFAULT_AUTH_SETTINGS, ...options };
  app.decorate('authSettings', settings);
  app.decorate('accessCatalogue', []);
  app.decorateRequest('actor', null);
  app.decorateRequest('dataVersion', null);

  await app.register(helmet, {
    contentSecurityPolicy: {
      // The web UI's component library writes inline styles; scripts stay same-origin only. No
      // upgrade-insecure-requests: a town office may serve chitieu over plain HTTP on its LAN.
      directives: {
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'upgrade-insecure-requests': null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new ApiError(429, 'too-many-requests'),
  });

  app.addHook('onRoute', (route: RouteOptions) => {
    const access = (route.config as { access?: AccessRule } | undefined)?.access;
    if (!access) return; // requireAccessRules refuses the route
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.accessCatalogue.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    request.actor = await authenticate(app, request, reply, settings);
  });

  app.addHook('preValidation', async (request) => {
    const rule = request.routeOptions.config?.access;
    if (!rule) return;
    const subjects = await findSubjects(app, request, rule);
    const decision = decideAccess(rule, request.actor, subjects, request.method);
    if (decision === 'unauthenticated') throw new ApiError(401, 'unauthenticated');
    if (decision === 'forbidden') throw new ApiError(403, 'forbidden');
  });
}

/** The actor of a request, or null; throws 401 for a bad token and 403 for a missing CSRF token. */
async function authenticate(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  settings: AuthSettings,
): Promise<Actor | null> {
  const db = app.database.db;
  const now = settings.now();
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const token = match?.[1] ? await findApiToken(db, sha256(match[1]), now) : null;
    if (!token || token.disabled) throw new ApiError(401, 'invalid-token');
    return withRoles(app, { ...token, via: 'token' });
  }
  const sessionToken = request.cookies[SESSION_COOKIE];
  if (!sessionToken) return null;
  const session = await findSession(db, sha256(sessionToken), now, settings.idleMs);
  if (!session || session.disabled) {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return null;
  }
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameDigest(sha256(sent), session.csrfHash)) {
      // A public write (signing in again) does not use the session: it proceeds as anonymous.
      const rule = request.routeOptions.config?.access;
      if (rule && 'public' in rule) return null;
      throw new ApiError(403, 'csrf-failed');
    }
  }
  // Written at most once a minute: idle expiry needs no finer grain, and reads stay reads.
  if (new Date(session.lastSeenAt).getTime() + 60_000 <= now.getTime()) {
    await touchSession(db, session.id, now.toISOString());
  }
  return withRoles(app, { ...session, via: 'session' });
}

async function withRoles(
  app: FastifyInstance,
  credential: { id: number; userId: number; username: string; via: 'session' | 'token' },
): Promise<Actor> {
  const roles = (await rolesOf(app.database.db, [credential.userId])).get(credential.userId) ?? [];
  return {
    userId: credential.userId,
    username: credential.username,
    roles,
    via: credential.via,
    credentialId: credential.id,
  };
}

/** Whether a plain field path (`parent`, `a.b`) holds an explicit null. */
function isNullAt(source: unknown, path: string): boolean {
  let node: unknown = source;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(key in node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node === null;
}

/** The units (with their chains), public plans and indicators a request concerns, by its rule. */
async function findSubjects(
  app: FastifyInstance,
  request: FastifyRequest,
  rule: AccessRule,
): Promise<RequestSubjects> {
  const none: RequestSubjects = { chains: [], publicPlansOnly: false, indicators: [] };
  const locators = unitLocators(rule);
  if (locators === 'any' || locators === 'global' || !('role' in rule)) return none;
  const db = app.database.db;
  const unitIds: number[] = [];
  let plans = 0;
  let publicPlans = 0;
  let direct = 0;
  let needsGlobal = false;
  for (const locator of locators) {
    const values = valuesAt(request[locator.in], locator.path);
    if (values.length === 0) {
      // Absent or null: a new unit without a parent, or one moved to the top, is the whole country's business.
      const isNull = isNullAt(request[locator.in], locator.path);
      needsGlobal ||= locator.whenAbsent === 'global' || (isNull && locator.whenNull === 'global');
      continue;
    }
    const found = await resolveSubjects(db, locator.is, values);
    if (found.dataVersion !== undefined) request.dataVersion = found.dataVersion;
    unitIds.push(...found.unitIds);
    if (found.plans.length === 0) direct += found.unitIds.length;
    plans += found.plans.length;
    publicPlans += found.plans.filter((p) => p.public).length;
  }
  const publicPlansOnly = plans > 0 && publicPlans === plans && direct === 0;
  const chains = chainsMatter(rule, request, publicPlansOnly)
    ? [...(await unitAncestors(db, unitIds)).values()]
    : [];
  const indicators = rule.indicator ? valuesAt(request[rule.indicator.in], rule.indicator.path) : [];
  return { chains, publicPlansOnly, indicators, needsGlobal };
}

/**
 * Whether the units' chains can change `decideAccess`'s answer: not for a public-plan read, nor
 * for nobody signed in (401 whatever the unit), nor for a role on every unit with no indicator
 * limit (it covers every chain). Skipping the lookup then saves a query on the hottest reads.
 */
function chainsMatter(rule: AccessRule, request: FastifyRequest, publicPlansOnly: boolean): boolean {
  if (!('role' in rule)) return false;
  const reading = request.method === 'GET' || request.method === 'HEAD';
  if (rule.publicPlans && reading && publicPlansOnly) return false;
  const actor = request.actor;
  if (!actor) return false;
  return !actor.roles.some(
    (r) => r.unitId === null && r.indicators === null && ROLES.indexOf(r.role) >= ROLES.indexOf(rule.role),
  );
}

/**
 * The units a caller may read (or act on) with at least `role`: null for every unit, else the
 * ids (roles' units and their subtrees; empty for nobody signed in). Routes that list records
 * filter with it; anonymous callers see public plans only.
 *
 * @example
 * const units = await readableUnitIds(request); // null (a global role) or [2, 4, 5]
 * if (units) query = query.where('unit_id', 'in', units);
 */
export async function readableUnitIds(
  request: FastifyRequest,
  role: Role = 'viewer',
): Promise<number[] | null> {
  const actor = request.actor;
  if (!actor) return [];
  const held = actor.roles.filter((r) => ROLES.indexOf(r.role) >= ROLES.indexOf(role));
  if (held.some((r) => r.unitId === null)) return null;
  return unitSubtree(
    request.server.database.db,
    held.map((r) => r.unitId as number),
  );
}

/** The CSRF token for a request's session cookie (to hand to the page), or null. */
export function csrfTokenFor(request: FastifyRequest): string | null {
  const token = request.cookies[SESSION_COOKIE];
  return request.actor?.via === 'session' && token ? csrfTokenOf(token) : null;
}
