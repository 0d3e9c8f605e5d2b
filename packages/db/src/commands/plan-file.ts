/**
 * Importing a plan file: the command every importer calls (the CLI's `import`, `POST /api/plan-files`,
 * and next the Excel import). One transaction: every reference is resolved before any write, and a
 * problem leaves the database untouched.
 */
import type { Lang, Plan, PlanData, Unit, ValueStatus } from '@chitieu/core';
import { type AuditActor, appendAudit, changedFields } from '../repositories/audit.js';
import { figureLockMessage, findFigureLocks } from '../repositories/figure-lock.js';
import { type ImportProblemCode, importProblemMessage } from '../repositories/messages.js';
import { valuesOf } from '../repositories/plan-file.js';
import { indicatorRow, planRow, programRow, targetRow, taskRow } from '../repositories/row-mapping.js';
import { type RowCounts, type RowDiff, selectWhereIn, upsertRows } from '../repositories/rows.js';
import { type Executor, withTransaction } from '../transaction.js';
import { approvedYears } from './approvals.js';
import { type CommandContext, newImportId, reasonOf } from './context.js';
import { appendFigureHistory, importDetails } from './figures.js';
import { type ImportWarning, importWarnings } from './import-warnings.js';

export type ImportedKind = 'units' | 'indicators' | 'plans' | 'targets' | 'programs' | 'tasks' | 'values';
export type ImportCounts = Record<ImportedKind, RowCounts>;

/** A reference the database cannot resolve, with its path in the file (`values[3].unit`). */
export interface ImportProblem {
  path: string;
  code: ImportProblemCode;
  message: string;
}

/**
 * The import's outcome: its counts and warnings (accepted, suspicious figures: a value 10× the year
 * before, an estimate below the stored official figure — import-warnings.ts), or its problems.
 */
export type ImportResult =
  | { ok: true; counts: ImportCounts; warnings: ImportWarning[] }
  | { ok: false; problems: ImportProblem[] };

export interface ImportOptions {
  /** Who imports: a user (with address), or a name (`cli`); written to the audit log and value revisions. */
  actor?: AuditActor | string | null;
  /** Language of problem messages; default Vietnamese. */
  lang?: Lang;
  /** The file's name as the user gave it (the audit entries say where each figure came from). */
  file?: string | null;
  /** Why, when the user said. */
  reason?: string | null;
}

const now = () => new Date().toISOString();

/**
 * Store a validated plan file in ONE transaction: units, indicators, plans with their targets,
 * programs and tasks, and values. Records are matched by code (targets and programs within
 * their plan, tasks within their program, values by unit × indicator × year × period × status):
 * new ones are added, changed ones updated (version + 1), and nothing is ever deleted. Every new
 * or changed figure is appended to `value_revisions` and gets its own audit entry (old → new, with
 * the file's name and the import's id), and the import itself one more (its counts).
 * A figure an approved result covers refuses the whole file (`figures-locked` problems). Suspicious
 * figures are imported and returned as `warnings`, judged against the file and the stored figures.
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
  const actor: AuditActor | null =
    typeof options.actor === 'string' ? { userId: null, username: options.actor } : (options.actor ?? null);
  const ctx: CommandContext = {
    actor,
    reason: options.reason ?? null,
    source: { file: options.file ?? null, importId: newImportId() },
  };
  try {
    return await importInTransaction(db, data, lang, ctx);
  } catch (err) {
    // A file that would change approved figures is refused whole (the transaction rolled back).
    if (err instanceof RefusedImport) return { ok: false, problems: err.problems };
    throw err;
  }
}

/** An import refused after writing started: the transaction rolls back, the problems are returned. */
class RefusedImport extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('import refused');
  }
}

/** The target columns that define what it measures (approvals.ts). */
const TARGET_DEFINITION = [
  'kind',
  'value',
  'low',
  'high',
  'input',
  'expected',
  'every',
  'indicator_id',
] as const;

