import type {
  Indicator,
  Lang,
  LocalizedText,
  Plan,
  PlanData,
  Program,
  Target,
  Task,
  Unit,
  Value,
} from '@chitieu/core';
import { sql } from 'kysely';
import { type Executor, withTransaction } from '../transaction.js';
import { figureLockMessage, findFigureLocks } from './figure-lock.js';
import { type ImportProblemCode, importProblemMessage } from './messages.js';
import { indicatorOfRow, localizedOf } from './row-mapping.js';
import { chunks, type RowCounts, selectWhereIn, upsertRows } from './rows.js';

/** A target as a plan file may carry it: the core's target plus lead and coordinating agencies. */
export type StoredTarget = Target & { lead?: string | null; coAgencies?: string[] | null };

export type ImportedKind = 'units' | 'indicators' | 'plans' | 'targets' | 'programs' | 'tasks' | 'values';
export type ImportCounts = Record<ImportedKind, RowCounts>;

/** A reference the database cannot resolve, with its path in the file (`values[3].unit`). */
export interface ImportProblem {
  path: string;
  code: ImportProblemCode;
  message: string;
}

export type ImportResult = { ok: true; counts: ImportCounts } | { ok: false; problems: ImportProblem[] };

export interface ImportOptions {
  /** Who imports (user name, `cli`); written to the audit log and value revisions. */
  actor?: string | null;
  /** Language of problem messages; default Vietnamese. */
  lang?: Lang;
}

const now = () => new Date().toISOString();
const json = (v: unknown) => (v == null ? null : JSON.stringify(v));
const PLAN_FORMAT = 'chitieu.plan/1';

/**
 * Store a validated plan file in ONE transaction: units, indicators, plans with their targets,
 * programs and tasks, and values. Records are matched by code (targets and programs within
 * their plan, tasks within their program, values by unit × indicator × year × period × status):
 * new ones are added, changed ones updated (version + 1), and nothing is ever deleted. Every new
 * or changed figure is appended to `value_revisions`, and the import to `audit_log`.
 * References may point at records already in the database; a reference found in neither is a
 * problem, and then nothing is written.
 *
 * @example
 * const r = await importPlanFile(db, data, { actor: 'cli' });
 * // { ok: true, counts: { units: { added: 2, updated: 0, unchanged: 0 }, …, values: { added: 40, … } } }
 */
export async function importPlanFile(
  db: Executor,
  data: PlanData,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const lang = options.lang ?? 'vi';
  const actor = options.actor ?? null;
  try {
    return await importInTransaction(db, data, lang, actor);
  } catch (err) {
    // A file that would change approved figures is refused whole (the transaction rolled back).
    if (err instanceof LockedFigures) return { ok: false, problems: err.problems };
    throw err;
  }
}

class LockedFigures extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('figures-locked');
  }
}

