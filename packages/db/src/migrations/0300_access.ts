import type { Kysely } from 'kysely';

// Frozen once released, like every migration: it must not depend on the current schema type.
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * Sign-in lock-out per user name AND address (issue 9): one counter row per pair, raised by a
 * single upsert before the password is checked, so concurrent guesses cannot slip past the
 * limit, and someone elsewhere cannot lock a user out by failing from their own address.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('username', 'text', (c) => c.notNull())
    // '' when the address is unknown.
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_throttle_pk', ['username', 'ip'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('login_throttle').execute();
}
