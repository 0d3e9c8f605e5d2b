import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema type
type AnyDb = Kysely<any>;

const SHARDS = 16;

/**
 * On PostgreSQL, concurrent writers all bumping one counter row wait for each other until commit.
 * Spread the bumps over 16 rows by transaction id; the data version is their sum, which still moves
 * on with every committed write. SQLite has one writer at a time and keeps bumping row 1.
 */
export async function up(db: AnyDb): Promise<void> {
  await db
    .insertInto('data_version')
    .values(Array.from({ length: SHARDS - 1 }, (_, i) => ({ id: i + 2, n: 0 })))
    .execute();
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1 + (txid_current() % ${SHARDS}); RETURN NULL; END $$`,
    )
    .execute(db);
}

/** Forward-only in production; `down` exists for development databases. */
export async function down(db: AnyDb): Promise<void> {
  await db.deleteFrom('data_version').where('id', '>', 1).execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; RETURN NULL; END $$`,
      )
      .execute(db);
  }
}