async function importInTransaction(
  db: Executor,
  data: PlanData,
  lang: Lang,
  actor: string | null,
): Promise<ImportResult> {
  return withTransaction(db, async (trx) => {
    const at = now();
    const problems: ImportProblem[] = [];
    const problem = (path: string, code: ImportProblemCode, subject: string) =>
      problems.push({ path, code, message: importProblemMessage(code, subject, lang) });

    // 1. Resolve every referenced code against the file and the database, before any write.
    const unitCodes = new Set(data.units.map((u) => u.code));
    const unitRefs = [
      ...data.units.flatMap((u) => (u.parent ? [u.parent] : [])),
      ...data.plans.map((p) => p.unit),
      ...data.values.map((v) => v.unit),
    ];
    const knownUnits = new Set([
      ...unitCodes,
      ...(await selectWhereIn(trx, 'units', 'code', unitRefs)).map((r) => String(r.code)),
    ]);
    const indicatorCodes = new Set(data.indicators.map((i) => i.code));
    const indicatorRefs = [
      ...data.indicators.flatMap((i) => (i.weight ? [i.weight] : [])),
      ...data.plans.flatMap((p) => p.targets.map((t) => t.indicator)),
      ...data.values.map((v) => v.indicator),
    ];
    const knownIndicators = new Set([
      ...indicatorCodes,
      ...(await selectWhereIn(trx, 'indicators', 'code', indicatorRefs)).map((r) => String(r.code)),
    ]);
    const checkUnit = (path: string, code: string) => {
      if (!knownUnits.has(code)) problem(path, 'unknown-unit', code);
    };
    const checkIndicator = (path: string, code: string) => {
      if (!knownIndicators.has(code)) problem(path, 'unknown-indicator', code);
    };
    const layers = unitLayers(data.units);
    const layered = new Set(layers.flat().map((u) => u.code));
    for (const [i, u] of data.units.entries()) {
      if (u.parent) checkUnit(`units[${i}].parent`, u.parent);
      if (!layered.has(u.code)) problem(`units[${i}].parent`, 'parent-cycle', u.code);
    }
    for (const [i, ind] of data.indicators.entries()) {
      if (ind.weight) checkIndicator(`indicators[${i}].weight`, ind.weight);
    }
    for (const [i, p] of data.plans.entries()) {
      checkUnit(`plans[${i}].unit`, p.unit);
      const targetCodes = new Set(p.targets.map((t) => t.code));
      for (const [j, t] of p.targets.entries())
        checkIndicator(`plans[${i}].targets[${j}].indicator`, t.indicator);
      for (const [j, pr] of (p.programs ?? []).entries()) {
        for (const [k, code] of (pr.targets ?? []).entries()) {
          if (!targetCodes.has(code))
            problem(`plans[${i}].programs[${j}].targets[${k}]`, 'unknown-target', code);
        }
      }
    }
    data.values.forEach((v, i) => {
      checkUnit(`values[${i}].unit`, v.unit);
      checkIndicator(`values[${i}].indicator`, v.indicator);
    });
    if (problems.length > 0) return { ok: false, problems };

    // 2. Units, parents first: one upsert per hierarchy level, so every parent id is known.
    const unitIds = new Map(
      (await selectWhereIn(trx, 'units', 'code', [...knownUnits])).map((r) => [String(r.code), Number(r.id)]),
    );
    const units: RowCounts = { added: 0, updated: 0, unchanged: 0 };
    for (const layer of layers) {
      const done = await upsertRows(
        trx,
        'units',
        layer.map((u) => ({
          code: u.code,
          name: u.name,
          level: u.level,
          parent_id: u.parent ? (unitIds.get(u.parent) ?? null) : null,
        })),
        await selectWhereIn(
          trx,
          'units',
          'code',
          layer.map((u) => u.code),
        ),
        (r) => String(r.code),
        at,
      );
      for (const [code, id] of done.ids) unitIds.set(code, id);
      addCounts(units, done.counts);
    }

    // 3. Indicators.
    const indicators = await upsertRows(
      trx,
      'indicators',
      data.indicators.map(indicatorRow),
      await selectWhereIn(trx, 'indicators', 'code', [...indicatorCodes]),
      (r) => String(r.code),
      at,
    );
    const indicatorIds = new Map(
      (await selectWhereIn(trx, 'indicators', 'code', [...knownIndicators])).map((r) => [
        String(r.code),
        Number(r.id),
      ]),
    );

    // 4. Plans, then their targets, programs, program links and tasks.
    const plans = await upsertRows(
      trx,
      'plans',
      data.plans.map((p) => planRow(p, unitIds.get(p.unit) ?? 0)),
      await selectWhereIn(
        trx,
        'plans',
        'code',
        data.plans.map((p) => p.code),
      ),
      (r) => String(r.code),
      at,
      { visibility: 'private' },
    );
    const planId = (p: Plan) => plans.ids.get(p.code) ?? 0;
    const planIds = data.plans.map(planId);
    const targetKey = (r: Record<string, unknown>) => `${r.plan_id}|${r.code}`;
    const targets = await upsertRows(
      trx,
      'targets',
      data.plans.flatMap((p) =>
        p.targets.map((t, position) => targetRow(t, planId(p), position, indicatorIds.get(t.indicator) ?? 0)),
      ),
      await selectWhereIn(trx, 'targets', 'plan_id', planIds),
      targetKey,
      at,
    );
    const programKey = targetKey;
    const programs = await upsertRows(
      trx,
      'programs',
      data.plans.flatMap((p) =>
        (p.programs ?? []).map((pr, position) => programRow(pr, planId(p), position)),
      ),
      await selectWhereIn(trx, 'programs', 'plan_id', planIds),
      programKey,
      at,
    );
    // Links are a set per program: replace it when it differs.
    for (const p of data.plans) {
      for (const pr of p.programs ?? []) {
        const programId = programs.ids.get(`${planId(p)}|${pr.code}`) ?? 0;
        const wanted = (pr.targets ?? []).map((code, position) => ({
          program_id: programId,
          target_id: targets.ids.get(`${planId(p)}|${code}`) ?? 0,
          position,
        }));
        const current = await trx
          .selectFrom('program_targets')
          .selectAll()
          .where('program_id', '=', programId)
          .orderBy('position')
          .execute();
        const sameLinks =
          current.length === wanted.length &&
          current.every((c, i) => c.target_id === wanted[i]?.target_id && c.position === i);
        if (sameLinks) continue;
        await trx.deleteFrom('program_targets').where('program_id', '=', programId).execute();
        if (wanted.length > 0) await trx.insertInto('program_targets').values(wanted).execute();
        const key = `${planId(p)}|${pr.code}`;
        if (!programs.changed.has(key)) {
          programs.counts.updated++;
          programs.counts.unchanged--;
          await trx
            .updateTable('programs')
            .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
            .where('id', '=', programId)
            .execute();
        }
      }
    }
    const tasks = await upsertRows(
      trx,
      'tasks',
      data.plans.flatMap((p) =>
        (p.programs ?? []).flatMap((pr) =>
          (pr.tasks ?? []).map((t, position) =>
            taskRow(t, programs.ids.get(`${planId(p)}|${pr.code}`) ?? 0, position),
          ),
        ),
      ),
      await selectWhereIn(trx, 'tasks', 'program_id', [...programs.ids.values()]),
      (r) => `${r.program_id}|${r.code}`,
      at,
    );

    // 5. Values, each new or changed figure also appended to its revision history.
    const valueKey = (r: Record<string, unknown>) =>
      `${r.unit_id}|${r.indicator_id}|${r.year}|${r.period}|${r.status}`;
    const valueRows = data.values.map((v) => ({
      unit_id: unitIds.get(v.unit) ?? 0,
      indicator_id: indicatorIds.get(v.indicator) ?? 0,
      year: v.year,
      period: v.period ?? '',
      status: v.status,
      value: v.value,
      source: v.source ?? null,
      note: v.note ?? null,
    }));
    const existingValues = await valuesOf(
      trx,
      valueRows.map((r) => r.unit_id),
      valueRows.map((r) => r.indicator_id),
    );
    const values = await upsertRows(trx, 'indicator_values', valueRows, existingValues, valueKey, at);
    const touched = valueRows.flatMap((r, i) => (values.changed.has(valueKey(r)) ? [{ i, r }] : []));
    const locks = await findFigureLocks(
      trx,
      touched.map(({ r }) => ({ unit: r.unit_id, indicator: r.indicator_id, year: r.year })),
    );
    if (locks.size > 0) {
      throw new LockedFigures(
        [...locks].map(([k, lock]) => ({
          path: `values[${touched[k]?.i}]`,
          code: 'figures-locked' as const,
          message: figureLockMessage(lock, lang),
        })),
      );
    }
    const revised = await selectWhereIn(trx, 'indicator_values', 'id', [
      ...[...values.changed].map((k) => values.ids.get(k) ?? 0),
    ]);
    for (const part of chunks(revised, 200)) {
      await trx
        .insertInto('value_revisions')
        .values(
          part.map((r) => ({
            value_id: Number(r.id),
            version: Number(r.version),
            value: Number(r.value),
            source: (r.source as string | null) ?? null,
            note: (r.note as string | null) ?? null,
            recorded_at: at,
            actor,
          })),
        )
        .execute();
    }

    const counts: ImportCounts = {
      units,
      indicators: indicators.counts,
      plans: plans.counts,
      targets: targets.counts,
      programs: programs.counts,
      tasks: tasks.counts,
      values: values.counts,
    };
    await trx
      .insertInto('audit_log')
      .values({
        at,
        actor,
        action: 'import',
        entity: 'plan-file',
        entity_code: data.plans.map((p) => p.code).join(',') || null,
        details: JSON.stringify(counts),
      })
      .execute();
    return { ok: true, counts };
  });
}

