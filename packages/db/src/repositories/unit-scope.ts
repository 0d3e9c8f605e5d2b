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

/** The kinds whose values are record ids (the others are codes). */
export const ID_SUBJECT_KINDS: readonly SubjectKind[] = [
  'unit-id',
  'plan-id',
  'target-id',
  'value-id',
  'workflow-id',
];

/**
 * The one spelling of a record id: digits without sign, leading zero, space, dot, exponent or
 * base prefix. `281.0`, `2.81e2`, `0x119`, `+281` and ` 281` all name the same number to a
 * lenient parser; accepting only this spelling means the access check and the route can never
 * read two different records from one request.
 *
 * @example
 * isWellFormedId('281') // true
 * isWellFormedId('281.0') // false
 * isWellFormedId('0281') // false
 */
export function isWellFormedId(value: string): boolean {
  return /^[1-9][0-9]{0,14}$/.test(value);
}

/** The largest id a database integer column holds: a larger one names nothing. */
export const MAX_RECORD_ID = 2 ** 31 - 1;

/** The units a set of subjects concern, and the plans among them (for public reading). */
export interface ResolvedSubjects {
  unitIds: number[];
  /** The plans named (directly or through a target), with whether each is public. */
  plans: { id: number; public: boolean }[];
  /**
   * Some value named nothing that exists (or was not a well-formed id): nothing can say whose it
   * is, so the access check refuses it to anyone without a role on every unit.
   */
  missing: boolean;
  /** Indicator codes of the records named (figures), for editors limited to some indicators. */
  indicators: string[];
  /** The data version, read in the same statement when a plan was found (data-version.ts). */
  dataVersion?: number;
}

/** The well-formed ids among `values` that a database column can hold; the rest name nothing. */
const asIds = (values: readonly string[]) =>
  values
    .filter(isWellFormedId)
    .map(Number)
    .filter((n) => n <= MAX_RECORD_ID);

/**
 * Find the units (and plans) that request values of one kind name, in one query.
 *
 * @example
 * await resolveSubjects(db, 'plan-code', ['NQ-XI'])
 * // { unitIds: [2], plans: [{ id: 1, public: false }], missing: false, indicators: [] }
 * await resolveSubjects(db, 'value-id', ['281.0']) // { unitIds: [], plans: [], missing: true, indicators: [] }
 */
export async function resolveSubjects(
  db: Executor,
  kind: SubjectKind,
  values: readonly string[],
): Promise<ResolvedSubjects> {
  const wanted = [...new Set(values)];
  if (wanted.length === 0) return { unitIds: [], plans: [], missing: false, indicators: [] };
  let units: number[] = [];
  let indicators: string[] = [];
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
    case 'value-id': {
      const ids = asIds(wanted);
      const rows = ids.length
        ? await db
            .selectFrom('indicator_values')
            .innerJoin('indicators', 'indicators.id', 'indicator_values.indicator_id')
            .select(['indicator_values.unit_id as unit_id', 'indicators.code as indicator'])
            .where('indicator_values.id', 'in', ids)
            .execute()
        : [];
      units = rows.map((r) => Number(r.unit_id));
      indicators = [...new Set(rows.map((r) => r.indicator))];
      found = rows.length;
      break;
    }
    case 'workflow-id': {
      const ids = asIds(wanted);
      const rows = ids.length
        ? await db.selectFrom('figure_workflows').select('unit_id').where('id', 'in', ids).execute()
        : [];
      units = rows.map((r) => Number(r.unit_id));
      found = rows.length;
      break;
    }
  }
  return { unitIds: [...new Set(units)], plans, missing: found < wanted.length, indicators, dataVersion };
}
