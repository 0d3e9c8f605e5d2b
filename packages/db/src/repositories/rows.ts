import type { Kysely } from 'kysely';
import type { Executor } from '../transaction.js';

/** Added / updated / unchanged rows of one kind, as an import reports them. */
export interface RowCounts {
  added: number;
  updated: number;
  unchanged: number;
}

// biome-ignore lint/suspicious/noExplicitAny: generic helpers address tables by name; callers keep the types
type AnyDb = Kysely<any>;
type Row = Record<string, unknown>;

/** One row an upsert added (`old` null) or changed: the columns it wrote, before and after. */
export interface RowDiff {
  id: number;
  /** The row as it now is. */
  row: Row;
  old: Row | null;
  new: Row;
}

/** Rows per INSERT: keeps every statement far below SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 200;

/** Split a list into chunks of at most `size`. */
export function chunks<T>(items: readonly T[], size = CHUNK * 2): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `a` and `b` hold the same value once undefined is read as null. */
const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/**
 * Insert new rows and update changed ones of `table`, matching by `keyOf`. Unchanged rows are
 * not touched; a changed row gets `version + 1` and a new `updated_at`. `insertDefaults` fill
 * columns a new row leaves out (an update never touches a column its row leaves out). Returns the id of every
 * row by key, and the counts. One INSERT per chunk of new rows, one UPDATE per changed row.
 *
 * @example
 * const { ids, counts } = await upsertRows(trx, 'units', rows, existing, (r) => String(r.code), now);
 * // counts: { added: 2, updated: 1, unchanged: 0 }; ids.get('381') === 7
 */
export async function upsertRows(
  db: Executor,
  table: string,
  rows: readonly Row[],
  existing: readonly Row[],
  keyOf: (row: Row) => string,
  now: string,
  insertDefaults: Row = {},
): Promise<{ ids: Map<string, number>; counts: RowCounts; changed: Set<string>; diffs: RowDiff[] }> {
  const anyDb = db as unknown as AnyDb;
  const ids = new Map<string, number>();
  const changed = new Set<string>();
  const byKey = new Map(existing.map((r) => [keyOf(r), r]));
  const counts: RowCounts = { added: 0, updated: 0, unchanged: 0 };
  const fresh: Row[] = [];
  const diffs: RowDiff[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const key = keyOf(row);
    if (seen.has(key)) continue; // a repeated key: the first occurrence wins
    seen.add(key);
    const old = byKey.get(key);
    if (!old) {
      fresh.push({ ...insertDefaults, ...row, version: 1, created_at: now, updated_at: now });
      continue;
    }
    ids.set(key, Number(old.id));
    if (Object.keys(row).every((col) => same(row[col], old[col]))) {
      counts.unchanged++;
      continue;
    }
    await anyDb
      .updateTable(table)
      .set({ ...row, version: Number(old.version) + 1, updated_at: now })
      .where('id', '=', old.id)
      .execute();
    counts.updated++;
    changed.add(key);
    diffs.push({
      id: Number(old.id),
      row: { ...old, ...row },
      old: Object.fromEntries(Object.keys(row).map((c) => [c, old[c]])),
      new: row,
    });
  }
  for (const part of chunks(fresh, CHUNK)) {
    const inserted = await anyDb.insertInto(table).values(part).returningAll().execute();
    for (const r of inserted) {
      ids.set(keyOf(r), Number(r.id));
      changed.add(keyOf(r));
      diffs.push({ id: Number(r.id), row: r, old: null, new: r });
    }
    counts.added += inserted.length;
  }
  return { ids, counts, changed, diffs };
}

/**
 * Rows of `table` whose `column` is one of `keys`, fetched in chunks.
 *
 * @example
 * await selectWhereIn(trx, 'units', 'code', ['38', '381']) // [{ id: 1, code: '38', … }, …]
 */
export async function selectWhereIn(
  db: Executor,
  table: string,
  column: string,
  keys: readonly (string | number)[],
): Promise<Row[]> {
  const out: Row[] = [];
  for (const part of chunks([...new Set(keys)])) {
    out.push(
      ...(await (db as unknown as AnyDb).selectFrom(table).selectAll().where(column, 'in', part).execute()),
    );
  }
  return out;
}
