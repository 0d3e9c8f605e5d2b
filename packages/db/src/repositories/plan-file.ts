/**
 * Reading a plan back from the database: the data an evaluation needs, and the plan file an export
 * writes. Importing a plan file is a command (commands/plan-file.ts).
 */
import type { Indicator, LocalizedText, Plan, PlanData, Program, Task, Unit, Value } from '@chitieu/core';
import { sql } from 'kysely';
import type { Executor } from '../transaction.js';
import { indicatorOfRow, localizedOf, type StoredTarget } from './row-mapping.js';
import { chunks } from './rows.js';

const PLAN_FORMAT = 'chitieu.plan/1';

/** Every stored value of these units × indicators, in insertion order (one query per 1000 units). */
export async function valuesOf(db: Executor, unitIds: readonly number[], indicatorIds: readonly number[]) {
  const ids = [...new Set(indicatorIds)];
  const rows = [];
  if (ids.length === 0) return [];
  for (const part of chunks([...new Set(unitIds)], 1000)) {
    rows.push(
      ...(await db
        .selectFrom('indicator_values')
        .selectAll()
        .where('unit_id', 'in', part)
        .where('indicator_id', 'in', ids)
        .orderBy('id')
        .execute()),
    );
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Reading back

/** Drop null/undefined fields so what we return reads like a hand-written plan file. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v != null)) as T;
}
/** An empty list reads as "absent", as in a hand-written file. */
const nonEmpty = <T>(list: T[]): T[] | null => (list.length > 0 ? list : null);
const text = localizedOf;
const parseJson = <T>(s: string | null): T | null => (s == null ? null : (JSON.parse(s) as T));

/** Codes an expression mentions; only those that name an indicator matter to the caller. */
const formulaTokens = (formula: string) => formula.match(/[\p{L}_][\p{L}\p{N}_.]*/gu) ?? [];

/**
 * Everything needed to evaluate one plan, in a constant number of queries: the plan with its
 * targets, programs and tasks; its unit with ancestors, siblings and descendants (for rankings
 * and aggregation); the indicators its targets use, plus their formula inputs and weights,
 * transitively; and every value of those units and indicators. `null` when no plan has the code.
 *
 * @example
 * const data = await loadPlanData(db, 'NQ-XI');
 * // { units: [{ code: '38', … }, { code: '381', parent: '38', … }], indicators: [...], plans: [plan], values: [...] }
 */
export async function loadPlanData(db: Executor, planCode: string): Promise<PlanData | null> {
  const plan = await db
    .selectFrom('plans')
    .innerJoin('units', 'units.id', 'plans.unit_id')
    .selectAll('plans')
    .select(['units.code as unit_code', 'units.parent_id as unit_parent_id'])
    .where('plans.code', '=', planCode)
    .executeTakeFirst();
  if (!plan) return null;

  // Ancestors and descendants by recursive CTE (UNION, not UNION ALL: a cycle cannot loop), plus siblings.
  const { rows: unitRows } = await sql<{
    id: number;
    code: string;
    name: string;
    level: string;
    parent_code: string | null;
  }>`
    with recursive
      anc(id) as (
        select cast(${plan.unit_id} as integer)
        union select u.parent_id from units u join anc on u.id = anc.id where u.parent_id is not null),
      des(id) as (
        select cast(${plan.unit_id} as integer)
        union select u.id from units u join des on u.parent_id = des.id)
    select u.id, u.code, u.name, u.level, p.code as parent_code
    from units u left join units p on p.id = u.parent_id
    where u.id in (select id from anc) or u.id in (select id from des)
      or u.parent_id = cast(${plan.unit_parent_id} as integer)
    order by u.id`.execute(db);

  const allIndicators = await db.selectFrom('indicators').selectAll().orderBy('id').execute();
  const targetRows = await db
    .selectFrom('targets')
    .innerJoin('indicators', 'indicators.id', 'targets.indicator_id')
    .selectAll('targets')
    .select('indicators.code as indicator_code')
    .where('targets.plan_id', '=', plan.id)
    .orderBy('targets.position')
    .execute();
  const programRows = await db
    .selectFrom('programs')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .orderBy('position')
    .execute();
  const linkRows = await db
    .selectFrom('program_targets')
    .innerJoin('programs', 'programs.id', 'program_targets.program_id')
    .innerJoin('targets', 'targets.id', 'program_targets.target_id')
    .select(['program_targets.program_id', 'targets.code'])
    .where('programs.plan_id', '=', plan.id)
    .orderBy('program_targets.program_id')
    .orderBy('program_targets.position')
    .execute();
  const taskRows = await db
    .selectFrom('tasks')
    .innerJoin('programs', 'programs.id', 'tasks.program_id')
    .selectAll('tasks')
    .where('programs.plan_id', '=', plan.id)
    .orderBy('tasks.program_id')
    .orderBy('tasks.position')
    .execute();

  // The indicators the targets need, closed over formula inputs and weights.
  const byCode = new Map(allIndicators.map((i) => [i.code, i]));
  const needed = new Set<string>();
  const queue = targetRows.map((t) => t.indicator_code);
  for (let code = queue.pop(); code !== undefined; code = queue.pop()) {
    const ind = byCode.get(code);
    if (!ind || needed.has(code)) continue;
    needed.add(code);
    if (ind.weight_code) queue.push(ind.weight_code);
    if (ind.formula) for (const t of formulaTokens(ind.formula)) if (byCode.has(t)) queue.push(t);
  }
  const indicatorRows = allIndicators.filter((i) => needed.has(i.code));

  const unitCodeById = new Map(unitRows.map((u) => [Number(u.id), u.code]));
  const indicatorCodeById = new Map(indicatorRows.map((i) => [i.id, i.code]));
  const valueRows = await valuesOf(db, [...unitCodeById.keys()], [...indicatorCodeById.keys()]);

  const tasksOf = (programId: number): Task[] =>
    taskRows
      .filter((t) => t.program_id === programId)
      .map((t) =>
        compact({
          code: t.code,
          title: text(t.title_vi, t.title_en),
          lead: t.lead,
          coAgencies: parseJson<string[]>(t.co_agencies),
          due: t.due,
          status: t.status,
          progress: t.progress,
        }),
      );
  const resultPlan: Plan = compact({
    code: plan.code,
    title: text(plan.title_vi, plan.title_en),
    unit: plan.unit_code,
    kind: plan.kind,
    issuer: plan.issuer,
    visibility: plan.visibility,
    baselineYear: plan.baseline_year,
    targetYear: plan.target_year,
    methodology: plan.methodology,
    bands: parseJson<number[]>(plan.bands),
    bandLabels: parseJson<LocalizedText[]>(plan.band_labels),
    forecast:
      plan.forecast_exceed == null && plan.forecast_complete == null
        ? null
        : compact({ exceed: plan.forecast_exceed, complete: plan.forecast_complete }),
    targets: targetRows.map(
      (t): StoredTarget =>
        compact({
          code: t.code,
          group: t.group_name,
          text: text(t.text_vi, t.text_en),
          indicator: t.indicator_code,
          kind: t.kind,
          value: t.value,
          low: t.low,
          high: t.high,
          input: t.input,
          expected: t.expected,
          // Said only when true, as a hand-written file says it (the default is the mean rule).
          every: t.every === 1 ? true : null,
          lead: t.lead,
          coAgencies: parseJson<string[]>(t.co_agencies),
        }),
    ),
    programs: nonEmpty(
      programRows.map(
        (p): Program =>
          compact({
            code: p.code,
            kind: p.kind,
            title: text(p.title_vi, p.title_en),
            lead: p.lead,
            targets: nonEmpty(linkRows.filter((l) => l.program_id === p.id).map((l) => l.code)),
            tasks: nonEmpty(tasksOf(p.id)),
          }),
      ),
    ),
  });
  return {
    units: unitRows.map(
      (u): Unit => compact({ code: u.code, name: u.name, level: u.level, parent: u.parent_code }),
    ),
    indicators: indicatorRows.map((i): Indicator => compact(indicatorOfRow(i))),
    plans: [resultPlan],
    values: valueRows.map(
      (v): Value =>
        compact({
          indicator: indicatorCodeById.get(v.indicator_id) ?? '',
          unit: unitCodeById.get(v.unit_id) ?? '',
          year: v.year,
          period: v.period === '' ? null : v.period,
          value: v.value,
          status: v.status,
          source: v.source,
          note: v.note,
        }),
    ),
  };
}

/** A plan file document: `format` plus the data. */
export type PlanFileDocument = { format: typeof PLAN_FORMAT } & PlanData;

/**
 * One plan as a self-contained plan file (`chitieu.plan/1`), ready to serialise as JSON or
 * YAML: importing it into an empty database gives back the same plan. `null` when unknown.
 *
 * @example
 * const file = await exportPlanFile(db, 'NQ-XI');
 * writeFileSync('nq-xi.json', JSON.stringify(file, null, 2));
 */
export async function exportPlanFile(db: Executor, planCode: string): Promise<PlanFileDocument | null> {
  const data = await loadPlanData(db, planCode);
  return data && { format: PLAN_FORMAT, ...data };
}
