import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once released, like every migration: it must not depend on the current schema type.
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema type
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * The full domain (issue 4): unit codes, validity and lineage (mergers and splits), plan visibility,
 * co-agencies of programs, targets linked to tasks, and dated progress notes of tasks.
 * Additive only: existing rows keep their meaning (every plan stays public, every unit stays valid).
 */
export async function up(db: AnyDb): Promise<void> {
  const id = (c: ReturnType<typeof db.schema.createTable>) =>
    c.addColumn('id', 'integer', (col) =>
      isPostgres(db) ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
    );
  const real = sql.raw(isPostgres(db) ? 'double precision' : 'real');

  // SQLite adds one column per ALTER TABLE.
  for (const column of ['admin_code', 'valid_from', 'valid_to']) {
    await db.schema.alterTable('units').addColumn(column, 'text').execute();
  }
  await db.schema
    .alterTable('plans')
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('public'))
    .execute();
  await db.schema.alterTable('programs').addColumn('co_agencies', 'text').execute();

  await id(db.schema.createTable('unit_lineage'))
    .addColumn('predecessor_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('successor_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('effective', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('unit_lineage_pair_uq', ['predecessor_id', 'successor_id'])
    .execute();
  await db.schema
    .createIndex('unit_lineage_successor_idx')
    .on('unit_lineage')
    .column('successor_id')
    .execute();

  await db.schema
    .createTable('task_targets')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('target_id', 'integer', (c) => c.notNull().references('targets.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_targets_pk', ['task_id', 'target_id'])
    .execute();

  await id(db.schema.createTable('progress_notes'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('progress', real)
    .addColumn('text_vi', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text')
    .addColumn('actor', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('progress_notes_task_idx')
    .on('progress_notes')
    .columns(['task_id', 'date'])
    .execute();
  await db.schema.createIndex('targets_indicator_idx').on('targets').column('indicator_id').execute();
}

/** Forward-only in production; `down` exists for development databases. */
export async function down(db: AnyDb): Promise<void> {
  for (const table of ['progress_notes', 'task_targets', 'unit_lineage'])
    await db.schema.dropTable(table).execute();
  await db.schema.dropIndex('targets_indicator_idx').execute();
}
