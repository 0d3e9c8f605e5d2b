import { searchKey } from '@chitieu/core';
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';

/** `%`, `_` and the escape character itself match literally. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * "One of these text columns contains the search", compared without accents, tone marks or case on
 * both dialects (`chitieu_search_key`, migration 0500_search): "an phu", "AN PHÚ" and "An Phú" find
 * the same rows. A search that is only spaces or marks matches everything.
 *
 * @example q.where(searchMatches([sql.ref('units.code'), sql.ref('units.name')], 'an phu'))
 */
export function searchMatches(columns: readonly Expression<unknown>[], search: string): RawBuilder<SqlBool> {
  const pattern = `%${escapeLike(searchKey(search))}%`;
  const tests = columns.map((c) => sql`chitieu_search_key(${c}) like ${pattern} escape '\\'`);
  return sql<SqlBool>`(${sql.join(tests, sql` or `)})`;
}
