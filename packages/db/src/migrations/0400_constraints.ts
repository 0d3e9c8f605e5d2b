import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once released, like every migration: it must not depend on the current schema type.
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema type
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * The values every enum column may hold (a NULL in a nullable column is always allowed). The same
 * lists as the unions of schema.ts and core's model; a migration keeps its own copy, frozen.
 */
export const ENUM_COLUMNS: readonly { table: string; column: string; values: readonly string[] }[] = [
  { table: 'indicators', column: 'direction', values: ['up', 'down'] },
  { table: 'indicators', column: 'trend', values: ['compound', 'linear'] },
  { table: 'indicators', column: 'aggregation', values: ['sum', 'ratio', 'weighted-mean', 'none'] },
  {
    table: 'plans',
    column: 'kind',
    values: ['party-resolution', 'council-resolution', 'socio-economic-plan', 'annual-plan', 'sdg', 'other'],
  },
  { table: 'plans', column: 'methodology', values: ['chitieu', 'sdg-progress'] },
  { table: 'plans', column: 'visibility', values: ['public', 'private'] },
  { table: 'plans', column: 'state', values: ['active', 'archived'] },
  {
    table: 'targets',
    column: 'kind',
    values: ['level', 'avg-growth', 'cumulative', 'annual', 'change', 'milestone'],
  },
  { table: 'targets', column: 'input', values: ['levels', 'rates'] },
  { table: 'targets', column: 'expected', values: ['exceed', 'complete', 'at-risk'] },
  { table: 'programs', column: 'kind', values: ['program', 'breakthrough', 'task-group'] },
  {
    table: 'tasks',
    column: 'status',
    values: ['not-started', 'in-progress', 'done', 'overdue', 'cancelled'],
  },
  { table: 'indicator_values', column: 'status', values: ['official', 'preliminary', 'estimate', 'plan'] },
  { table: 'unit_lineage', column: 'kind', values: ['merge', 'split'] },
  { table: 'user_roles', column: 'role', values: ['viewer', 'editor', 'manager', 'admin'] },
  { table: 'figure_workflows', column: 'state', values: ['draft', 'submitted', 'approved', 'reopened'] },
  { table: 'workflow_steps', column: 'action', values: ['submit', 'approve', 'return', 'reopen'] },
  { table: 'workflow_steps', column: 'from_state', values: ['draft', 'submitted', 'approved', 'reopened'] },
  { table: 'workflow_steps', column: 'to_state', values: ['draft', 'submitted', 'approved', 'reopened'] },
];

/** Tables whose rows are history: never updated, never deleted, never truncated. */
const HISTORY = ['audit_log', 'value_revisions', 'workflow_steps'];

/** The message a refused value carries on SQLite (the error mapping reads the column from it). */
export const CHECK_MESSAGE_PREFIX = 'chitieu-check';
/** The message of a write refused because its plan is archived (both dialects). */
export const ARCHIVED_MESSAGE_PREFIX = 'chitieu-archived';

/**
 * The tables whose rows belong to one plan, and the SQL (SQLite) that finds the plan's state from
 * a row (`R` stands for NEW or OLD).
 */
const PLAN_PARTS: readonly { table: string; state: string }[] = [
  { table: 'targets', state: 'select state from plans where id = R.plan_id' },
  { table: 'programs', state: 'select state from plans where id = R.plan_id' },
  {
    table: 'program_targets',
    state: 'select p.state from programs g join plans p on p.id = g.plan_id where g.id = R.program_id',
  },
  {
    table: 'tasks',
    state: 'select p.state from programs g join plans p on p.id = g.plan_id where g.id = R.program_id',
  },
  {
    table: 'task_targets',
    state: `select p.state from tasks t join programs g on g.id = t.program_id join plans p on p.id = g.plan_id
            where t.id = R.task_id`,
  },
  {
    table: 'progress_notes',
    state: `select p.state from tasks t join programs g on g.id = t.program_id join plans p on p.id = g.plan_id
            where t.id = R.task_id`,
  },
];

const list = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');

