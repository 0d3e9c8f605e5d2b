import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  countLoginAttempt,
  createTestDatabase,
  createUser,
  listAudit,
  migrateToLatest,
  type TestDatabase,
  testDialects,
} from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../../../../test/helpers/cli.js';

let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'chitieu-unlock-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Issue 9: an administrator on the server's shell lifts a lock-out; token lifetimes have a ceiling. */
describe.each(await testDialects())('user unlock and token lifetime on %s', (dialect) => {
  let t: TestDatabase;
  let env: Record<string, string>;
  const cli = (args: string[], extra: Record<string, string> = {}) =>
    runCli(args, { cwd: dir, env: { ...env, ...extra } });
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    env = { DATABASE_URL: t.url, CHITIEU_DEMO: '0' };
    await migrateToLatest(t.handle);
    const made = await createUser(t.handle.db, { username: 'admin', passwordHash: 'x', roles: [] }, null);
    expect(made.ok).toBe(true);
  });
  afterAll(async () => t?.cleanup());

  it('Given admin locked out from two addresses, When `user unlock admin` runs, Then both locks are gone and it is audited', async () => {
    const at = new Date().toISOString();
    for (const ip of ['10.0.0.1', '10.0.0.2']) {
      for (let i = 0; i < 6; i++)
        await countLoginAttempt(t.handle.db, { username: 'admin', ip, at, since: at, limit: 5 });
    }
    const done = await cli(['user', 'unlock', 'admin', '--lang', 'en']);
    expect(done).toMatchObject({
      code: 0,
      stdout: 'Lifted the sign-in lock-out of admin (2 address(es)).\n',
    });
    const left = await t.handle.db.selectFrom('login_throttle').selectAll().execute();
    expect(left).toEqual([]);
    const [entry] = await listAudit(t.handle.db, { entity: 'user', id: 'admin' });
    expect(entry).toMatchObject({ action: 'unlock', details: { cleared: 2 } });
    const nobody = await cli(['user', 'unlock', 'khong-co']);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('Không có người dùng "khong-co"');
  });

  it('Given CHITIEU_TOKEN_MAX_DAYS=30, When a token for 31 days is asked, Then a clear error and none is made', async () => {
    const refused = await cli(['token', 'create', '--user', 'admin', '--name', 'x', '--days', '31'], {
      CHITIEU_TOKEN_MAX_DAYS: '30',
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('từ 1 đến 30');
    const defaultCeiling = await cli(['token', 'create', '--user', 'admin', '--name', 'x', '--days', '366']);
    expect(defaultCeiling.code).toBe(2);
    const made = await cli(['token', 'create', '--user', 'admin', '--name', 'x', '--days', '30'], {
      CHITIEU_TOKEN_MAX_DAYS: '30',
    });
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/^ctk_/);
  });
});
