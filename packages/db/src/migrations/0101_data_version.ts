import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema type
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

/** The tables whose rows an evaluation or a ranking reads. */
const WATCHED = ['units', 'indicators', 'plans', 'targets', 'indicator_values', 'unit_lineage'];

/**
 * A counter every write to the data of evaluations bumps, in the writing transaction itself (by
 * triggers, so every writer is covered: API, import, CLI, raw SQL). A cached evaluation is served
 * only while the counter is unchanged, so a read after a committed write is never stale, in any
 * number of server processes.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('data_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('data_version').values({ id: 1, n: 0 }).execute();
  if (isPostgres(db)) {
    await sql
      .raw(
        `CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; RETURN NULL; END $$`,
      )
      .execute(db);
    for (const table of WATCHED) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_data_version AFTER INSERT OR UPDATE OR DELETE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump()`,
        )
        .execute(db);
    }
    return;
  }
  for (const table of WATCHED) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_data_version_${op.toLowerCase()} AFTER ${op} ON ${table}
           BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END`,
        )
        .execute(db);
    }
  }
}

/** Forward-only in production; `down` exists for development databases. */
export async function down(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    for (const table of WATCHED) await sql.raw(`DROP TRIGGER ${table}_data_version ON ${table}`).execute(db);
    await sql`DROP FUNCTION data_version_bump()`.execute(db);
  } else {
    for (const table of WATCHED)
      for (const op of ['insert', 'update', 'delete'])
        await sql.raw(`DROP TRIGGER ${table}_data_version_${op}`).execute(db);
  }
  await db.schema.dropTable('data_version').execute();
}
