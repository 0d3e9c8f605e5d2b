import { type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Migrations are frozen once released: they take `Kysely<any>` so later schema changes in
// schema.ts never break an old migration.
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema type
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

/** `id` as an integer surrogate key: identity on PostgreSQL, rowid alias on SQLite. */
function withId<T extends string>(db: AnyDb, table: CreateTableBuilder<T, never>) {
  return table.addColumn('id', 'integer', (c) =>
    isPostgres(db) ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
  );
}

/** version + created/updated timestamps of an editable record. */
function withBookkeeping<T extends string, C extends string>(table: CreateTableBuilder<T, C>) {
  return table
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
}

/** Reject UPDATE and DELETE on a table, on either dialect. */
async function makeAppendOnly(db: AnyDb, table: string): Promise<void> {
  if (isPostgres(db)) {
    await sql
      .raw(
        `CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION '${table} is append-only'; END $$`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
      )
      .execute(db);
    return;
  }
  for (const op of ['UPDATE', 'DELETE']) {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
         BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      )
      .execute(db);
  }
}

export async function up(db: AnyDb): Promise<void> {
  const real = isPostgres(db) ? 'double precision' : 'real';

  await withBookkeeping(
    withId(db, db.schema.createTable('units'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'integer', (c) => c.references('units.id')),
  ).execute();
  await db.schema.createIndex('units_parent_idx').on('units').column('parent_id').execute();

  await withBookkeeping(
    withId(db, db.schema.createTable('indicators'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name_vi', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('measure', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('decimals', 'integer', (c) => c.notNull())
      .addColumn('trend', 'text', (c) => c.notNull())
      .addColumn('aggregation', 'text', (c) => c.notNull())
      .addColumn('weight_code', 'text')
      .addColumn('bound_min', sql.raw(real))
      .addColumn('bound_max', sql.raw(real))
      .addColumn('formula', 'text'),
  ).execute();

  await withBookkeeping(
    withId(db, db.schema.createTable('plans'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('title_vi', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text')
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('issuer', 'text')
      .addColumn('baseline_year', 'integer', (c) => c.notNull())
      .addColumn('target_year', 'integer', (c) => c.notNull())
      .addColumn('methodology', 'text', (c) => c.notNull())
      .addColumn('bands', 'text')
      .addColumn('band_labels', 'text')
      .addColumn('forecast_exceed', sql.raw(real))
      .addColumn('forecast_complete', sql.raw(real)),
  ).execute();

  await withBookkeeping(
    withId(db, db.schema.createTable('targets'))
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('group_name', 'text')
      .addColumn('text_vi', 'text', (c) => c.notNull())
      .addColumn('text_en', 'text')
      .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('value', sql.raw(real))
      .addColumn('low', sql.raw(real))
      .addColumn('high', sql.raw(real))
      .addColumn('input', 'text')
      .addColumn('expected', 'text')
      .addColumn('lead', 'text')
      .addColumn('co_agencies', 'text')
      .addUniqueConstraint('targets_plan_code_uq', ['plan_id', 'code']),
  ).execute();

  await withBookkeeping(
    withId(db, db.schema.createTable('programs'))
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title_vi', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text')
      .addColumn('lead', 'text')
      .addUniqueConstraint('programs_plan_code_uq', ['plan_id', 'code']),
  ).execute();

  await db.schema
    .createTable('program_targets')
    .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('target_id', 'integer', (c) => c.notNull().references('targets.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('program_targets_pk', ['program_id', 'target_id'])
    .execute();

  await withBookkeeping(
    withId(db, db.schema.createTable('tasks'))
      .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title_vi', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text')
      .addColumn('lead', 'text')
      .addColumn('co_agencies', 'text')
      .addColumn('due', 'text')
      .addColumn('status', 'text')
      .addColumn('progress', sql.raw(real))
      .addUniqueConstraint('tasks_program_code_uq', ['program_id', 'code']),
  ).execute();

  await withBookkeeping(
    withId(db, db.schema.createTable('indicator_values'))
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('value', sql.raw(real), (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('note', 'text')
      .addUniqueConstraint('indicator_values_cell_uq', [
        'unit_id',
        'indicator_id',
        'year',
        'period',
        'status',
      ]),
  ).execute();
  await db.schema
    .createIndex('indicator_values_indicator_idx')
    .on('indicator_values')
    .columns(['indicator_id', 'year'])
    .execute();

  await withId(db, db.schema.createTable('value_revisions'))
    .addColumn('value_id', 'integer', (c) => c.notNull().references('indicator_values.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('value', sql.raw(real), (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .execute();
  await db.schema.createIndex('value_revisions_value_idx').on('value_revisions').column('value_id').execute();
  await makeAppendOnly(db, 'value_revisions');

  await withId(db, db.schema.createTable('audit_log'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_code', 'text')
    .addColumn('details', 'text')
    .execute();
  await makeAppendOnly(db, 'audit_log');
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'audit_log',
    'value_revisions',
    'indicator_values',
    'tasks',
    'program_targets',
    'programs',
    'targets',
    'plans',
    'indicators',
    'units',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  if (isPostgres(db)) {
    await sql`DROP FUNCTION IF EXISTS audit_log_append_only()`.execute(db);
    await sql`DROP FUNCTION IF EXISTS value_revisions_append_only()`.execute(db);
  }
}
