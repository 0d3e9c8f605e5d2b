import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** Where the data lives, parsed from a `DATABASE_URL`. */
export type DatabaseTarget =
  | { dialect: 'sqlite' /** Absolute file path, or ':memory:'. */; path: string }
  | {
      dialect: 'postgres';
      /** The connection string without chitieu's own `schema` parameter. */
      connectionString: string;
      /** PostgreSQL schema that holds the tables (`?schema=` in the URL), default `public`. */
      schema: string;
    };

export type DatabaseUrlProblem = 'unsupported-scheme' | 'missing-path' | 'malformed' | 'bad-schema';

/**
 * Parse a `DATABASE_URL`: `sqlite:PATH` (relative to `cwd`), `sqlite::memory:`, or
 * `postgres://user@host:port/db` (also `postgresql://`, optional `?schema=NAME`).
 * Pure: it touches neither the file system nor the network.
 *
 * @example
 * parseDatabaseUrl('sqlite:./data/chitieu.db', '/srv/chitieu')
 * // { ok: true, target: { dialect: 'sqlite', path: '/srv/chitieu/data/chitieu.db' } }
 * parseDatabaseUrl('mysql://x') // { ok: false, problem: 'unsupported-scheme' }
 */
export function parseDatabaseUrl(
  url: string,
  cwd: string = process.cwd(),
): { ok: true; target: DatabaseTarget } | { ok: false; problem: DatabaseUrlProblem } {
  if (url.startsWith('sqlite:')) {
    let path = url.slice('sqlite:'.length);
    if (path.startsWith('//')) path = path.slice(2); // sqlite:///abs/path
    if (path.trim() === '') return { ok: false, problem: 'missing-path' };
    return { ok: true, target: { dialect: 'sqlite', path: path === ':memory:' ? path : resolve(cwd, path) } };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { ok: false, problem: 'malformed' };
    }
    if (parsed.hostname === '' || parsed.pathname.length <= 1) return { ok: false, problem: 'malformed' };
    if (parsed.port !== '' && !(Number(parsed.port) > 0)) return { ok: false, problem: 'malformed' };
    const schema = parsed.searchParams.get('schema') ?? 'public';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) return { ok: false, problem: 'bad-schema' };
    parsed.searchParams.delete('schema');
    return { ok: true, target: { dialect: 'postgres', connectionString: parsed.toString(), schema } };
  }
  return { ok: false, problem: 'unsupported-scheme' };
}

/** An open database: the Kysely instance plus what the rest of the system needs to know about it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** PostgreSQL schema holding the tables; undefined on SQLite. */
  schema?: string;
  /** Close every connection. Safe to call twice. */
  destroy(): Promise<void>;
}

// pg returns int8 (count(*)) and numeric as strings; the system promises numbers on both dialects.
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === PG_INT8 || oid === PG_NUMERIC
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Open a database. On SQLite it creates the file's directory (and the file) when missing;
 * on PostgreSQL it only builds a pool, so call {@link checkConnection} to fail early.
 *
 * @example
 * const target = parseDatabaseUrl('sqlite::memory:');
 * if (target.ok) { const h = openDatabase(target.target); await migrateToLatest(h); await h.destroy(); }
 */
export function openDatabase(target: DatabaseTarget, options: { poolSize?: number } = {}): DatabaseHandle {
  let destroyed = false;
  if (target.dialect === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    const sqlite = new SqliteDatabase(target.path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return {
      db,
      dialect: 'sqlite',
      async destroy() {
        if (destroyed) return;
        destroyed = true;
        await db.destroy();
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: options.poolSize ?? 10,
    types: pgTypes,
    // Every connection resolves unqualified names in chitieu's schema first.
    options: `-c search_path=${target.schema}`,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    schema: target.schema,
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      await db.destroy();
    },
  };
}
