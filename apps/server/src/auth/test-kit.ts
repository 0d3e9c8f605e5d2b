import {
  createTestDatabase,
  createUser,
  type Dialect,
  importPlanFile,
  migrateToLatest,
  type RoleGrant,
  smallPlan,
  type TestDatabase,
} from '@chitieu/db';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import type { AuthSettings } from './plugin.js';
import { hashPassword } from './secrets.js';

/**
 * Tests only: a migrated database holding the small plan (town 381 with wards 38101, 38102 and
 * plan NQ-XI; sibling town 382 with plan NQ-382), NQ-XI and NQ-382 private, NQ-PUB (of 382)
 * public, and an app on it whose clock tests can move.
 */
export interface AuthWorld {
  t: TestDatabase;
  app: FastifyInstance;
  /** The app's clock: tests set `clock.now` to move time. */
  clock: { now: Date };
  /** Create a user with a password and roles. */
  user(username: string, roles: RoleGrant[], password?: string): Promise<number>;
  close(): Promise<void>;
}

export const PASSWORD = 'mật-khẩu-đủ-dài-2026';

export async function authWorld(
  dialect: Dialect,
  options: {
    auth?: Partial<AuthSettings>;
    logger?: Parameters<typeof buildApp>[0]['logger'];
    trustProxy?: Parameters<typeof buildApp>[0]['trustProxy'];
  } = {},
): Promise<AuthWorld> {
  const t = await createTestDatabase(dialect);
  await migrateToLatest(t.handle);
  const plan = smallPlan();
  const nq = plan.plans[0];
  if (!nq) throw new Error('smallPlan has no plan');
  const sibling = { ...nq, code: 'NQ-382', unit: '382', programs: [] };
  const open = { ...sibling, code: 'NQ-PUB' };
  const imported = await importPlanFile(
    t.handle.db,
    { ...plan, plans: [nq, sibling, open] },
    { actor: 'test' },
  );
  if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
  await t.handle.db
    .updateTable('plans')
    .set({ visibility: 'private' })
    .where('code', 'in', ['NQ-XI', 'NQ-382'])
    .execute();
  await t.handle.db.updateTable('plans').set({ visibility: 'public' }).where('code', '=', 'NQ-PUB').execute();
  const clock = { now: new Date('2026-11-28T08:00:00.000Z') };
  const app = await buildApp({
    database: t.handle,
    logger: options.logger ?? false,
    auth: { now: () => clock.now, ...options.auth },
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
  });
  await app.ready();
  return {
    t,
    app,
    clock,
    async user(username, roles, password = PASSWORD) {
      const r = await createUser(
        t.handle.db,
        { username, passwordHash: await hashPassword(password), roles },
        null,
      );
      if (!r.ok) throw new Error(JSON.stringify(r.problem));
      return r.user.id;
    },
    async close() {
      await app.close();
      await t.cleanup();
    },
  };
}

/** A signed-in browser: the cookie header and the CSRF token to send on writes. */
export interface Browser {
  cookie: string;
  csrf: string;
  headers: { cookie: string; 'x-csrf-token': string };
}

/** Sign in through the API; throws with the response when it fails. */
export async function signIn(app: FastifyInstance, username: string, password = PASSWORD): Promise<Browser> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return browserOf(res);
}

/** The session of a login response. */
export function browserOf(res: LightMyRequestResponse): Browser {
  const session = res.cookies.find((c) => c.name === 'chitieu_session');
  if (!session) throw new Error('no session cookie');
  const cookie = `chitieu_session=${session.value}`;
  const csrf = String(res.json().csrfToken);
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
