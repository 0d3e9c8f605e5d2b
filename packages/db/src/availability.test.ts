import { describe, expect, it } from 'vitest';
import { databaseUnavailability } from './availability.js';

const withCode = (message: string, code: string, extra: object = {}) =>
  Object.assign(new Error(message), { code, ...extra });

describe('databaseUnavailability', () => {
  it.each([
    [
      'PostgreSQL refuses connections',
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      'down',
    ],
    ['a dropped socket', withCode('read ECONNRESET', 'ECONNRESET'), 'down'],
    [
      'admin shutdown (57P01)',
      withCode('terminating connection due to administrator command', '57P01'),
      'down',
    ],
    ['starting up (57P03)', withCode('the database system is starting up', '57P03'), 'down'],
    ['a connection exception (08006)', withCode('connection failure', '08006'), 'down'],
    ['too many connections (53300)', withCode('sorry, too many clients already', '53300'), 'busy'],
    ['pg losing the connection', new Error('Connection terminated unexpectedly'), 'down'],
    ['pg giving up connecting', new Error('timeout exceeded when trying to connect'), 'down'],
    [
      'a gone Unix socket',
      withCode('connect ENOENT /run/postgresql/.s.PGSQL.5432', 'ENOENT', { syscall: 'connect' }),
      'down',
    ],
    ['SQLite locked', withCode('database is locked', 'SQLITE_BUSY'), 'busy'],
    ['SQLite snapshot busy', withCode('database is locked', 'SQLITE_BUSY_SNAPSHOT'), 'busy'],
    ['SQLite table locked', withCode('database table is locked', 'SQLITE_LOCKED'), 'busy'],
    ['SQLite disk full', withCode('database or disk is full', 'SQLITE_FULL'), 'down'],
    ['a wrapped cause', new Error('import failed', { cause: withCode('x', 'ECONNREFUSED') }), 'down'],
    ['one of several addresses', new AggregateError([new Error('x'), withCode('y', 'ECONNREFUSED')]), 'down'],
  ])('%s → %s', (_what, err, expected) => {
    expect(databaseUnavailability(err)).toBe(expected);
  });

  it.each([
    ['a unique violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['invalid UTF-8 (NUL)', withCode('invalid byte sequence for encoding "UTF8": 0x00', '22021')],
    ['a syntax error', withCode('syntax error at or near', '42601')],
    ['a SQLite constraint', withCode('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE')],
    [
      'a missing file that is no socket',
      withCode("ENOENT: no such file or directory, open 'font.ttf'", 'ENOENT', { syscall: 'open' }),
    ],
    ['a plain error', new Error('boom')],
    ['not an error', 'Connection terminated'],
    ['nothing', undefined],
  ])('%s → false', (_what, err) => {
    expect(databaseUnavailability(err)).toBe(false);
  });
});
