import { createTestDatabase, createUser, migrateToLatest, openDatabase, parseDatabaseUrl } from '@chitieu/db';
import { describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { hashPassword } from './auth/secrets.js';
import { PASSWORD, signIn } from './auth/test-kit.js';

describe('SQLite locked by another process', () => {
  it('a write that cannot get the lock answers 503 database-busy with Retry-After, and succeeds once the lock is gone', async () => {
    const t = await createTestDatabase('sqlite');
    await migrateToLatest(t.handle);
    const target = parseDatabaseUrl(t.url);
    if (!target.ok || target.target.dialect !== 'sqlite') throw new Error('not a SQLite URL');
    // A short busy timeout, so the test does not wait the production 5 s.
    const handle = openDatabase(target.target, { busyTimeoutMs: 50 });
    const app = await buildApp({ database: handle, logger: false });
    const other = openDatabase(target.target); // another process, as far as SQLite can tell
    try {
      await createUser(
        handle.db,
        {
          username: 'admin',
          passwordHash: await hashPassword(PASSWORD),
          roles: [{ role: 'admin', unit: null }],
        },
        null,
      );
      const { headers } = await signIn(app, 'admin');
      const create = (code: string) =>
        app.inject({
          method: 'POST',
          url: '/api/units',
          headers: { ...headers, 'accept-language': 'en' },
          payload: { code, name: 'Xã A', level: 'commune' },
        });

      // …which writes in a transaction it keeps open: it holds the write lock until told to stop.
      let letGo = () => {};
      const held = new Promise<void>((resolve) => {
        letGo = resolve;
      });
      let locked = () => {};
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holder = other.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ username: 'admin' }).where('username', '=', 'admin').execute();
        locked();
        await held;
        throw new Error('roll back');
      });
      await isLocked;
      const busy = await create('A');
      expect(busy.statusCode).toBe(503);
      expect(busy.headers['retry-after']).toBe('1');
      expect(busy.json().error).toEqual({
        code: 'database-busy',
        message: 'The database is busy; try again in a moment.',
        details: [],
      });
      // Reads go on meanwhile (WAL).
      expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);

      letGo();
      await expect(holder).rejects.toThrow('roll back');
      expect((await create('A')).statusCode).toBe(201);
    } finally {
      await other.destroy();
      await app.close();
      await handle.destroy();
      await t.cleanup();
    }
  });
});