/** Every stored value of these units × indicators, in insertion order (one query per 1000 units). */
async function valuesOf(db: Executor, unitIds: readonly number[], indicatorIds: readonly number[]) {
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

/**
 * The file's units in levels: first those whose parent is outside the file (or none), then
 * their children, and so on. A unit on a parent cycle is in no level.
 */
function unitLayers(units: readonly Unit[]): Unit[][] {
  const inFile = new Set(units.map((u) => u.code));
  const placed = new Set<string>();
  const layers: Unit[][] = [];
  const firstSeen = new Set<string>();
  let rest = units.filter((u) => !firstSeen.has(u.code) && firstSeen.add(u.code));
  for (;;) {
    const layer = rest.filter((u) => !u.parent || !inFile.has(u.parent) || placed.has(u.parent));
    if (layer.length === 0) return layers;
    for (const u of layer) placed.add(u.code);
    layers.push(layer);
    rest = rest.filter((u) => !placed.has(u.code));
  }
}

function addCounts(into: RowCounts, more: RowCounts): void {
  into.added += more.added;
  into.updated += more.updated;
  into.unchanged += more.unchanged;
}

function indicatorRow(i: Indicator) {
  return {
    code: i.code,
    name_vi: i.name.vi,
    name_en: i.name.en ?? null,
    measure: i.unit,
    direction: i.direction,
    decimals: i.decimals,
    trend: i.trend,
    aggregation: i.aggregation,
    weight_code: i.weight ?? null,
    bound_min: i.bounds?.[0] ?? null,
    bound_max: i.bounds?.[1] ?? null,
    formula: i.formula ?? null,
  };
}

function planRow(p: Plan, unitId: number) {
  return {
    code: p.code,
    title_vi: p.title.vi,
    title_en: p.title.en ?? null,
    unit_id: unitId,
    kind: p.kind,
    issuer: p.issuer ?? null,
    // Said in the file: set; not said: a new plan is private, an existing one keeps its visibility.
    ...(p.visibility ? { visibility: p.visibility } : {}),
    baseline_year: p.baselineYear,
    target_year: p.targetYear,
    methodology: p.methodology,
    bands: json(p.bands),
    band_labels: json(p.bandLabels),
    forecast_exceed: p.forecast?.exceed ?? null,
    forecast_complete: p.forecast?.complete ?? null,
  };
}

function targetRow(t: StoredTarget, planId: number, position: number, indicatorId: number) {
  return {
    plan_id: planId,
    code: t.code,
    position,
    group_name: t.group ?? null,
    text_vi: t.text.vi,
    text_en: t.text.en ?? null,
    indicator_id: indicatorId,
    kind: t.kind,
    value: t.value ?? null,
    low: t.low ?? null,
    high: t.high ?? null,
    input: t.input ?? null,
    expected: t.expected ?? null,
    lead: t.lead ?? null,
    co_agencies: json(t.coAgencies),
  };
}

function programRow(p: Program, planId: number, position: number) {
  return {
    plan_id: planId,
    code: p.code,
    position,
    kind: p.kind,
    title_vi: p.title.vi,
    title_en: p.title.en ?? null,
    lead: p.lead ?? null,
  };
}

function taskRow(t: Task, programId: number, position: number) {
  return {
    program_id: programId,
    code: t.code,
    position,
    title_vi: t.title.vi,
    title_en: t.title.en ?? null,
    lead: t.lead ?? null,
    co_agencies: json(t.coAgencies),
    due: t.due ?? null,
    status: t.status ?? null,
    progress: t.progress ?? null,
  };
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
    if (ind.formula) queue.push(...formulaTokens(ind.formula).filter((t) => byCode.has(t)));
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
