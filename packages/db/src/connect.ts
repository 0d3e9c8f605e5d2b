import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { searchKey } from '@chitieu/core';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { SchemaScopedPostgresDialect } from './schema-introspector.js';

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
  /**
   * Be told of a connection lost outside any query (PostgreSQL restarted or went away while a
   * connection sat idle, or mid-query). Such errors never crash the process: the connection is
   * dropped and the next query opens a new one. Returns a function that stops listening.
   */
  onConnectionError(listener: (err: Error) => void): () => void;
}

/** What {@link openDatabase} can be told; every field has a default. */
export interface OpenOptions {
  /** PostgreSQL: connections in the pool (default 10). */
  poolSize?: number;
  /** PostgreSQL: give up opening a connection after this long (default 5 s), so requests fail fast. */
  connectTimeoutMs?: number;
  /** SQLite: wait this long for a lock before SQLITE_BUSY (default 5 s). */
  busyTimeoutMs?: number;
}

/** Listeners for connection errors, and the one function that tells them all. */
function connectionErrorListeners() {
  const listeners = new Set<(err: Error) => void>();
  return {
    add(listener: (err: Error) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit(err: Error) {
      for (const listener of listeners) listener(err);
    },
  };
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
export function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): DatabaseHandle {
  let destroyed = false;
  const errors = connectionErrorListeners();
  if (target.dialect === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    const sqlite = new SqliteDatabase(target.path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    // Search compares texts without accents or case; PostgreSQL has it from migration 0500_search.
    sqlite.function('chitieu_search_key', { deterministic: true }, (t: unknown) =>
      typeof t === 'string' ? searchKey(t) : null,
    );
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return {
      db,
      dialect: 'sqlite',
      async destroy() {
        if (destroyed) return;
        destroyed = true;
        await db.destroy();
      },
      onConnectionError: errors.add,
    };
  }
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: options.poolSize ?? 10,
    types: pgTypes,
    // Every connection resolves unqualified names in chitieu's schema first.
    options: `-c search_path=${target.schema}`,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    // Notice a server that vanished without closing the socket (a host down, a cable pulled).
    keepAlive: true,
  });
  // Without these listeners a connection that PostgreSQL terminates (restart, failover, idle
  // timeout) emits 'error' with nobody listening, and Node ends the process. pg-pool already
  // drops an idle client that errs (it then emits on the pool); a client in use is dropped when
  // it is released, because it is no longer queryable, and its query rejects on its own.
  pool.on('error', () => undefined); // the client's own listener below has reported it
  pool.on('connect', (client) => {
    client.on('error', (err) => errors.emit(err));
  });
  const db = new Kysely<Database>({ dialect: new SchemaScopedPostgresDialect({ pool }, target.schema) });
  return {
    db,
    dialect: 'postgres',
    schema: target.schema,
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      await db.destroy();
    },
    onConnectionError: errors.add,
  };
}
