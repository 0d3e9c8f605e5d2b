import { sql } from 'kysely';
import type { Executor } from '../transaction.js';
import { dataVersionSql } from './data-version.js';

/**
 * Every unit of each given unit's chain up to the root, the unit itself first. One recursive
 * query whatever the depth; UNION (not UNION ALL) ends even on a cyclic parent chain.
 *
 * @example
 * await unitAncestors(db, [ward]) // Map { ward => [ward, town, province] }
 */
export async function unitAncestors(
  db: Executor,
  unitIds: readonly number[],
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return out;
  const { rows } = await sql<{ start_id: number; id: number; depth: number }>`
    with recursive chain(start_id, id, parent_id, depth) as (
      select id, id, parent_id, 0 from units where id in (${sql.join(ids)})
      union
      select chain.start_id, units.id, units.parent_id, chain.depth + 1
        from units join chain on units.id = chain.parent_id
        where chain.depth < 64
    )
    select start_id, id, depth from chain order by start_id, depth`.execute(db);
  for (const r of rows) {
    const start = Number(r.start_id);
    const list = out.get(start) ?? [];
    if (!list.includes(Number(r.id))) list.push(Number(r.id));
    out.set(start, list);
  }
  return out;
}

/**
 * Every unit in the subtrees of the given units (the units themselves included).
 *
 * @example
 * await unitSubtree(db, [town]) // [town, ward1, ward2]
 */
export async function unitSubtree(db: Executor, rootIds: readonly number[]): Promise<number[]> {
  const ids = [...new Set(rootIds)];
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: number }>`
    with recursive sub(id) as (
      select id from units where id in (${sql.join(ids)})
      union
      select units.id from units join sub on units.parent_id = sub.id
    )
    select id from sub`.execute(db);
  return rows.map((r) => Number(r.id));
}

/** What a value in a request names, for finding the unit the request is about. */
export const SUBJECT_KINDS = [
  'unit-code',
  'unit-id',
  'plan-code',
  'plan-id',
  'target-id',
  'value-id',
  'workflow-id',
] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** The units a set of subjects concern, and the plans among them (for public reading). */
export interface ResolvedSubjects {
  unitIds: number[];
  /** The plans named (directly or through a target), with whether each is public. */
  plans: { id: number; public: boolean }[];
  /** Some value named nothing that exists: the route answers that itself (404, 400). */
  missing: boolean;
  /** The data version, read in the same statement when a plan was found (data-version.ts). */
  dataVersion?: number;
}

const asIds = (values: readonly string[]) => values.filter((v) => /^\d{1,15}$/.test(v)).map((v) => Number(v));

/**
 * Find the units (and plans) that request values of one kind name, in one query.
 *
 * @example
 * await resolveSubjects(db, 'plan-code', ['NQ-XI'])
 * // { unitIds: [2], plans: [{ id: 1, public: false }], missing: false }
 */
export async function resolveSubjects(
  db: Executor,
  kind: SubjectKind,
  values: readonly string[],
): Promise<ResolvedSubjects> {
  const wanted = [...new Set(values)];
  if (wanted.length === 0) return { unitIds: [], plans: [], missing: false };
  let units: number[] = [];
  let plans: { id: number; public: boolean }[] = [];
  let found = 0;
  let dataVersion: number | undefined;
  const planRows = (rows: { id: number; unit_id: number; visibility: string; data_version?: number }[]) => {
    plans = rows.map((r) => ({ id: Number(r.id), public: r.visibility === 'public' }));
    units = rows.map((r) => Number(r.unit_id));
    if (rows[0]?.data_version !== undefined) dataVersion = Number(rows[0].data_version);
  };
  switch (kind) {
    case 'unit-code': {
      const rows = await db.selectFrom('units').select('id').where('code', 'in', wanted).execute();
      units = rows.map((r) => Number(r.id));
      found = rows.length;
      break;
    }
    case 'unit-id': {
      const ids = asIds(wanted);
      const rows = ids.length
        ? await db.selectFrom('units').select('id').where('id', 'in', ids).execute()
        : [];
      units = rows.map((r) => Number(r.id));
      found = rows.length;
      break;
    }
    case 'plan-code':
    case 'plan-id': {
      const column = kind === 'plan-code' ? 'code' : 'id';
      const keys = kind === 'plan-code' ? wanted : asIds(wanted);
      const rows = keys.length
        ? await db
            .selectFrom('plans')
            .select(['id', 'unit_id', 'visibility', dataVersionSql.as('data_version')])
            .where(column, 'in', keys)
            .execute()
        : [];
      planRows(rows);
      found = rows.length;
      break;
    }
    case 'target-id': {
      const ids = asIds(wanted);
      const rows = ids.length
        ? await db
            .selectFrom('targets')
            .innerJoin('plans', 'plans.id', 'targets.plan_id')
            .select(['plans.id as id', 'plans.unit_id as unit_id', 'plans.visibility as visibility'])
            .where('targets.id', 'in', ids)
            .execute()
        : [];
      planRows(rows);
      found = rows.length;
      break;
    }
    case 'value-id':
    case 'workflow-id': {
      const ids = asIds(wanted);
      const table = kind === 'value-id' ? 'indicator_values' : 'figure_workflows';
      const rows = ids.length
        ? await db.selectFrom(table).select('unit_id').where('id', 'in', ids).execute()
        : [];
      units = rows.map((r) => Number(r.unit_id));
      found = rows.length;
      break;
    }
  }
  return { unitIds: [...new Set(units)], plans, missing: found < wanted.length, dataVersion };
}
