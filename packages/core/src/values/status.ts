import type { ValueStatus } from '../model.js';

/** Strength of a status: lower is stronger (official > preliminary > estimate > plan). */
export const STATUS_RANK: Readonly<Record<ValueStatus, number>> = {
  official: 0,
  preliminary: 1,
  estimate: 2,
  plan: 3,
};

/**
 * The weakest of two statuses: a figure computed from several inputs is only as final as its least
 * final input (an estimate summed with official figures is still an estimate).
 *
 * @example weakerStatus('official', 'estimate') // 'estimate'
 */
export function weakerStatus(a: ValueStatus, b: ValueStatus): ValueStatus {
  return STATUS_RANK[a] >= STATUS_RANK[b] ? a : b;
}