/** One added or changed record of an import, as its audit entry names it. */
interface RowAudit {
  entity: string;
  id: string;
  unitId: number | null;
  diff: RowDiff;
}

/** Columns an audit entry never shows (bookkeeping). */
const BOOKKEEPING = new Set(['id', 'version', 'created_at', 'updated_at']);
const shown = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !BOOKKEEPING.has(k)));

/** One `create` or `update` audit entry per record, with the import's file name and id; multi-row INSERTs. */
async function appendRowAudits(
  trx: Executor,
  rows: readonly RowAudit[],
  ctx: CommandContext,
  at: string,
): Promise<void> {
  const details = JSON.stringify(importDetails(ctx.source) ?? null);
  for (let i = 0; i < rows.length; i += 200) {
    const part = rows.slice(i, i + 200).flatMap((r) => {
      const change = r.diff.old
        ? changedFields(r.diff.old, r.diff.new)
        : { old: null, new: shown(r.diff.new) };
      if (!change) return [];
      return [
        {
          at,
          actor: ctx.actor?.username ?? 'system',
          actor_id: ctx.actor?.userId ?? null,
          ip: ctx.actor?.ip ?? null,
          action: r.diff.old ? 'update' : 'create',
          entity: r.entity,
          entity_code: r.id,
          unit_id: r.unitId,
          old_value: change.old === null ? null : JSON.stringify(change.old),
          new_value: JSON.stringify(change.new),
          reason: ctx.reason ?? null,
          details: details === 'null' ? null : details,
        },
      ];
    });
    if (part.length > 0) await trx.insertInto('audit_log').values(part).execute();
  }
}

