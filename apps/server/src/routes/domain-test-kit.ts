/**
 * Tests only: an app on a fresh migrated database with a signed-in administrator, and a short way to
 * call it (the session cookie and CSRF token are sent on every request).
 */
import {
  createTestDatabase,
  createUser,
  type Dialect,
  migrateToLatest,
  type TestDatabase,
} from '@chitieu/db';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { hashPassword } from '../auth/secrets.js';
import { PASSWORD, signIn } from '../auth/test-kit.js';

export interface DomainWorld {
  t: TestDatabase;
  app: FastifyInstance;
  /** Call the API as the administrator (a global admin role). */
  call(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function domainWorld(dialect: Dialect): Promise<DomainWorld> {
  const t = await createTestDatabase(dialect);
  await migrateToLatest(t.handle);
  const app = await buildApp({ database: t.handle, logger: false });
  await app.ready();
  const created = await createUser(
    t.handle.db,
    { username: 'admin', passwordHash: await hashPassword(PASSWORD), roles: [{ role: 'admin', unit: null }] },
    null,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.problem));
  const browser = await signIn(app, 'admin');
  return {
    t,
    app,
    call: (method, url, payload, headers = {}) =>
      app.inject({
        method,
        url,
        headers: {
          ...browser.headers,
          ...(typeof payload === 'string' ? { 'content-type': 'application/yaml' } : {}),
          ...headers,
        },
        ...(payload === undefined ? {} : { payload: payload as string | object }),
      }),
    async close() {
      await app.close();
      await t.cleanup();
    },
  };
}
