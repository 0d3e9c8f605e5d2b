import { createHash } from 'node:crypto';
import type { DatabaseHandle } from '@chitieu/db';
import { sql } from 'kysely';

/** The domain tables whose rows an import may write. */
const TABLES = [
  'units',
  'indicators',
  'plans',
  'targets',
  'programs',
  'program_targets',
  'tasks',
  'indicator_values',
  'value_revisions',
  'audit_log',
] as const;

export interface Snapshot {
  counts: Record<string, number>;
  /** SHA-256 of every figure (unit, indicator, year, period, status, value, version), in key order. */
  figures: string;
}

/**
 * Row counts of the domain tables and a checksum of the figures table: equal snapshots before and
 * after a refused write prove that nothing was written.
 *
 * @example expect(await snapshot(handle)).toEqual(before);
 */
export async function snapshot(handle: DatabaseHandle): Promise<Snapshot> {
  const counts: Record<string, number> = {};
  for (const t of TABLES) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(handle.db);
    counts[t] = Number(r.rows[0]?.n ?? 0);
  }
  const rows = await handle.db
    .selectFrom('indicator_values')
    .select(['unit_id', 'indicator_id', 'year', 'period', 'status', 'value', 'version'])
    .orderBy('unit_id')
    .orderBy('indicator_id')
    .orderBy('year')
    .orderBy('period')
    .orderBy('status')
    .execute();
  const hash = createHash('sha256');
  for (const r of rows) hash.update(`${Object.values(r).map(String).join('|')}\n`);
  return { counts, figures: hash.digest('hex') };
}
