/**
 * Reorganisations of units (sáp nhập / chia tách) and the hierarchy the methodology sees after them.
 *
 * A merger records `predecessor → successor` and closes the predecessor (`valid_to`). For every
 * computation the predecessor then hangs under its successor, so the successor's history before the
 * merger is the aggregate of its predecessors' figures wherever the indicator aggregates (core's
 * aggregation, not a formula of ours), and its own figures take over from the merger on. A plan of a
 * predecessor keeps its unit and figures, so it stays readable and evaluable. A split records one
 * row per part and closes the old unit; its parts inherit no figures (a part of a whole is unknown).
 */
import type { Indicator, PlanData, Unit, Value } from '@chitieu/core';
import { type Selectable, sql } from 'kysely';
import type { IndicatorTable } from '../schema.js';
import { type Executor, withTransaction } from '../transaction.js';
import { appendAudit } from './audit.js';
import { type LineageRecord, mergers } from './domain.js';
import { loadPlanData } from './plan-file.js';
import { DomainError, nowIso, type WriteContext } from './records.js';
import { chunks } from './rows.js';

export interface Reorganisation {
  kind: 'merge' | 'split';
  /** Merge: the units merged (one may be the successor itself); split: the one unit split. */
  from: string[];
  /** Merge: the one successor; split: the parts. */
  to: string[];
  /** ISO date the reorganisation takes effect. */
  effective: string;
  note?: string | null;
}

/**
 * Record a merger or a split in one transaction: one lineage row per predecessor → successor,
 * the abolished units closed on `effective`, one audit record each. The units must exist already
 * (create the successor first).
 *
 * @example
 * await reorganise(db, { kind: 'merge', from: ['382', '383'], to: ['390'], effective: '2025-07-01' }, ctx)
 * // [{ kind: 'merge', predecessor_code: '382', successor_code: '390', … }, { … '383' … }]
 */
