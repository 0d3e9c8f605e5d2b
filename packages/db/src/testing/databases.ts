import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, type Dialect, openDatabase, parseDatabaseUrl } from '../connect.js';

/** Where the PostgreSQL suite connects: `TEST_DATABASE_URL`, else the local server's `test` database. */
export const PG_TEST_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

function answers(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.connect(port, host, () => finish(true));
  });
}

/**
 * The dialects a database suite runs on (kysely's pattern: one suite, looped over dialects).
 * SQLite always; PostgreSQL when `TEST_DATABASE_URL` is set or 127.0.0.1:5432 answers. Under
 * `CI=true` a missing PostgreSQL throws, so the suite fails instead of silently skipping.
 *
 * @example
 * describe.each(await testDialects())('%s', (dialect) => { … });
 */
export async function testDialects(): Promise<Dialect[]> {
  const url = new URL(PG_TEST_URL);
  const pgUp = await answers(url.hostname, Number(url.port || 5432));
  if (!pgUp && process.env.CI === 'true') {
    throw new Error(`PostgreSQL required under CI=true but ${url.host} does not answer (TEST_DATABASE_URL)`);
  }
  return pgUp ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A fresh, empty database for one test file, and how to remove it. */
export interface TestDatabase {
  handle: DatabaseHandle;
  /** A `DATABASE_URL` pointing at the same database, for child processes. */
  url: string;
  /** Close connections and delete everything the database held (file or schema). */
  cleanup(): Promise<void>;
}

/**
 * Create an empty database: SQLite in a new temporary directory, PostgreSQL in a new random
 * schema of the test database. Nothing is migrated yet.
 *
 * @example
 * const t = await createTestDatabase('postgres'); // schema t_3f9a…
 * await migrateToLatest(t.handle);
 * await t.cleanup(); // DROP SCHEMA … CASCADE
 */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-test-'));
    return opened(`sqlite:${join(dir, 'test.db')}`, () => rmSync(dir, { recursive: true, force: true }));
  }
  const { url, schema } = newTestSchemaUrl();
  await adminQuery(`CREATE SCHEMA ${schema}`);
  return opened(url, () => dropTestSchema(schema));
}

/** Open `url`; cleaning up closes it, then runs `remove`. */
function opened(url: string, remove: () => unknown): TestDatabase {
  const handle = openFrom(url);
  return {
    handle,
    url,
    async cleanup() {
      await handle.destroy();
      await remove();
    },
  };
}

/** A fresh name for a PostgreSQL schema nobody uses, and a DATABASE_URL for it; drop it with {@link dropTestSchema}. */
export function newTestSchemaUrl(): { url: string; schema: string } {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  return { url: withSchema(PG_TEST_URL, schema), schema };
}

/** Remove a test schema and everything in it. */
export async function dropTestSchema(schema: string): Promise<void> {
  await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return u.toString();
}

function openFrom(url: string): DatabaseHandle {
  const parsed = parseDatabaseUrl(url);
  if (!parsed.ok) throw new Error(`bad test database url ${url}: ${parsed.problem}`);
  return openDatabase(parsed.target, { poolSize: 4 });
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
