import type { Lang } from '@chitieu/core';
import type { Executor } from '../transaction.js';
import { DomainError } from './records.js';
import { unitAncestors } from './unit-scope.js';

/** The cell a figure write touches (database ids). */
export interface FigureCell {
  unit: number;
  indicator: number;
  year: number;
}

/** Why a cell cannot be written: the approved workflow that covers it. */
export interface FigureLock {
  plan: string;
  /** The unit whose approval locks the cell: the cell's own unit or one above it. */
  unit: string;
  /** The cell's unit, when the approval was given on a unit above it. */
  covers?: string;
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
  const covers = lock.covers
    ? lang === 'vi'
      ? ` (bao gồm số liệu của đơn vị ${lock.covers})`
      : ` (which include unit ${lock.covers}'s)`
    : '';
  return lang === 'vi'
    ? `Số liệu năm ${lock.year} của đơn vị ${lock.unit}${covers} thuộc kế hoạch ${lock.plan} đã được ${by} phê duyệt ngày ${on}; cần mở lại (nêu rõ lý do) trước khi sửa.`
    : `The ${lock.year} figures of unit ${lock.unit}${covers} for plan ${lock.plan} were approved by ${by} on ${on}; they must be reopened, with a reason, before they can change.`;
}

/** Identifiers in a formula (indicator codes are among them). */
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_.]*/g;

/**
 * The lock on a cell, or null when it may be written. A cell is locked when a workflow of the
 * same year, on the cell's unit or any unit above it (an approved district result includes its
 * wards' figures), is `approved` for a plan that uses the indicator: as a target's indicator,
 * or (transitively) as an input of a formula or the weight of such an indicator — changing an
 * input would change the approved result. One query when nothing is approved (the usual case).
 *
 * @example
 * await findFigureLock(trx, { unit: 7, indicator: 3, year: 2023 })
 * // { plan: 'NQ-XI', unit: '381', year: 2023, approvedBy: 'hoa', approvedAt: '…' } or null
 */
export async function findFigureLock(db: Executor, cell: FigureCell): Promise<FigureLock | null> {
  return (await findFigureLocks(db, [cell])).get(0) ?? null;
}

/**
 * The locks on many cells at once (an import), by the cell's index in `cells`; a few queries
 * whatever the number of cells. See {@link findFigureLock} for what locks a cell.
 *
 * @example
 * await findFigureLocks(trx, [{ unit: 7, indicator: 3, year: 2023 }, { unit: 8, indicator: 3, year: 2023 }])
 * // Map { 0 => { plan: 'NQ-XI', … } }
 */
export async function findFigureLocks(
  db: Executor,
  cells: readonly FigureCell[],
): Promise<Map<number, FigureLock>> {
  const locks = new Map<number, FigureLock>();
  // Approvals on any unit above a cell's unit cover it too.
  const chains = await unitAncestors(db, [...new Set(cells.map((c) => c.unit))]);
  const units = [...new Set([...chains.values()].flat())];
  const approved = [];
  for (let i = 0; i < units.length; i += 500) {
    approved.push(
      ...(await db
        .selectFrom('figure_workflows')
        .innerJoin('plans', 'plans.id', 'figure_workflows.plan_id')
        .innerJoin('units', 'units.id', 'figure_workflows.unit_id')
        .select([
          'figure_workflows.id',
          'figure_workflows.plan_id',
          'figure_workflows.unit_id',
          'figure_workflows.year',
          'plans.code as plan',
          'units.code as unit',
        ])
        .where('figure_workflows.unit_id', 'in', units.slice(i, i + 500))
        .where('figure_workflows.state', '=', 'approved')
        .execute()),
    );
  }
  if (approved.length === 0) return locks;
  const planIds = [...new Set(approved.map((a) => Number(a.plan_id)))];
  const used = await indicatorsUsedByPlans(db, planIds);
  const codeOf = new Map(
    (await db.selectFrom('indicators').select(['id', 'code']).execute()).map((i) => [Number(i.id), i.code]),
  );
  const steps = await db
    .selectFrom('workflow_steps')
    .select(['workflow_id', 'actor', 'at'])
    .where(
      'workflow_id',
      'in',
      approved.map((a) => Number(a.id)),
    )
    .where('action', '=', 'approve')
    .orderBy('id')
    .execute();
  const approval = new Map(steps.map((s) => [Number(s.workflow_id), s])); // the latest wins
  const byCell = new Map<string, typeof approved>();
  for (const a of approved) {
    const key = `${a.unit_id}|${a.year}`;
    byCell.set(key, [...(byCell.get(key) ?? []), a]);
  }
  const coveredIds = new Map<number, number>();
  cells.forEach((cell, index) => {
    const code = codeOf.get(cell.indicator);
    const wf = (chains.get(cell.unit) ?? [cell.unit])
      .flatMap((unit) => byCell.get(`${unit}|${cell.year}`) ?? [])
      .find((a) => code !== undefined && used.get(Number(a.plan_id))?.has(code));
    if (!wf) return;
    const step = approval.get(Number(wf.id));
    const own = Number(wf.unit_id) === cell.unit;
    locks.set(index, {
      plan: wf.plan,
      unit: wf.unit,
      ...(own ? {} : { covers: String(cell.unit) }),
      year: cell.year,
      approvedBy: step?.actor ?? null,
      approvedAt: step?.at ?? null,
    });
    if (!own) coveredIds.set(index, cell.unit);
  });
  const codes = await unitCodes(db, [...coveredIds.values()]);
  for (const [index, unit] of coveredIds) {
    const lock = locks.get(index);
    if (lock) lock.covers = codes.get(unit) ?? String(unit);
  }
  return locks;
}

/**
 * The indicator codes each plan rests on: its targets' indicators and, transitively, the inputs of
 * their formulas and their weights — changing any of them changes the plan's results.
 *
 * @example
 * await indicatorsUsedByPlans(db, [1]) // Map { 1 => Set { 'GO', 'GO_CN', 'DAN_SO' } }
 */
export async function indicatorsUsedByPlans(
  db: Executor,
  planIds: readonly number[],
): Promise<Map<number, Set<string>>> {
  const used = new Map<number, Set<string>>();
  if (planIds.length === 0) return used;
  const indicators = await db.selectFrom('indicators').select(['code', 'formula', 'weight_code']).execute();
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const targets = await db
    .selectFrom('targets')
    .innerJoin('indicators', 'indicators.id', 'targets.indicator_id')
    .select(['targets.plan_id', 'indicators.code'])
    .where('targets.plan_id', 'in', [...planIds])
    .execute();
  for (const planId of planIds) {
    const seen = new Set<string>();
    const queue = targets.filter((t) => Number(t.plan_id) === planId).map((t) => t.code);
    while (queue.length > 0) {
      const next = queue.pop() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      const ind = byCode.get(next);
      if (ind?.weight_code) queue.push(ind.weight_code);
      for (const name of ind?.formula?.match(IDENTIFIER) ?? []) if (byCode.has(name)) queue.push(name);
    }
    used.set(planId, seen);
  }
  return used;
}

/** Codes of units by id (a few, for lock messages). */
async function unitCodes(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  const out = new Map<number, string>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('units')
      .select(['id', 'code'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(Number(r.id), r.code);
  }
  return out;
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
