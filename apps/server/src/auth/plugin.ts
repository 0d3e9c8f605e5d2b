import {
  type AuditActor,
  findApiToken,
  findSession,
  ID_SUBJECT_KINDS,
  isWellFormedId,
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
import { languageOf } from '../i18n.js';
import {
  type Actor,
  decideAccess,
  type RequestSubjects,
  readValuesAt,
  unitLocators,
  valuesAt,
} from './decide.js';
import { malformedIdMessage } from './messages.js';
import { csrfTokenOf, sameDigest, sha256 } from './secrets.js';
import { DEFAULT_TOKEN_MAX_DAYS } from './token-lifetime.js';

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
  /**
   * Send the cookie with `Secure` (default: when the request came over HTTPS — behind a TLS proxy,
   * as `X-Forwarded-Proto` says when the app trusts the proxy: `trustProxy` of `buildApp`).
   */
  secureCookie?: boolean;
  /** The longest an API token may live, in days (default 365; `CHITIEU_TOKEN_MAX_DAYS`). */
  tokenMaxDays: number;
  /** The clock (tests move it). */
  now: () => Date;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  idleMs: 60 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
  lockoutFailures: 5,
  lockoutWindowMs: 15 * 60_000,
  loginPerMinute: 20,
  tokenMaxDays: DEFAULT_TOKEN_MAX_DAYS,
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
    // Before the body is read: who can never pass is refused at once (a 64 MB upload is not read for a 401).
    const rule = request.routeOptions.config?.access;
    const early = rule ? earlyRefusal(rule, request.actor, request.method) : null;
    if (early === 'unauthenticated') throw new ApiError(401, 'unauthenticated');
    if (early === 'forbidden') throw new ApiError(403, 'forbidden');
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

/**
 * What can be decided from the actor alone, before the body is read: nobody signed in on a route
 * only signed-in users may call (public-plan reads aside), or a caller without any role strong
 * enough (or without one on every unit, where the rule needs it). Null: the full check decides.
 *
 * @example
 * earlyRefusal({ role: 'manager', unit: 'global' }, null, 'POST') // 'unauthenticated'
 */
export function earlyRefusal(
  rule: AccessRule,
  actor: Actor | null,
  method: string,
): 'unauthenticated' | 'forbidden' | null {
  if ('public' in rule) return null;
  if ('signedIn' in rule) return actor ? null : 'unauthenticated';
  // A public plan is readable by anyone, signed in with whatever roles or not: that needs the plan.
  if (rule.publicPlans && (method === 'GET' || method === 'HEAD')) return null;
  if (!actor) return 'unauthenticated';
  const held = actor.roles.filter((r) => ROLES.indexOf(r.role) >= ROLES.indexOf(rule.role));
  if (held.length === 0) return 'forbidden';
  if (unitLocators(rule) === 'global' && !held.some((r) => r.unitId === null)) return 'forbidden';
  return null;
}

/**
 * The units (with their chains), public plans and indicators a request concerns, by its rule.
 * Fails closed: a value left out (unless the rule says it may be), null, unreadable or naming
 * nothing marks the request as needing a role on every unit; a malformed id is a 400 at once.
 */
async function findSubjects(
  app: FastifyInstance,
  request: FastifyRequest,
  rule: AccessRule,
): Promise<RequestSubjects> {
  if (!('role' in rule)) return { chains: [], publicPlansOnly: false, indicators: [] };
  const indicators = rule.indicator ? valuesAt(request[rule.indicator.in], rule.indicator.path) : [];
  const locators = unitLocators(rule);
  if (locators === 'any' || locators === 'global') return { chains: [], publicPlansOnly: false, indicators };
  const db = app.database.db;
  const unitIds: number[] = [];
  let plans = 0;
  let publicPlans = 0;
  let direct = 0;
  let named = 0;
  let leftOut = 0;
  let needsGlobal = false;
  for (const locator of locators) {
    const read = readValuesAt(request[locator.in], locator.path);
    const malformed = ID_SUBJECT_KINDS.includes(locator.is)
      ? read.values.filter((v) => !isWellFormedId(v))
      : [];
    if (malformed.length > 0) {
      const lang = languageOf(request.headers['accept-language']);
      throw new ApiError(400, 'validation-failed', [
        {
          path: `${locator.in}.${locator.path.replaceAll('[]', '')}`,
          message: malformedIdMessage(malformed[0] as string, lang),
        },
      ]);
    }
    if (read.unreadable) needsGlobal = true;
    if (read.nulls && locator.whenNull === 'global') needsGlobal = true;
    // Null where the rule says nothing about it is read like a value left out.
    if (read.absent || (read.nulls && locator.whenNull === undefined)) {
      if (locator.whenAbsent === 'filtered') leftOut++;
      else if (locator.whenAbsent !== 'skip') needsGlobal = true;
    }
    if (read.values.length === 0) continue;
    named++;
    const found = await resolveSubjects(db, locator.is, read.values);
    if (found.missing) needsGlobal = true;
    if (found.dataVersion !== undefined) request.dataVersion = found.dataVersion;
    // Loops, not push(...list): a body may name more units than a call takes arguments.
    for (const id of found.unitIds) unitIds.push(id);
    for (const code of found.indicators) indicators.push(code);
    if (found.plans.length === 0) direct += found.unitIds.length;
    plans += found.plans.length;
    publicPlans += found.plans.filter((p) => p.public).length;
  }
  const publicPlansOnly = plans > 0 && publicPlans === plans && direct === 0 && !needsGlobal;
  const chains =
    !needsGlobal && chainsMatter(rule, request, publicPlansOnly)
      ? [...(await unitAncestors(db, unitIds)).values()]
      : [];
  const filtered = leftOut > 0 && named === 0;
  return { chains, publicPlansOnly, indicators: [...new Set(indicators)], needsGlobal, filtered };
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
