import { ROLES, type Role, type SubjectKind, takeWorkflowStep, testDialects } from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRule, UnitLocator } from '../access.js';
import { buildApp } from '../app.js';
import { issueApiToken } from '../routes/tokens/routes.js';
import { type AuthWorld, authWorld } from './test-kit.js';

/**
 * The authorization matrix: every registered route × every role (and nobody signed in) × a
 * subject of the caller's own unit, of another unit, and of another unit's public plan. The
 * expected outcome is derived here from the route's declared rule, independently of the plugin;
 * a route the rule allows must not answer 401/403, a route it refuses must answer exactly that.
 */

/** `unit`: where the role holds (null: every unit). The ward 38101 lies below the town 381. */
type Principal = { name: string; role: Role | null; unit: string | null };
const PRINCIPALS: Principal[] = [
  { name: 'anonymous', role: null, unit: null },
  { name: 'admin', role: 'admin', unit: null },
  { name: 'manager@381', role: 'manager', unit: '381' },
  { name: 'editor@381', role: 'editor', unit: '381' },
  { name: 'viewer@381', role: 'viewer', unit: '381' },
  // A role on a ward covers the ward, not the town above it: 'own' (381) is out of its reach.
  { name: 'manager@38101', role: 'manager', unit: '38101' },
];
type Side = 'own' | 'other' | 'other-public';
const SIDES: Side[] = ['own', 'other', 'other-public'];
const PLAN_KINDS: SubjectKind[] = ['plan-code', 'plan-id', 'target-id'];

function locatorsOf(rule: AccessRule): UnitLocator[] | 'any' | 'global' {
  if (!('role' in rule)) return 'any';
  if (rule.unit === 'any' || rule.unit === 'global') return rule.unit;
  if (rule.unit) return [rule.unit].flat();
  return rule.unitParam ? [{ in: 'params', path: rule.unitParam, is: 'unit-code' }] : 'any';
}

/** 'allow', or the status the rule demands. */
function expected(rule: AccessRule, who: Principal, side: Side, method: string): 'allow' | 401 | 403 {
  if ('public' in rule) return 'allow';
  if ('signedIn' in rule) return who.role ? 'allow' : 401;
  const locators = locatorsOf(rule);
  const viaPublicPlans =
    side === 'other-public' && Array.isArray(locators) && locators.every((l) => PLAN_KINDS.includes(l.is));
  if (rule.publicPlans && method === 'GET' && viaPublicPlans) return 'allow';
  if (!who.role) return 401;
  if (ROLES.indexOf(who.role) < ROLES.indexOf(rule.role)) return 403;
  const global = who.unit === null;
  if (locators === 'global') return global ? 'allow' : 403;
  if (locators === 'any') return 'allow';
  // The subjects of 'own' belong to unit 381, those of the other sides to unit 382.
  return global || (side === 'own' && who.unit === '381') ? 'allow' : 403;
}

/**
 * What is refused before the request's subjects are looked at: nobody signed in (unless the route
 * may serve a public plan's reader), a role too weak, or a role on one unit where every unit is needed.
 */
function refusedUpFront(rule: AccessRule, who: Principal, method: string): 401 | 403 | null {
  if ('public' in rule) return null;
  if ('signedIn' in rule) return who.role ? null : 401;
  if (rule.publicPlans && method === 'GET') return null; // a public plan is anyone's to read
  if (!who.role) return 401;
  if (ROLES.indexOf(who.role) < ROLES.indexOf(rule.role)) return 403;
  if (locatorsOf(rule) === 'global' && who.unit !== null) return 403;
  return null;
}

/** The units each principal may read. */
const READABLE: Record<string, string[] | 'all'> = {
  admin: 'all',
  'manager@381': ['381', '38101', '38102'],
  'editor@381': ['381', '38101', '38102'],
  'viewer@381': ['381', '38101', '38102'],
  'manager@38101': ['38101'],
};

/** Every value under a `unit` key anywhere in a JSON answer. */
function unitsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) unitsIn(n, out);
  else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'unit' && typeof v === 'string') out.push(v);
      else unitsIn(v, out);
    }
  }
  return out;
}

/** Spellings of an id that a lenient parser reads as the same number. */
const oddSpellings = (id: string) => [
  `${id}.0`,
  `+${id}`,
  `0x${Number(id).toString(16)}`,
  ` ${id}`,
  `${id}e0`,
  `0${id}`,
];

/** Thousands of requests each: minutes on a loaded two-core machine, never the 30 s default. */
const MATRIX_TIMEOUT_MS = 600_000;

