import type { FastifyRequest } from 'fastify';
import { readableUnitIds } from './plugin.js';

/**
 * Which of these plans the caller may read: public ones, and those of the units they may read
 * (every one for a role on every unit). For lists that mention plans beside what the route's own
 * check covered, e.g. the workflows of a unit's figure under an ancestor's private plan.
 *
 * @example
 * const readable = await plansReadableBy(request, ['NQ-XI', 'NQ-TINH']); // Set { 'NQ-XI' }
 */
export async function plansReadableBy(
  request: FastifyRequest,
  codes: readonly string[],
): Promise<Set<string>> {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return new Set();
  const units = await readableUnitIds(request);
  let q = request.server.database.db.selectFrom('plans').select('code').where('code', 'in', wanted);
  if (units !== null) {
    q = q.where((eb) =>
      units.length === 0
        ? eb('visibility', '=', 'public')
        : eb.or([eb('visibility', '=', 'public'), eb('unit_id', 'in', units)]),
    );
  }
  return new Set((await q.execute()).map((r) => r.code));
}
