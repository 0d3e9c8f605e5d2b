import type { ColumnType, Generated } from 'kysely';

/**
 * The database schema as Kysely sees it. Conventions, the same on SQLite and PostgreSQL:
 * - integer surrogate `id` plus a unique `code` where the plan file has one;
 * - numbers are REAL / double precision and always come back as JS numbers (pg strings are
 *   normalised in connect.ts);
 * - timestamps are ISO-8601 UTC text written by the application, so both dialects sort and
 *   compare them alike and no driver turns them into Date objects;
 * - JSON-shaped fields (band edges, labels, agencies) are JSON text;
 * - `version` counts edits of an editable record (optimistic concurrency builds on it).
 */
export interface Database {
  units: UnitTable;
  indicators: IndicatorTable;
  plans: PlanTable;
  targets: TargetTable;
  programs: ProgramTable;
  program_targets: ProgramTargetTable;
  tasks: TaskTable;
  indicator_values: IndicatorValueTable;
  value_revisions: ValueRevisionTable;
  audit_log: AuditLogTable;
}

type Id = Generated<number>;
/** Editable-record bookkeeping shared by every domain table. */
interface Editable {
  version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
}

export interface UnitTable extends Editable {
  id: Id;
  code: string;
  name: string;
  level: string;
  parent_id: number | null;
}

export interface IndicatorTable extends Editable {
  id: Id;
  code: string;
  name_vi: string;
  name_en: string | null;
  measure: string;
  direction: string;
  decimals: number;
  trend: string;
  aggregation: string;
  weight_code: string | null;
  bound_min: number | null;
  bound_max: number | null;
  formula: string | null;
}

export interface PlanTable extends Editable {
  id: Id;
  code: string;
  title_vi: string;
  title_en: string | null;
  unit_id: number;
  kind: string;
  issuer: string | null;
  baseline_year: number;
  target_year: number;
  methodology: string;
  /** JSON array of lower band edges in percent, or null for the default. */
  bands: string | null;
  /** JSON array of LocalizedText, or null. */
  band_labels: string | null;
  forecast_exceed: number | null;
  forecast_complete: number | null;
}

export interface TargetTable extends Editable {
  id: Id;
  plan_id: number;
  code: string;
  /** Order in the plan (0-based): reports list targets in this order. */
  position: number;
  group_name: string | null;
  text_vi: string;
  text_en: string | null;
  indicator_id: number;
  kind: string;
  value: number | null;
  low: number | null;
  high: number | null;
  input: string | null;
  expected: string | null;
  /** Lead agency (cơ quan chủ trì). */
  lead: string | null;
  /** JSON array of coordinating agencies, or null. */
  co_agencies: string | null;
}

export interface ProgramTable extends Editable {
  id: Id;
  plan_id: number;
  code: string;
  position: number;
  kind: string;
  title_vi: string;
  title_en: string | null;
  lead: string | null;
}

export interface ProgramTargetTable {
  program_id: number;
  target_id: number;
  position: number;
}

export interface TaskTable extends Editable {
  id: Id;
  program_id: number;
  code: string;
  position: number;
  title_vi: string;
  title_en: string | null;
  lead: string | null;
  /** JSON array of agency names, or null. */
  co_agencies: string | null;
  due: string | null;
  status: string | null;
  progress: number | null;
}

/**
 * The current figure of one cell: unit × indicator × year × period × status. `period` is ''
 * for the whole year (not NULL, so the unique key holds on both dialects). Every figure ever
 * recorded for the cell is also in `value_revisions`, which is append-only.
 */
export interface IndicatorValueTable extends Editable {
  id: Id;
  unit_id: number;
  indicator_id: number;
  year: number;
  period: string;
  status: string;
  value: number;
  source: string | null;
  note: string | null;
}

export interface ValueRevisionTable {
  id: Id;
  value_id: number;
  /** The cell's `version` this revision created. */
  version: number;
  value: number;
  source: string | null;
  note: string | null;
  recorded_at: string;
  actor: string | null;
}

/** Append-only: triggers reject UPDATE and DELETE on both dialects. */
export interface AuditLogTable {
  id: Id;
  at: string;
  actor: string | null;
  action: string;
  entity: string;
  entity_code: string | null;
  /** JSON object with what changed. */
  details: string | null;
}