const ID_KINDS: SubjectKind[] = ['unit-id', 'plan-id', 'target-id', 'value-id', 'workflow-id'];

/** Set `path` (`a.b`, `values[].unit`) in `target` to `value`. */
function put(target: Record<string, unknown>, path: string, value: string): void {
  const [head = '', ...rest] = path.split('.');
  const many = head.endsWith('[]');
  const key = many ? head.slice(0, -2) : head;
  if (rest.length === 0) {
    target[key] = many ? [value] : value;
    return;
  }
  const child: Record<string, unknown> = {};
  put(child, rest.join('.'), value);
  target[key] = many ? [child] : child;
}

describe.each(await testDialects())('authorization matrix on %s', (dialect) => {
  let w: AuthWorld;
  const tokens = new Map<string, string>();
  const samples = new Map<string, string>();
  beforeAll(async () => {
    w = await authWorld(dialect);
    const db = w.t.handle.db;
    for (const who of PRINCIPALS.filter((p) => p.role)) {
      const id = await w.user(who.name.replace('@', '-'), [{ role: who.role as Role, unit: who.unit }]);
      const { token } = await issueApiToken(
        db,
        { userId: id, name: 'matrix', days: 1, now: w.clock.now },
        null,
      );
      tokens.set(who.name, token);
    }
    const unit = async (code: string) =>
      Number(
        (await db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id,
      );
    const plan = async (code: string) =>
      await db
        .selectFrom('plans')
        .select(['id', 'unit_id'])
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
    for (const [side, unitCode, planCode] of [
      ['own', '381', 'NQ-XI'],
      ['other', '382', 'NQ-382'],
      ['other-public', '382', 'NQ-PUB'],
    ] as const) {
      const unitId = await unit(unitCode);
      const p = await plan(planCode);
      const target = await db
        .selectFrom('targets')
        .select('id')
        .where('plan_id', '=', p.id)
        .executeTakeFirstOrThrow();
      const value = await db
        .selectFrom('indicator_values')
        .select('id')
        .where('unit_id', '=', unitId)
        .executeTakeFirstOrThrow();
      const step = await takeWorkflowStep(db, {
        planId: Number(p.id),
        unitId,
        year: side === 'other-public' ? 2022 : 2021,
        action: 'submit',
        actor: null,
      });
      const workflow = await db
        .selectFrom('figure_workflows')
        .select('id')
        .where('plan_id', '=', p.id)
        .executeTakeFirstOrThrow();
      expect(step.ok).toBe(true);
      const kinds: Record<SubjectKind, string> = {
        'unit-code': unitCode,
        'unit-id': String(unitId),
        'plan-code': planCode,
        'plan-id': String(p.id),
        'target-id': String(target.id),
        'value-id': String(value.id),
        'workflow-id': String(workflow.id),
      };
      for (const [kind, v] of Object.entries(kinds)) samples.set(`${side}:${kind}`, v);
    }
  });
  afterAll(async () => w?.close());

  it('refuses to register a route that declares no access rule', async () => {
    const app = await buildApp({ database: w.t.handle, logger: false });
    expect(() => app.get('/api/undeclared', async () => 'x')).toThrow(/declares no valid config\.access/);
    expect(() =>
      app.get('/api/half-declared', { config: { access: { role: 'owner' } as never } }, async () => 'x'),
    ).toThrow(/declares no valid config\.access/);
    await app.close();
  });

  it(
    'holds for every route × role × unit',
    async () => {
      const routes = w.app.accessCatalogue;
      expect(routes.length).toBeGreaterThan(20);
      const failures: string[] = [];
      let checked = 0;
      for (const route of routes) {
        const locators = locatorsOf(route.access);
        for (const side of SIDES) {
          const params: Record<string, string> = {};
          const query: Record<string, string> = {};
          const body: Record<string, unknown> = {};
          if (Array.isArray(locators)) {
            for (const l of locators) {
              const v = samples.get(`${side}:${l.is}`) as string;
              if (l.in === 'params') params[l.path] = v;
              else if (l.in === 'query') query[l.path] = v;
              else put(body, l.path, v);
            }
          }
          if ('role' in route.access && route.access.indicator) {
            const l = route.access.indicator;
            if (l.in === 'params') params[l.path] = 'GO';
            else if (l.in === 'query') query[l.path] = 'GO';
            else put(body, l.path, 'GO');
          }
          // Parameters no rule reads name nothing that exists: the route may 404, never 401/403.
          const url = route.url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) =>
            encodeURIComponent(params[name] ?? '999999'),
          );
          for (const who of PRINCIPALS) {
            const token = tokens.get(who.name);
            const res = await w.app.inject({
              method: route.method as 'GET',
              url,
              query,
              headers: token ? { authorization: `Bearer ${token}` } : {},
              ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: body }),
            });
            const want = expected(route.access, who, side, route.method);
            const got = res.statusCode;
            const ok = want === 'allow' ? got !== 401 && got !== 403 : got === want;
            if (!ok)
              failures.push(
                `${route.method} ${route.url} as ${who.name} on ${side}: want ${want}, got ${got} ${res.body.slice(0, 120)}`,
              );
            checked++;
          }
        }
      }
      expect(failures).toEqual([]);
      expect(checked).toBe(routes.length * SIDES.length * PRINCIPALS.length);
    },
    MATRIX_TIMEOUT_MS,
  );

  it(
    'refuses every other spelling of an id, on every id-addressed route × role × unit',
    async () => {
      const failures: string[] = [];
      let checked = 0;
      for (const route of w.app.accessCatalogue) {
        const names = [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);
        const locators = locatorsOf(route.access);
        const kindOf = (name: string) =>
          Array.isArray(locators)
            ? locators.find((l) => l.in === 'params' && l.path === name)?.is
            : undefined;
        const idNames = names.filter((n) => n === 'id' || ID_KINDS.includes(kindOf(n) as SubjectKind));
        for (const idName of idNames) {
          const kind = kindOf(idName);
          for (const side of SIDES) {
            const params: Record<string, string> = {};
            for (const name of names) {
              const k = kindOf(name);
              params[name] = k ? (samples.get(`${side}:${k}`) as string) : '999999';
            }
            for (const spelling of oddSpellings(params[idName] as string)) {
              const url = route.url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) =>
                encodeURIComponent(name === idName ? spelling : (params[name] as string)),
              );
              for (const who of PRINCIPALS) {
                const token = tokens.get(who.name);
                const res = await w.app.inject({
                  method: route.method as 'GET',
                  url,
                  headers: token ? { authorization: `Bearer ${token}` } : {},
                  ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
                });
                // An id the rule reads is refused (400) before the decision; any other id once the decision allows.
                const decided = expected(route.access, who, side, route.method);
                const want = kind
                  ? (refusedUpFront(route.access, who, route.method) ?? 400)
                  : decided === 'allow'
                    ? 400
                    : decided;
                if (res.statusCode !== want)
                  failures.push(
                    `${route.method} ${url} as ${who.name} on ${side}: want ${want}, got ${res.statusCode}`,
                  );
                checked++;
              }
            }
          }
        }
      }
      expect(failures).toEqual([]);
      expect(checked).toBeGreaterThan(500);
    },
    MATRIX_TIMEOUT_MS,
  );

  it(
    'treats a list without its filter as a list of what the caller may read, never as permission',
    async () => {
      const failures: string[] = [];
      let lists = 0;
      for (const route of w.app.accessCatalogue) {
        if (route.method !== 'GET' || route.url.includes(':') || !('role' in route.access)) continue;
        const locators = locatorsOf(route.access);
        const filters = Array.isArray(locators) ? locators.filter((l) => l.in === 'query') : [];
        if (locators !== 'any' && filters.length === 0) continue;
        lists++;
        for (const who of PRINCIPALS) {
          const token = tokens.get(who.name);
          const res = await w.app.inject({
            method: 'GET',
            url: route.url,
            query: route.url === '/api/rankings' ? { indicator: 'GO', year: '2023' } : {},
            headers: token ? { authorization: `Bearer ${token}` } : {},
          });
          const upFront = refusedUpFront(route.access, who, 'GET');
          const filtered = locators === 'any' || filters.every((l) => l.whenAbsent === 'filtered');
          const want = upFront ?? (filtered || who.unit === null ? 'allow' : 403);
          const got = res.statusCode;
          if (want === 'allow' ? got === 401 || got === 403 : got !== want) {
            failures.push(`GET ${route.url} (no filter) as ${who.name}: want ${want}, got ${got}`);
            continue;
          }
          const readable = READABLE[who.name];
          if (got === 200 && readable && readable !== 'all') {
            const strangers = unitsIn(res.json()).filter((u) => !readable.includes(u));
            if (strangers.length > 0)
              failures.push(
                `GET ${route.url} (no filter) as ${who.name} shows units ${[...new Set(strangers)]}`,
              );
          }
        }
      }
      expect(failures).toEqual([]);
      expect(lists).toBeGreaterThanOrEqual(4);
    },
    MATRIX_TIMEOUT_MS,
  );
});
