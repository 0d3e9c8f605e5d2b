import type { Lang } from '@chitieu/core';
import { type DatabaseHandle, type MigrationOutcome, migrateToLatest, openDatabase } from '@chitieu/db';
import { sql } from 'kysely';
import { type Config, describeDatabase } from './config.js';

/** A failure the CLI reports without a stack trace: its message, and exit code 1 (or the one given). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/**
 * Print `chitieu: MESSAGE` on stderr and set a failing exit code.
 *
 * @example
 * fail('PORT="x" không hợp lệ'); // stderr: chitieu: PORT="x" không hợp lệ
 */
export function fail(message: string, exitCode = 1): void {
  process.stderr.write(`chitieu: ${message}\n`);
  process.exitCode = exitCode;
}

const CANNOT_OPEN: Record<Lang, (where: string, why: string) => string> = {
  vi: (where, why) => `không mở được cơ sở dữ liệu ${where}: ${why}`,
  en: (where, why) => `cannot open the database ${where}: ${why}`,
};
const CANNOT_MIGRATE: Record<Lang, (where: string, why: string) => string> = {
  vi: (where, why) => `không cập nhật được cấu trúc cơ sở dữ liệu ${where}: ${why}`,
  en: (where, why) => `cannot migrate the database ${where}: ${why}`,
};

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';

/**
 * Open the configured database, check that it answers, and bring its schema up to date
 * (migrations run on every start). Failures become a {@link CliError} with one clear line.
 *
 * @example
 * const { handle, migration } = await openConfiguredDatabase(config);
 * // migration.applied: ['0001_initial'] on a new database, [] afterwards
 */
export async function openConfiguredDatabase(
  config: Config,
): Promise<{ handle: DatabaseHandle; migration: MigrationOutcome }> {
  const where = describeDatabase(config.database);
  let handle: DatabaseHandle | undefined;
  try {
    handle = openDatabase(config.database);
    await sql`select 1`.execute(handle.db);
  } catch (err) {
    await handle?.destroy().catch(() => {});
    throw new CliError(CANNOT_OPEN[config.lang](where, reason(err)));
  }
  try {
    return { handle, migration: await migrateToLatest(handle) };
  } catch (err) {
    await handle.destroy();
    throw new CliError(CANNOT_MIGRATE[config.lang](where, reason(err)));
  }
}

/**
 * Run a command's work: a {@link CliError} (or any error) becomes one `chitieu: …` line on
 * stderr and exit code 1; set `CHITIEU_DEBUG=1` to see the stack of an unexpected error.
 *
 * @example
 * program.command('migrate').action(() => runAction(async () => { … }));
 */
export async function runAction(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (err instanceof CliError) return fail(err.message, err.exitCode);
    if (process.env.CHITIEU_DEBUG === '1') console.error(err);
    fail(reason(err));
  }
}

/**
 * The configuration, or a {@link CliError} carrying its one-line problem.
 *
 * @example
 * const config = requireConfig(loadConfig());
 */
export function requireConfig(loaded: { ok: true; config: Config } | { ok: false; message: string }): Config {
  if (!loaded.ok) throw new CliError(loaded.message);
  return loaded.config;
}
