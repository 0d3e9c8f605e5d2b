import type { Value } from '@chitieu/core';
import type { FastifyRequest } from 'fastify';
import { readableUnitIds } from './plugin.js';

/** The plan a file is exported from, as far as the reader's share of its figures goes. */
export interface ExportedPlan {
  unit_id: number;
  unit_code: string;
  visibility: string;
}

/**
 * The figures of an exported plan file that the caller may take away. A plan file carries the
 * raw figures of the plan's unit with its parent, siblings and children (what an evaluation
 * reads); a reader gets only:
 * - a role on every unit: all of them;
 * - signed in: those of the units they may read, as they are (notes included);
 * - a public plan, for anyone: also the plan's own unit's figures — what its public pages show —
 *   without their notes (internal remarks); nothing of the parent, siblings or children.
 *
 * @example
 * file.values = await valuesForReader(request, plan, file.values);
 */
export async function valuesForReader(
  request: FastifyRequest,
  plan: ExportedPlan,
  values: readonly Value[],
): Promise<Value[]> {
  const readable = await readableUnitIds(request);
  if (readable === null) return [...values];
  const codes = new Set(await unitCodes(request, readable));
  const publicUnit = plan.visibility === 'public' ? plan.unit_code : null;
  return values.flatMap((v) => {
    if (codes.has(v.unit)) return [v];
    if (v.unit !== publicUnit) return [];
    const { note: _note, ...shown } = v;
    return [shown];
  });
}

async function unitCodes(request: FastifyRequest, ids: readonly number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await request.server.database.db
    .selectFrom('units')
    .select('code')
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.code);
}
