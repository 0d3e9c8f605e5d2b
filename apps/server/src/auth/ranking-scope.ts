import type { Ranking } from '@chitieu/core';
import type { FastifyRequest } from 'fastify';
import { readableUnitIds } from './plugin.js';

/**
 * A ranking as the caller may read it. After a merger the predecessors hang under their successor
 * (the methodology's lineage), so a ranking under the successor lists them, each with its own
 * figure; a predecessor merged in from another subtree is a unit the caller may not read. Its row
 * (and its place among the unranked) is left out; the successor's own aggregate stays wherever the
 * successor is ranked. Ranks stay those among all units, so a unit has one rank for every reader.
 * Null when nothing is left out.
 *
 * @example
 * const shown = await rankingForReader(request, ranking); // null for an administrator
 */
export async function rankingForReader(request: FastifyRequest, ranking: Ranking): Promise<Ranking | null> {
  const readable = await readableUnitIds(request);
  if (readable === null) return null;
  const named = [...new Set([...ranking.rows.map((r) => r.unit), ...ranking.unranked])];
  if (named.length === 0) return null;
  const mine = new Set(readable);
  const rows = await request.server.database.db
    .selectFrom('units')
    .select(['id', 'code'])
    .where('code', 'in', named)
    .execute();
  const shown = new Set(rows.filter((u) => mine.has(Number(u.id))).map((u) => u.code));
  if (named.every((code) => shown.has(code))) return null;
  return {
    ...ranking,
    rows: ranking.rows.filter((r) => shown.has(r.unit)),
    unranked: ranking.unranked.filter((code) => shown.has(code)),
  };
}
