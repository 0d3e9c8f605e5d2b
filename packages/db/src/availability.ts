/**
 * Telling "the database is away or busy" (worth a 503 and a retry) from a real failure (a 500).
 * PostgreSQL going down shows up as socket errors, pg's "Connection terminated" messages and the
 * SQLSTATE classes 08 (connection exception), 57P0x (shutdown, starting up) and 53 (out of
 * resources); SQLite reports a locked file as SQLITE_BUSY / SQLITE_LOCKED and a full disk as
 * SQLITE_FULL.
 */

/** `down`: the database cannot be reached now; `busy`: it answers but cannot take this now. */
export type Unavailability = 'down' | 'busy';

const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** pg reports a lost or unobtainable connection with these messages and no code. */
const PG_CONNECTION_MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end on the pool',
];

function codeOf(err: object): string | undefined {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Whether an error means the database is unavailable for now (`'down'` or `'busy'`), or false for
 * any other error. Looks through `cause` chains and AggregateErrors (a failed connect to a host
 * with several addresses).
 *
 * @example
 * databaseUnavailability(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })) // 'down'
 * databaseUnavailability(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })) // 'busy'
 * databaseUnavailability(new Error('duplicate key')) // false
 */
export function databaseUnavailability(err: unknown): Unavailability | false {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = codeOf(e);
    if (code !== undefined) {
      if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
      if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR')) return 'down';
      if (SOCKET_CODES.has(code)) return 'down';
      // A Unix socket that is gone; any other missing file is no database matter.
      if (code === 'ENOENT' && (e as { syscall?: unknown }).syscall === 'connect') return 'down';
      // SQLSTATE: 08xxx connection exception, 57P01-57P05 shutdown / starting up, 53xxx resources.
      if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-5]$/.test(code)) return 'down';
      if (/^53[0-9A-Z]{3}$/.test(code)) return 'busy';
    }
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && PG_CONNECTION_MESSAGES.some((m) => message.includes(m))) return 'down';
    if (e instanceof AggregateError) {
      for (const inner of e.errors) {
        const found = databaseUnavailability(inner);
        if (found) return found;
      }
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
