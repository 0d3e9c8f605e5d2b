import type { Lang } from '@chitieu/core';
import type { Executor } from '../transaction.js';
import { DomainError } from './records.js';

/** The cell a figure write touches (database ids). */
export interface FigureCell {
  unit: number;
  indicator: number;
  year: number;
}

/** Why a cell cannot be written: the approved workflow that covers it. */
export interface FigureLock {
  plan: string;
  unit: string;
  year: number;
  /** Who approved, and when (the latest approval). */
  approvedBy: string | null;
  approvedAt: string | null;
}

/**
 * A figure write refused because the workflow approved the figures (HTTP 409). `lock` says
 * which plan, who approved and when; {@link figureLockMessage} words it.
 */
export class FiguresLockedError extends DomainError {
  constructor(readonly lock: FigureLock) {
    super('figures-locked', [{ path: 'year', subject: String(lock.year), rule: `approved:${lock.plan}` }]);
  }
}

/**
 * The sentence that explains a lock, in the reader's language.
 *
 * @example
 * figureLockMessage({ plan: 'NQ-XI', unit: '381', year: 2023, approvedBy: 'hoa', approvedAt: '2026-11-28T09:00:00.000Z' }, 'en')
 * // 'The 2023 figures of unit 381 for plan NQ-XI were approved by hoa on 2026-11-28; they must be reopened, with a reason, before they can change.'
 */
export function figureLockMessage(lock: FigureLock, lang: Lang): string {
  const by = lock.approvedBy ?? '?';
  const on = lock.approvedAt?.slice(0, 10) ?? '?';
  return lang === 'vi'
    ? `Số liệu năm ${lock.year} của đơn vị ${lock.unit} thuộc kế hoạch ${lock.plan} đã được ${by} phê duyệt ngày ${on}; cần mở lại (nêu rõ lý do) trước khi sửa.`
    : `The ${lock.year} figures of unit ${lock.unit} for plan ${lock.plan} were approved by ${by} on ${on}; they must be reopened, with a reason, before they can change.`;
}

/** Identifiers in a formula (indicator codes are among them). */
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_.]*/g;

/**
 * The lock on a cell, or null when it may be written. A cell is locked when a workflow of the
 * same unit and year is `approved` for a plan that uses the indicator: as a target's indicator,
 * or (transitively) as an input of a formula or the weight of such an indicator — changing an
 * input would change the approved result. One query when nothing is approved (the usual case).
 *
 * @example
 * await findFigureLock(trx, { unit: 7, indicator: 3, year: 2023 })
 * // { plan: 'NQ-XI', unit: '381', year: 2023, approvedBy: 'hoa', approvedAt: '…' } or null
 */
export async function findFigureLock(db: Executor, cell: FigureCell): Promise<FigureLock | null> {
  const approved = await db
    .selectFrom('figure_workflows')
    .innerJoin('plans', 'plans.id', 'figure_workflows.plan_id')
    .innerJoin('units', 'units.id', 'figure_workflows.unit_id')
    .select(['figure_workflows.id', 'figure_workflows.plan_id', 'plans.code as plan', 'units.code as unit'])
    .where('figure_workflows.unit_id', '=', cell.unit)
    .where('figure_workflows.year', '=', cell.year)
    .where('figure_workflows.state', '=', 'approved')
    .execute();
  if (approved.length === 0) return null;
  const indicators = await db
    .selectFrom('indicators')
    .select(['id', 'code', 'formula', 'weight_code'])
    .execute();
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const code = indicators.find((i) => Number(i.id) === cell.indicator)?.code;
  if (code === undefined) return null;
  for (const wf of approved) {
    const targets = await db
      .selectFrom('targets')
      .innerJoin('indicators', 'indicators.id', 'targets.indicator_id')
      .select('indicators.code')
      .where('targets.plan_id', '=', wf.plan_id)
      .execute();
    const used = new Set<string>();
    const queue = targets.map((t) => t.code);
    while (queue.length > 0) {
      const next = queue.pop() as string;
      if (used.has(next)) continue;
      used.add(next);
      const ind = byCode.get(next);
      if (!ind) continue;
      if (ind.weight_code) queue.push(ind.weight_code);
      for (const name of ind.formula?.match(IDENTIFIER) ?? []) if (byCode.has(name)) queue.push(name);
    }
    if (!used.has(code)) continue;
    const step = await db
      .selectFrom('workflow_steps')
      .select(['actor', 'at'])
      .where('workflow_id', '=', wf.id)
      .where('action', '=', 'approve')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return {
      plan: wf.plan,
      unit: wf.unit,
      year: cell.year,
      approvedBy: step?.actor ?? null,
      approvedAt: step?.at ?? null,
    };
  }
  return null;
}

/**
 * The one check point every figure write passes, inside its transaction: throws
 * {@link FiguresLockedError} (a `figures-locked` {@link DomainError}) when an approved workflow
 * covers the cell (see {@link findFigureLock}). Reopening the workflow, with a reason, unlocks it.
 *
 * @example
 * await withTransaction(db, async (trx) => {
 *   await assertFiguresWritable(trx, { unit: 7, indicator: 3, year: 2023 }); // throws when locked
 *   // … write the figure
 * });
 */
export async function assertFiguresWritable(db: Executor, cell: FigureCell): Promise<void> {
  const lock = await findFigureLock(db, cell);
  if (lock) throw new FiguresLockedError(lock);
}