export async function reorganise(
  db: Executor,
  r: Reorganisation,
  ctx: WriteContext = {},
): Promise<LineageRecord[]> {
  if (r.kind === 'merge' && r.to.length !== 1)
    throw new DomainError('invalid', [{ path: 'to', rule: 'one-successor' }]);
  if (r.kind === 'split' && r.from.length !== 1)
    throw new DomainError('invalid', [{ path: 'from', rule: 'one-predecessor' }]);
  return withTransaction(db, async (trx) => {
    const codes = [...new Set([...r.from, ...r.to])];
    const rows = await trx
      .selectFrom('units')
      .select(['id', 'code', 'version', 'valid_to'])
      .where('code', 'in', codes)
      .execute();
    const byCode = new Map(rows.map((u) => [u.code, u]));
    const missing = [
      ...r.from.flatMap((c, i) =>
        byCode.has(c) ? [] : [{ path: `from[${i}]`, kind: 'unit' as const, subject: c }],
      ),
      ...r.to.flatMap((c, i) =>
        byCode.has(c) ? [] : [{ path: `to[${i}]`, kind: 'unit' as const, subject: c }],
      ),
    ];
    if (missing.length > 0) throw new DomainError('unknown-reference', missing);
    const pairs = r.from.flatMap((p) => r.to.filter((s) => s !== p).map((s) => [p, s] as const));
    if (pairs.length === 0) throw new DomainError('invalid', [{ path: 'to', rule: 'same-unit' }]);
    if (r.kind === 'merge') {
      const already = await trx
        .selectFrom('unit_lineage')
        .innerJoin('units', 'units.id', 'unit_lineage.predecessor_id')
        .select('units.code')
        .where('unit_lineage.kind', '=', 'merge')
        .where(
          'units.code',
          'in',
          pairs.map(([p]) => p),
        )
        .execute();
      if (already.length > 0)
        throw new DomainError(
          'invalid',
          already.map((a) => ({ path: 'from', rule: 'already-merged', subject: a.code })),
        );
      // A successor that is itself (transitively) merged into a predecessor would close a loop.
      const view = mergerParents(await mergers(trx));
      for (const [p, s] of pairs) {
        for (let u: string | undefined = s, n = 0; u !== undefined && n < 64; u = view.get(u), n++) {
          if (u === p) throw new DomainError('invalid', [{ path: 'to', rule: 'lineage-cycle', subject: s }]);
        }
      }
    }
    const at = nowIso();
    const out: LineageRecord[] = [];
    for (const [p, s] of pairs) {
      const pred = byCode.get(p);
      const succ = byCode.get(s);
      if (!pred || !succ) continue;
      const inserted = await trx
        .insertInto('unit_lineage')
        .values({
          predecessor_id: pred.id,
          successor_id: succ.id,
          kind: r.kind,
          effective: r.effective,
          note: r.note ?? null,
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      out.push({ ...inserted, predecessor_code: p, successor_code: s });
      await appendAudit(
        trx,
        {
          actor: ctx.actor ?? null,
          action: r.kind,
          entity: 'unit-lineage',
          id: Number(inserted.id),
          unitId: succ.id,
          new: { kind: r.kind, predecessor: p, successor: s, effective: r.effective, note: r.note ?? null },
          reason: ctx.reason ?? null,
        },
        at,
      );
    }
    // Close the abolished units: every predecessor that does not live on as a successor.
    for (const code of new Set(pairs.map(([p]) => p))) {
      const u = byCode.get(code);
      if (!u || r.to.includes(code) || u.valid_to === r.effective) continue;
      await trx
        .updateTable('units')
        .set({ valid_to: r.effective, version: Number(u.version) + 1, updated_at: at })
        .where('id', '=', u.id)
        .execute();
      await appendAudit(
        trx,
        {
          actor: ctx.actor ?? null,
          action: 'update',
          entity: 'unit',
          id: code,
          unitId: u.id,
          old: { valid_to: u.valid_to },
          new: { valid_to: r.effective },
          reason: ctx.reason ?? null,
        },
        at,
      );
    }
    return out;
  });
}

/** predecessor code → successor code, for mergers. */
function mergerParents(
  steps: readonly { predecessor_code: string; successor_code: string }[],
): Map<string, string> {
  return new Map(steps.map((s) => [s.predecessor_code, s.successor_code]));
}

/**
 * The hierarchy as computations see it after mergers: each merged unit hangs under its successor.
 * Pure; units not merged keep their parent.
 *
 * @example
 * withLineage([{ code: '382', parent: '38' }, { code: '390', parent: '38' }], [{ predecessor_code: '382', successor_code: '390' }])
 * // [{ code: '382', parent: '390' }, { code: '390', parent: '38' }]
 */
export function withLineage<U extends Unit>(
  units: readonly U[],
  steps: readonly { predecessor_code: string; successor_code: string }[],
): U[] {
  if (steps.length === 0) return [...units];
  const successor = mergerParents(steps);
  return units.map((u) => {
    const s = successor.get(u.code);
    return s === undefined || s === u.code ? u : { ...u, parent: s };
  });
}

type UnitRow = { id: number; code: string; name: string; level: string; parent_code: string | null };

const toUnit = (u: UnitRow): Unit =>
  u.parent_code == null
    ? { code: u.code, name: u.name, level: u.level }
    : { code: u.code, name: u.name, level: u.level, parent: u.parent_code };

/** Units whose id is in `roots`, with all their descendants (one recursive query). */
async function subtrees(db: Executor, roots: readonly number[]): Promise<UnitRow[]> {
  if (roots.length === 0) return [];
  const { rows } = await sql<UnitRow>`
    with recursive des(id) as (
      select id from units where id in (${sql.join([...roots])})
      union select u.id from units u join des on u.parent_id = des.id)
    select u.id, u.code, u.name, u.level, p.code as parent_code
    from units u left join units p on p.id = u.parent_id
    where u.id in (select id from des) order by u.id`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Whole-year and sub-annual figures of these units × indicators, as the core reads them. */
async function figuresOf(
  db: Executor,
  unitIdsToCodes: Map<number, string>,
  indicatorCodes: readonly string[],
): Promise<Value[]> {
  if (unitIdsToCodes.size === 0 || indicatorCodes.length === 0) return [];
  const inds = await db
    .selectFrom('indicators')
    .select(['id', 'code'])
    .where('code', 'in', [...indicatorCodes])
    .execute();
  const indCode = new Map(inds.map((i) => [Number(i.id), i.code]));
  const out: Value[] = [];
  for (const part of chunks([...unitIdsToCodes.keys()], 1000)) {
    const rows = await db
      .selectFrom('indicator_values')
      .selectAll()
      .where('unit_id', 'in', part)
      .where('indicator_id', 'in', [...indCode.keys()])
      .orderBy('id')
      .execute();
    for (const v of rows) {
      const value: Value = {
        indicator: indCode.get(Number(v.indicator_id)) ?? '',
        unit: unitIdsToCodes.get(Number(v.unit_id)) ?? '',
        year: v.year,
        value: v.value,
        status: v.status,
      };
      if (v.period !== '') value.period = v.period;
      if (v.source != null) value.source = v.source;
      if (v.note != null) value.note = v.note;
      out.push(value);
    }
  }
  return out;
}

/**
 * A plan's data as {@link loadPlanData} gives it, with mergers applied: predecessors (and their
 * subtrees and figures) of any unit in the data hang under their successor. Two queries more than
 * `loadPlanData` when nothing was merged, four at most otherwise — a constant number.
 *
 * @example
 * const data = await loadEvaluationData(db, 'NQ-2026'); // the successor's 2023 GO = Σ predecessors
 */
export async function loadEvaluationData(db: Executor, planCode: string): Promise<PlanData | null> {
  const data = await loadPlanData(db, planCode);
  if (!data) return null;
  const steps = await mergers(db);
  if (steps.length === 0) return data;
  const loaded = new Set(data.units.map((u) => u.code));
  // Predecessors of loaded units, transitively (a successor may itself have been merged later on).
  const preds = new Map<string, number>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of steps) {
      if ((loaded.has(s.successor_code) || preds.has(s.successor_code)) && !preds.has(s.predecessor_code)) {
        preds.set(s.predecessor_code, Number(s.predecessor_id));
        grew = true;
      }
    }
  }
  const missing = [...preds].filter(([code]) => !loaded.has(code)).map(([, id]) => id);
  const extra = (await subtrees(db, missing)).filter((u) => !loaded.has(u.code));
  const values = await figuresOf(
    db,
    new Map(extra.map((u) => [u.id, u.code])),
    data.indicators.map((i) => i.code),
  );
  return {
    ...data,
    units: withLineage([...data.units, ...extra.map(toUnit)], steps),
    values: [...data.values, ...values],
  };
}

/** Indicator codes `codes` need, closed over formula inputs and weights. */
function closure(all: readonly Indicator[], codes: readonly string[]): Indicator[] {
  const byCode = new Map(all.map((i) => [i.code, i]));
  const needed = new Set<string>();
  const queue = [...codes];
  for (let code = queue.pop(); code !== undefined; code = queue.pop()) {
    const ind = byCode.get(code);
    if (!ind || needed.has(code)) continue;
    needed.add(code);
    if (ind.weight) queue.push(ind.weight);
    if (ind.formula)
      for (const t of ind.formula.match(/[\p{L}_][\p{L}\p{N}_.]*/gu) ?? []) if (byCode.has(t)) queue.push(t);
  }
  return all.filter((i) => needed.has(i.code));
}

function toIndicator(i: Selectable<IndicatorTable>): Indicator {
  const out: Indicator = {
    code: i.code,
    name: i.name_en == null ? { vi: i.name_vi } : { vi: i.name_vi, en: i.name_en },
    unit: i.measure,
    direction: i.direction,
    decimals: i.decimals,
    trend: i.trend,
    aggregation: i.aggregation,
  };
  if (i.weight_code != null) out.weight = i.weight_code;
  if (i.bound_min != null || i.bound_max != null) out.bounds = [i.bound_min, i.bound_max];
  if (i.formula != null) out.formula = i.formula;
  return out;
}

/**
 * The units under `root` (every unit when null) as computations see them after mergers, the
 * indicators `indicatorCodes` need, and every figure of those units and indicators — the data of a
 * ranking or of a unit's history. No plans. Null when `root` or an indicator is unknown.
 *
 * @example
 * const data = await loadHierarchyData(db, '38', ['GO']); // the province, its districts, their communes
 */
export async function loadHierarchyData(
  db: Executor,
  root: string | null,
  indicatorCodes: readonly string[],
): Promise<PlanData | null> {
  const allUnits = (
    await db
      .selectFrom('units')
      .leftJoin('units as p', 'p.id', 'units.parent_id')
      .select(['units.id', 'units.code', 'units.name', 'units.level', 'p.code as parent_code'])
      .orderBy('units.id')
      .execute()
  ).map((u) => ({ ...u, id: Number(u.id) }));
  const steps = await mergers(db);
  const view = withLineage(
    allUnits.map((u) => ({ ...toUnit(u), id: u.id })),
    steps,
  );
  let units = view;
  if (root !== null) {
    if (!view.some((u) => u.code === root)) return null;
    const children = new Map<string, typeof view>();
    for (const u of view) {
      if (u.parent == null) continue;
      const list = children.get(u.parent) ?? [];
      list.push(u);
      children.set(u.parent, list);
    }
    const keep = new Set<string>();
    const queue = [root];
    for (let c = queue.pop(); c !== undefined; c = queue.pop()) {
      if (keep.has(c)) continue;
      keep.add(c);
      for (const ch of children.get(c) ?? []) queue.push(ch.code);
    }
    units = view.filter((u) => keep.has(u.code));
  }
  const allIndicators = (await db.selectFrom('indicators').selectAll().orderBy('id').execute()).map(
    toIndicator,
  );
  if (indicatorCodes.some((c) => !allIndicators.some((i) => i.code === c))) return null;
  const indicators = closure(allIndicators, indicatorCodes);
  const values = await figuresOf(
    db,
    new Map(units.map((u) => [u.id, u.code])),
    indicators.map((i) => i.code),
  );
  return { units: units.map(({ id: _id, ...u }) => u), indicators, plans: [], values };
}

/** The earliest baseline year of any plan (the default start of a growth ranking), or null. */
export async function earliestBaselineYear(db: Executor): Promise<number | null> {
  const row = await db
    .selectFrom('plans')
    .select((eb) => eb.fn.min('baseline_year').as('y'))
    .executeTakeFirst();
  return row?.y == null ? null : Number(row.y);
}
