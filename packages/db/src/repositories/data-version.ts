import { sql } from 'kysely';
import type { Executor } from '../transaction.js';

/**
 * The data version as a scalar subquery, to read it in the same statement as something else a
 * request needs anyway (one round trip fewer on the hottest reads). Same value as {@link dataVersion}.
 *
 * @example
 * db.selectFrom('plans').select(['id', dataVersionSql.as('data_version')])
 */
export const dataVersionSql = sql<number>`(select coalesce(sum(n), 0) from data_version)`;

/**
 * The data version: a counter that every committed write to units, indicators, plans, targets,
 * figures or lineage has moved on (triggers of migrations 0101 and 0102). Two reads giving the same number
 * saw the same data, so a result computed at that number may be served again.
 *
 * @example
 * const v = await dataVersion(db); // 1842
 */
export async function dataVersion(db: Executor): Promise<number> {
  // The sum of the shards (0102): it grows with every committed write, whichever shard it bumped.
  const { rows } = await sql<{ n: number }>`select ${dataVersionSql} as n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
