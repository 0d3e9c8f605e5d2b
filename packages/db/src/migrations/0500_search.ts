import { searchKeyTranslation } from '@chitieu/core';
import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema type
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

/** SQL text literal. */
const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * `chitieu_search_key(text)`: the core's `searchKey` in SQL, so a search compares texts without
 * accents, tone marks or case on both dialects ("an phu" finds "Phường An Phú"). On PostgreSQL it is
 * a SQL function built from the core's own character mapping (`searchKeyTranslation`): lower case,
 * accented letters to their base letter, combining marks dropped (a decomposed text too), runs of
 * white space to one space. SQLite has no such function: `openDatabase` registers the core's
 * `searchKey` on every connection under the same name, so this migration has nothing to create there.
 */
export async function up(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  const { from, to } = searchKeyTranslation();
  await sql
    .raw(
      `CREATE FUNCTION chitieu_search_key(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
       RETURN btrim(regexp_replace(translate(lower(t), ${literal(from)}, ${literal(to)}), '\\s+', ' ', 'g'))`,
    )
    .execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (isPostgres(db)) await sql.raw('DROP FUNCTION chitieu_search_key(text)').execute(db);
}
