import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema type
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

/** The refusal's message on SQLite, read by the error mapping (0400_constraints' prefix). */
const REFUSED = 'chitieu-check targets.every';
/** What the column may hold: 0 or 1, and 1 only on an `annual` target (`row`: `NEW.` in a trigger). */
const valid = (row = '') => `${row}"every" IN (0, 1) AND (${row}"every" = 0 OR ${row}kind = 'annual')`;

/**
 * `targets.every`: an `annual` target whose every single year must reach the goal (1), or whose
 * mean over the years is judged (0, the default and every existing target's value) — docs/methodology.md.
 * An integer like the other flags (`users.disabled`), so both dialects read it alike. The database
 * keeps it consistent, in 0400_constraints' style: a named CHECK on PostgreSQL
 * (`targets_every_check`), BEFORE INSERT / UPDATE triggers on SQLite, refusing a value other than
 * 0 or 1 and a 1 on a target of another kind.
 */
export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    await db.schema
      .alterTable('targets')
      .addColumn('every', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await sql.raw(`ALTER TABLE targets ADD CONSTRAINT targets_every_check CHECK (${valid()})`).execute(db);
    return;
  }
  await db.transaction().execute(async (trx) => {
    await trx.schema
      .alterTable('targets')
      .addColumn('every', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    for (const op of ['insert', 'update']) {
      await sql
        .raw(
          `CREATE TRIGGER targets_every_check_${op} BEFORE ${op.toUpperCase()}${op === 'update' ? ' OF "every", kind' : ''} ON targets
           WHEN NOT (${valid('NEW.')})
           BEGIN SELECT RAISE(ABORT, '${REFUSED}'); END`,
        )
        .execute(trx);
    }
  });
}

/** Forward-only in production; `down` exists for development databases. */
export async function down(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw('ALTER TABLE targets DROP CONSTRAINT targets_every_check').execute(db);
  } else {
    for (const op of ['insert', 'update'])
      await sql.raw(`DROP TRIGGER targets_every_check_${op}`).execute(db);
  }
  await db.schema.alterTable('targets').dropColumn('every').execute();
}