/**
 * The database backs the rules (issue 10) and keeps its history (issue 9):
 * - every enum column accepts only its listed values: a named CHECK constraint on PostgreSQL
 *   (`<table>_<column>_check`), BEFORE INSERT / UPDATE triggers on SQLite (which cannot add a
 *   CHECK to an existing table without rebuilding it, and a rebuild would have to recreate every
 *   index, trigger and foreign key of the tables that refer to it). Existing rows are checked
 *   first: a database holding a value outside a list stops the migration with the table, column
 *   and values named, and nothing changes;
 * - plans get a `state`, `active` or `archived` (a plan with approved figures is archived, never deleted);
 *   an archived plan and everything in it (targets, programs, tasks, notes, their links) refuse every
 *   write but the one that makes the plan active again, whichever path writes (triggers);
 * - `workflow_steps` refuses DELETE too (0200 refused only UPDATE), so approvals are never lost:
 *   deleting a plan whose figures went through the workflow fails in the database itself;
 * - on PostgreSQL, TRUNCATE of the history tables is refused by a BEFORE TRUNCATE trigger.
 */
export async function up(db: AnyDb): Promise<void> {
  // Kysely runs migrations in a transaction only where it knows DDL is transactional (PostgreSQL);
  // SQLite's DDL is transactional too, so this one is all or nothing there as well.
  if (isPostgres(db)) await apply(db, true);
  else await db.transaction().execute((trx) => apply(trx, false));
}

async function apply(db: AnyDb, pg: boolean): Promise<void> {
  const bad: string[] = [];
  for (const { table, column, values } of ENUM_COLUMNS) {
    if (table === 'plans' && column === 'state') continue; // added below
    const { rows } = await sql<{ v: string }>`select distinct ${sql.ref(column)} as v from ${sql.table(table)}
      where ${sql.ref(column)} is not null and ${sql.ref(column)} not in (${sql.join([...values])})`.execute(
      db,
    );
    if (rows.length > 0) bad.push(`${table}.${column}: ${rows.map((r) => JSON.stringify(r.v)).join(', ')}`);
  }
  if (bad.length > 0) {
    throw new Error(`values outside their lists, correct them before migrating: ${bad.join('; ')}`);
  }
  await db.schema
    .alterTable('plans')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('active'))
    .execute();

  for (const { table, column, values } of ENUM_COLUMNS) {
    if (pg) {
      await sql
        .raw(
          `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_check CHECK (${column} IN (${list(values)}))`,
        )
        .execute(db);
      continue;
    }
    for (const op of ['insert', 'update']) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_${column}_check_${op} BEFORE ${op.toUpperCase()}${op === 'update' ? ` OF ${column}` : ''} ON ${table}
           WHEN NEW.${column} NOT IN (${list(values)})
           BEGIN SELECT RAISE(ABORT, '${CHECK_MESSAGE_PREFIX} ${table}.${column}'); END`,
        )
        .execute(db);
    }
  }

  await guardArchivedPlans(db, pg);

  if (pg) {
    await sql
      .raw(`CREATE TRIGGER workflow_steps_no_delete BEFORE DELETE ON workflow_steps
            FOR EACH ROW EXECUTE FUNCTION workflow_steps_append_only()`)
      .execute(db);
    await sql
      .raw(
        `CREATE FUNCTION chitieu_history_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION '% is append-only: TRUNCATE is refused', TG_TABLE_NAME; END $$`,
      )
      .execute(db);
    for (const table of HISTORY) {
      await sql
        .raw(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
              FOR EACH STATEMENT EXECUTE FUNCTION chitieu_history_no_truncate()`)
        .execute(db);
    }
  } else {
    // SQLite has no TRUNCATE; `DELETE FROM` is what the triggers refuse.
    await sql
      .raw(`CREATE TRIGGER workflow_steps_no_delete BEFORE DELETE ON workflow_steps
            BEGIN SELECT RAISE(ABORT, 'workflow_steps is append-only'); END`)
      .execute(db);
  }
}

