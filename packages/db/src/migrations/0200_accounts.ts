import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once released, like every migration: it must not depend on the current schema type.
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema type
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Accounts and the figures workflow (issue 5): users, their roles scoped to a unit subtree,
 * database sessions and API tokens (only hashes of the secrets), login failures for lock-out,
 * the workflow of a plan × unit × year with its append-only steps, and the audit columns that
 * say who (id), from where, what changed (old → new), why, and on which unit.
 */
export async function up(db: AnyDb): Promise<void> {
  const pg = isPostgres(db);
  const id = (c: ReturnType<typeof db.schema.createTable>) =>
    c.addColumn('id', 'integer', (col) =>
      pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
    );

  await id(db.schema.createTable('users'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await id(db.schema.createTable('user_roles'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    // NULL: every unit.
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    // JSON array of indicator codes an editor may enter, or NULL for all.
    .addColumn('indicators', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('user_roles_user_idx').on('user_roles').column('user_id').execute();

  await id(db.schema.createTable('sessions'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('csrf_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await id(db.schema.createTable('api_tokens'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();

  // One row per failed login, for any name typed (known or not), so lock-out works the same
  // for both and across server processes.
  await id(db.schema.createTable('login_failures'))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .execute();
  await db.schema
    .createIndex('login_failures_user_idx')
    .on('login_failures')
    .columns(['username', 'at'])
    .execute();

  await id(db.schema.createTable('figure_workflows'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('figure_workflows_uq', ['plan_id', 'unit_id', 'year'])
    .execute();
  await db.schema
    .createIndex('figure_workflows_unit_idx')
    .on('figure_workflows')
    .columns(['unit_id', 'year', 'state'])
    .execute();

  await id(db.schema.createTable('workflow_steps'))
    .addColumn('workflow_id', 'integer', (c) =>
      c.notNull().references('figure_workflows.id').onDelete('cascade'),
    )
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('workflow_steps_wf_idx').on('workflow_steps').column('workflow_id').execute();
  await appendOnly(db, 'workflow_steps');

  // SQLite adds one column per ALTER TABLE; the append-only triggers do not mind new columns.
  for (const [column, type] of [
    ['actor_id', 'integer'],
    ['ip', 'text'],
    ['unit_id', 'integer'],
    ['old_value', 'text'],
    ['new_value', 'text'],
    ['reason', 'text'],
  ] as const) {
    await db.schema.alterTable('audit_log').addColumn(column, type).execute();
  }
  await db.schema
    .createIndex('audit_log_entity_idx')
    .on('audit_log')
    .columns(['entity', 'entity_code'])
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
}

/** Reject UPDATE and DELETE on a table, on either dialect (as 0001 does for audit_log). */
async function appendOnly(db: AnyDb, table: string): Promise<void> {
  if (isPostgres(db)) {
    await sql
      .raw(
        `CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION '${table} is append-only'; END $$`,
      )
      .execute(db);
    // Only UPDATE is refused: deleting a plan may still cascade to its workflow history (the audit log keeps it).
    await sql
      .raw(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
       BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    )
    .execute(db);
}

/** Forward-only in production; `down` exists for development databases. */
export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'workflow_steps',
    'figure_workflows',
    'login_failures',
    'api_tokens',
    'sessions',
    'user_roles',
    'users',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  if (isPostgres(db)) await sql`DROP FUNCTION IF EXISTS workflow_steps_append_only()`.execute(db);
  await db.schema.dropIndex('audit_log_entity_idx').execute();
  await db.schema.dropIndex('audit_log_at_idx').execute();
  for (const column of ['actor_id', 'ip', 'unit_id', 'old_value', 'new_value', 'reason']) {
    await db.schema.alterTable('audit_log').dropColumn(column).execute();
  }
}
