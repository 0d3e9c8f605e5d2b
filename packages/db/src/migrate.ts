import { Migrator, sql } from 'kysely';
import type { DatabaseHandle } from './connect.js';
import { MIGRATIONS } from './migrations/index.js';

const MIGRATION_TABLE = 'kysely_migration';

function migratorFor(handle: DatabaseHandle): Migrator {
  return new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
    // Pin the bookkeeping tables to chitieu's schema: Kysely otherwise finds a migration table
    // in any schema of the database and may skip creating ours.
    migrationTableSchema: handle.schema,
  });
}

export interface MigrationOutcome {
  /** Names applied by this call, in order (empty when already up to date). */
  applied: string[];
  /** The newest migration now applied. */
  latest: string;
}

/**
 * Bring the schema up to date. Safe to run concurrently from several processes (Kysely
 * takes a lock) and on every start. Throws with the failing migration's name on error.
 *
 * @example
 * await migrateToLatest(handle) // { applied: ['0001_initial'], latest: '0001_initial' }
 */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationOutcome> {
  const { error, results } = await migratorFor(handle).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? '');
    const which = failed ? `migration ${failed.migrationName}` : 'migrating (before any migration ran)';
    throw new Error(`${which} failed: ${cause}`, { cause: error });
  }
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    latest: await latestAppliedMigration(handle),
  };
}

/**
 * Name of the newest applied migration, or '' on an empty database.
 *
 * @example
 * await latestAppliedMigration(handle) // '0001_initial'
 */
export async function latestAppliedMigration(handle: DatabaseHandle): Promise<string> {
  // One query when migrated (`/api/health` runs this on every call); the catalogue is asked only
  // when it fails, so a missing table reads as "empty" while a connection error still throws.
  const table = handle.schema ? sql.id(handle.schema, MIGRATION_TABLE) : sql.id(MIGRATION_TABLE);
  try {
    const { rows } = await sql<{
      name: string;
    }>`select name from ${table} order by name desc limit 1`.execute(handle.db);
    return rows[0]?.name ?? '';
  } catch (error) {
    if (await migrationTableExists(handle)) throw error;
    return '';
  }
}

async function migrationTableExists(handle: DatabaseHandle): Promise<boolean> {
  const exists =
    handle.dialect === 'postgres'
      ? sql<{ n: number }>`select count(*) as n from pg_catalog.pg_tables
          where schemaname = ${handle.schema ?? 'public'} and tablename = ${MIGRATION_TABLE}`
      : sql<{
          n: number;
        }>`select count(*) as n from sqlite_master where type = 'table' and name = ${MIGRATION_TABLE}`;
  const { rows } = await exists.execute(handle.db);
  return Number(rows[0]?.n ?? 0) > 0;
}
