import { createTestDatabase, listUsers, migrateToLatest, testDialects } from '@chitieu/db';
import { describe, expect, it } from 'vitest';
import { createFirstAdmin } from './first-admin.js';
import { verifyPassword } from './secrets.js';

describe.each(await testDialects())('the first administrator on %s', (dialect) => {
  it('is created once, with a random password that signs in, even by two servers at once', async () => {
    const t = await createTestDatabase(dialect);
    try {
      await migrateToLatest(t.handle);
      const made = await Promise.all([createFirstAdmin(t.handle.db), createFirstAdmin(t.handle.db)]);
      const created = made.filter((m) => m !== null);
      expect(created).toHaveLength(1);
      const users = await listUsers(t.handle.db);
      expect(users.map((u) => [u.username, u.roles.map((r) => [r.role, r.unitCode])])).toEqual([
        ['admin', [['admin', null]]],
      ]);
      const row = await t.handle.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
      expect(await verifyPassword(row.password_hash, created[0]?.password ?? '')).toBe(true);
      expect(await createFirstAdmin(t.handle.db)).toBeNull();
    } finally {
      await t.cleanup();
    }
  });
});
