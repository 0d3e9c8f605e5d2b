import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

/** Either the database or an open transaction: repository functions accept both. */
export type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Run `work` in one transaction: all of its writes land, or none do. Inside an already open
 * transaction it simply joins it, so repository functions compose.
 *
 * @example
 * const counts = await withTransaction(db, async (trx) => {
 *   await trx.insertInto('audit_log').values(entry).execute();
 *   return importRows(trx, rows);
 * });
 */
export async function withTransaction<T>(
  db: Executor,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  return db.transaction().execute(work);
}
