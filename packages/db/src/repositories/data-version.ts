import type { Executor } from '../transaction.js';

/**
 * The data version: a counter that every committed write to units, indicators, plans, targets,
 * figures or lineage has moved on (triggers of migration 0101). Two reads giving the same number
 * saw the same data, so a result computed at that number may be served again.
 *
 * @example
 * const v = await dataVersion(db); // 1842
 */
export async function dataVersion(db: Executor): Promise<number> {
  const row = await db.selectFrom('data_version').select('n').where('id', '=', 1).executeTakeFirst();
  return Number(row?.n ?? 0);
}
