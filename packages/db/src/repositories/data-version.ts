import type { Executor } from '../transaction.js';

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
  const row = await db
    .selectFrom('data_version')
    .select((eb) => eb.fn.sum<number>('n').as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