/** Archived plans and their parts refuse writes (see {@link up}). */
async function guardArchivedPlans(db: AnyDb, pg: boolean): Promise<void> {
  const refuse = `${ARCHIVED_MESSAGE_PREFIX} plan`;
  if (pg) {
    await sql
      .raw(
        `CREATE FUNCTION chitieu_archived_plan_guard() RETURNS trigger LANGUAGE plpgsql AS $$
         DECLARE r record; pid integer; st text;
         BEGIN
           IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
           IF TG_TABLE_NAME = 'plans' THEN
             IF OLD.state = 'archived' AND NEW.state = 'archived' THEN RAISE EXCEPTION '${refuse}'; END IF;
             RETURN NEW;
           ELSIF TG_TABLE_NAME IN ('targets', 'programs') THEN pid := r.plan_id;
           ELSIF TG_TABLE_NAME IN ('program_targets', 'tasks') THEN
             SELECT g.plan_id INTO pid FROM programs g WHERE g.id = r.program_id;
           ELSE
             SELECT g.plan_id INTO pid FROM tasks t JOIN programs g ON g.id = t.program_id WHERE t.id = r.task_id;
           END IF;
           SELECT p.state INTO st FROM plans p WHERE p.id = pid;
           IF st = 'archived' THEN RAISE EXCEPTION '${refuse}'; END IF;
           IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
           RETURN NEW;
         END $$`,
      )
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER plans_archived_guard BEFORE UPDATE ON plans
            FOR EACH ROW EXECUTE FUNCTION chitieu_archived_plan_guard()`)
      .execute(db);
    for (const { table } of PLAN_PARTS) {
      await sql
        .raw(`CREATE TRIGGER ${table}_archived_guard BEFORE INSERT OR UPDATE OR DELETE ON ${table}
              FOR EACH ROW EXECUTE FUNCTION chitieu_archived_plan_guard()`)
        .execute(db);
    }
    return;
  }
  await sql
    .raw(`CREATE TRIGGER plans_archived_guard BEFORE UPDATE ON plans
          WHEN OLD.state = 'archived' AND NEW.state = 'archived'
          BEGIN SELECT RAISE(ABORT, '${refuse}'); END`)
    .execute(db);
  for (const { table, state } of PLAN_PARTS) {
    for (const [op, row] of [
      ['insert', 'NEW'],
      ['update', 'NEW'],
      ['delete', 'OLD'],
    ] as const) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_archived_guard_${op} BEFORE ${op.toUpperCase()} ON ${table}
           WHEN (${state.replaceAll('R.', `${row}.`)}) = 'archived'
           BEGIN SELECT RAISE(ABORT, '${refuse}'); END`,
        )
        .execute(db);
    }
  }
}

/** Forward-only in production; `down` exists for development databases. */
export async function down(db: AnyDb): Promise<void> {
  const pg = isPostgres(db);
  for (const { table, column } of ENUM_COLUMNS) {
    if (pg) await sql.raw(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_check`).execute(db);
    else
      for (const op of ['insert', 'update'])
        await sql.raw(`DROP TRIGGER ${table}_${column}_check_${op}`).execute(db);
  }
  if (pg) {
    for (const table of ['plans', ...PLAN_PARTS.map((p) => p.table)])
      await sql.raw(`DROP TRIGGER ${table}_archived_guard ON ${table}`).execute(db);
    await sql.raw('DROP FUNCTION chitieu_archived_plan_guard()').execute(db);
    for (const table of HISTORY) await sql.raw(`DROP TRIGGER ${table}_no_truncate ON ${table}`).execute(db);
    await sql.raw('DROP FUNCTION chitieu_history_no_truncate()').execute(db);
    await sql.raw('DROP TRIGGER workflow_steps_no_delete ON workflow_steps').execute(db);
  } else {
    await sql.raw('DROP TRIGGER plans_archived_guard').execute(db);
    for (const { table } of PLAN_PARTS)
      for (const op of ['insert', 'update', 'delete'])
        await sql.raw(`DROP TRIGGER ${table}_archived_guard_${op}`).execute(db);
    await sql.raw('DROP TRIGGER workflow_steps_no_delete').execute(db);
  }
  await db.schema.alterTable('plans').dropColumn('state').execute();
}
