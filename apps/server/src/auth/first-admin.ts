import { createUser, type Executor, hasUsers } from '@chitieu/db';
import { hashPassword, newPassword } from './secrets.js';

/** The user name of the administrator created on a first start. */
export const FIRST_ADMIN = 'admin';

/**
 * On a database without users, create the administrator `admin` with a random password and
 * return it, to be shown once; null when users exist (or another process just created one).
 * There is no default password anywhere.
 *
 * @example
 * await createFirstAdmin(db) // { username: 'admin', password: 'k7Hq3-mPzWx-9dRt2-vYb4n' } on an empty database, else null
 */
export async function createFirstAdmin(db: Executor): Promise<{ username: string; password: string } | null> {
  if (await hasUsers(db)) return null;
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  try {
    const created = await createUser(
      db,
      { username: FIRST_ADMIN, passwordHash, roles: [{ role: 'admin', unit: null }] },
      { userId: null, username: 'system' },
    );
    return created.ok ? { username: FIRST_ADMIN, password } : null;
  } catch (err) {
    // Two servers starting on one empty PostgreSQL: the other one's insert won the unique key.
    if (await hasUsers(db)) return null;
    throw err;
  }
}
