import type { HealthResponse } from '@chitieu/contract';
import type { Dialect } from '@chitieu/db';

/**
 * What `/api/health` says about a running server.
 *
 * @example
 * presentHealth('sqlite', '0001_initial') // { status: 'ok', database: 'sqlite', migration: '0001_initial' }
 */
export function presentHealth(dialect: Dialect, migration: string): HealthResponse {
  return { status: 'ok', database: dialect, migration };
}