async function importInTransaction(
  db: Executor,
  data: PlanData,
  lang: Lang,
  ctx: CommandContext,
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
    const archived = new Set(
      (
        await selectWhereIn(
          trx,
          'plans',
          'code',
          data.plans.map((p) => p.code),
        )
      )
        .filter((r) => r.state === 'archived')
        .map((r) => String(r.code)),
    );
    data.plans.forEach((p, i) => {
      if (archived.has(p.code)) problem(`plans[${i}]`, 'plan-archived', p.code);
    });
    if (problems.length > 0) return { ok: false, problems };

    // 2. Units, parents first: one upsert per hierarchy level, so every parent id is known.
    const unitIds = new Map(
      (await selectWhereIn(trx, 'units', 'code', [...knownUnits])).map((r) => [String(r.code), Number(r.id)]),
    );
    const units: RowCounts = { added: 0, updated: 0, unchanged: 0 };
    const unitDiffs: RowDiff[] = [];
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
      unitDiffs.push(...done.diffs);
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
    // A target's definition is what approved results were measured against: redefining one of a
    // plan with approved years needs a reason, as through the API (approvals.ts).
    if (!reasonOf(ctx)) {
      const redefined = targets.diffs.filter(
        (d) =>
          d.old &&
          TARGET_DEFINITION.some((c) => c in (d.new ?? {}) && (d.old?.[c] ?? null) !== (d.new[c] ?? null)),
      );
      for (const d of redefined) {
        if ((await approvedYears(trx, Number(d.row.plan_id))).length === 0) continue;
        const i = data.plans.findIndex((p) => planId(p) === Number(d.row.plan_id));
        const j = data.plans[i]?.targets.findIndex((t) => t.code === d.row.code) ?? -1;
        problem(`plans[${i}].targets[${j}]`, 'reason-required', String(d.row.code));
      }
      if (problems.length > 0) throw new RefusedImport(problems);
    }
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
    const warnings = importWarnings(
      data.values,
      valueRows,
      existingValues.map((r) => ({ ...r, value: Number(r.value), year: Number(r.year) })),
      (i) => values.changed.has(valueKey(valueRows[i] as Record<string, unknown>)),
      lang,
    );
    const touched = valueRows.flatMap((r, i) => (values.changed.has(valueKey(r)) ? [{ i, r }] : []));
    const locks = await findFigureLocks(
      trx,
      touched.map(({ r }) => ({ unit: r.unit_id, indicator: r.indicator_id, year: r.year })),
    );
    if (locks.size > 0) {
      throw new RefusedImport(
        [...locks].map(([k, lock]) => ({
          path: `values[${touched[k]?.i}]`,
          code: 'figures-locked' as const,
          message: figureLockMessage(lock, lang),
        })),
      );
    }
    // One revision and one audit entry per new or changed figure (old → new).
    const before = new Map(existingValues.map((r) => [valueKey(r), r]));
    const unitCodeOf = new Map([...unitIds].map(([code, id]) => [id, code]));
    const indicatorCodeOf = new Map([...indicatorIds].map(([code, id]) => [id, code]));
    const revised = await selectWhereIn(trx, 'indicator_values', 'id', [
      ...[...values.changed].map((k) => values.ids.get(k) ?? 0),
    ]);
    await appendFigureHistory(
      trx,
      revised.map((r) => {
        const old = before.get(valueKey(r));
        return {
          figure: {
            id: Number(r.id),
            version: Number(r.version),
            value: Number(r.value),
            status: r.status as ValueStatus,
            source: (r.source as string | null) ?? null,
            note: (r.note as string | null) ?? null,
            unit_id: Number(r.unit_id),
            unit_code: unitCodeOf.get(Number(r.unit_id)) ?? '',
            indicator_code: indicatorCodeOf.get(Number(r.indicator_id)) ?? '',
            year: Number(r.year),
            period: String(r.period),
          },
          old: old
            ? {
                value: Number(old.value),
                status: old.status,
                source: old.source ?? null,
                note: old.note ?? null,
              }
            : null,
        };
      }),
      ctx,
      at,
    );

    const counts: ImportCounts = {
      units,
      indicators: indicators.counts,
      plans: plans.counts,
      targets: targets.counts,
      programs: programs.counts,
      tasks: tasks.counts,
      values: values.counts,
    };
    // Every other record the import added or changed: one audit entry each (old → new columns).
    const planUnit = new Map(plans.diffs.map((d) => [d.id, Number(d.row.unit_id)]));
    for (const r of await selectWhereIn(trx, 'plans', 'id', planIds))
      planUnit.set(Number(r.id), Number(r.unit_id));
    const programPlan = new Map(programs.diffs.map((d) => [d.id, Number(d.row.plan_id)]));
    for (const r of await selectWhereIn(trx, 'programs', 'id', [...programs.ids.values()]))
      programPlan.set(Number(r.id), Number(r.plan_id));
    const underPlan = (id: unknown) => planUnit.get(Number(id)) ?? null;
    await appendRowAudits(
      trx,
      [
        ...unitDiffs.map((d) => ({ entity: 'unit', id: String(d.row.code), unitId: d.id, diff: d })),
        ...indicators.diffs.map((d) => ({
          entity: 'indicator',
          id: String(d.row.code),
          unitId: null,
          diff: d,
        })),
        ...plans.diffs.map((d) => ({
          entity: 'plan',
          id: String(d.row.code),
          unitId: underPlan(d.id),
          diff: d,
        })),
        ...targets.diffs.map((d) => ({
          entity: 'target',
          id: String(d.id),
          unitId: underPlan(d.row.plan_id),
          diff: d,
        })),
        ...programs.diffs.map((d) => ({
          entity: 'program',
          id: String(d.id),
          unitId: underPlan(d.row.plan_id),
          diff: d,
        })),
        ...tasks.diffs.map((d) => ({
          entity: 'task',
          id: String(d.id),
          unitId: underPlan(programPlan.get(Number(d.row.program_id))),
          diff: d,
        })),
      ],
      ctx,
      at,
    );

    await appendAudit(
      trx,
      {
        actor: ctx.actor ?? null,
        action: 'import',
        entity: 'plan-file',
        id: data.plans.map((p) => p.code).join(',') || null,
        reason: ctx.reason ?? null,
        details: { ...counts, ...importDetails(ctx.source) },
      },
      at,
    );
    return { ok: true, counts, warnings };
  });
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
