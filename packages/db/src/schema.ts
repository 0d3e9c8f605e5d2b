import type {
  Aggregation,
  Direction,
  ForecastClass,
  Methodology,
  PlanKind,
  ProgramKind,
  TargetKind,
  TaskStatus,
  TrendModel,
  ValueStatus,
} from '@chitieu/core';
import type { ColumnType, Generated } from 'kysely';

/** Where the figures of one plan × unit × year stand. Only `approved` locks them. */
export type WorkflowState = 'draft' | 'submitted' | 'approved' | 'reopened';
/** What a person can do to them. */
export type WorkflowAction = 'submit' | 'approve' | 'return' | 'reopen';
/** A plan in use, or archived: readable, not editable, out of the lists unless asked for. */
export type PlanState = 'active' | 'archived';
export type PlanVisibility = 'public' | 'private';
export type LineageKind = 'merge' | 'split';
/** The four roles, weakest first. */
export type RoleName = 'viewer' | 'editor' | 'manager' | 'admin';

/**
 * The database schema as Kysely sees it. Conventions, the same on SQLite and PostgreSQL:
 * - integer surrogate `id` plus a unique `code` where the plan file has one;
 * - numbers are REAL / double precision and always come back as JS numbers (pg strings are
 *   normalised in connect.ts);
 * - timestamps are ISO-8601 UTC text written by the application, so both dialects sort and
 *   compare them alike and no driver turns them into Date objects;
 * - JSON-shaped fields (band edges, labels, agencies) are JSON text;
 * - `version` counts edits of an editable record (optimistic concurrency builds on it);
 * - enum columns are typed as unions and the database refuses anything else (0400_constraints).
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
  unit_lineage: UnitLineageTable;
  task_targets: TaskTargetTable;
  progress_notes: ProgressNoteTable;
  data_version: DataVersionTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_failures: LoginFailureTable;
  login_throttle: LoginThrottleTable;
  figure_workflows: FigureWorkflowTable;
  workflow_steps: WorkflowStepTable;
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
  /** Official administrative code (mã đơn vị hành chính), when it differs from `code`. */
  admin_code: ColumnType<string | null, string | null | undefined, string | null>;
  /** ISO dates; null = open. A unit abolished by a reorganisation has `valid_to`. */
  valid_from: ColumnType<string | null, string | null | undefined, string | null>;
  valid_to: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface IndicatorTable extends Editable {
  id: Id;
  code: string;
  name_vi: string;
  name_en: string | null;
  measure: string;
  direction: Direction;
  decimals: number;
  trend: TrendModel;
  aggregation: Aggregation;
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
  kind: PlanKind;
  issuer: string | null;
  baseline_year: number;
  target_year: number;
  methodology: Methodology;
  /** JSON array of lower band edges in percent, or null for the default. */
  bands: string | null;
  /** JSON array of LocalizedText, or null. */
  band_labels: string | null;
  forecast_exceed: number | null;
  forecast_complete: number | null;
  /** `public` (readable anonymously) or `private`. */
  visibility: ColumnType<PlanVisibility, PlanVisibility | undefined, PlanVisibility>;
  /** `archived`: kept for the record (approved figures), no longer edited (0400_constraints). */
  state: ColumnType<PlanState, PlanState | undefined, PlanState>;
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
  kind: TargetKind;
  value: number | null;
  low: number | null;
  high: number | null;
  input: 'levels' | 'rates' | null;
  expected: ForecastClass | null;
  /** 1: an `annual` target every single year of which must reach the goal; only `annual` (0600_target_every). */
  every: ColumnType<0 | 1, 0 | 1 | undefined, 0 | 1>;
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
  kind: ProgramKind;
  title_vi: string;
  title_en: string | null;
  lead: string | null;
  /** JSON array of coordinating agencies, or null. */
  co_agencies: ColumnType<string | null, string | null | undefined, string | null>;
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
  status: TaskStatus | null;
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
  status: ValueStatus;
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
  /** The acting user's id (null for the command line and the system). */
  actor_id: ColumnType<number | null, number | null | undefined, never>;
  /** The client's address. */
  ip: ColumnType<string | null, string | null | undefined, never>;
  /** The unit the change concerns, so readers see only their units' entries. */
  unit_id: ColumnType<number | null, number | null | undefined, never>;
  /** JSON: the record (or the changed fields) before and after; null for a creation / deletion. */
  old_value: ColumnType<string | null, string | null | undefined, never>;
  new_value: ColumnType<string | null, string | null | undefined, never>;
  /** Why, when the user said (required to reopen approved figures). */
  reason: ColumnType<string | null, string | null | undefined, never>;
}

/**
 * A reorganisation step: `predecessor` was merged into `successor` (kind `merge`), or split, one
 * row per part (kind `split`). Mergers make the successor's history the aggregate of its
 * predecessors' figures (repositories/lineage.ts).
 */
export interface UnitLineageTable extends Editable {
  id: Id;
  predecessor_id: number;
  successor_id: number;
  kind: LineageKind;
  /** ISO date the reorganisation took effect. */
  effective: string;
  note: string | null;
}

/** Targets a task serves, in order. */
export interface TaskTargetTable {
  task_id: number;
  target_id: number;
  position: number;
}

/** A dated progress note of a task. */
export interface ProgressNoteTable extends Editable {
  id: Id;
  task_id: number;
  date: string;
  progress: number | null;
  text_vi: string;
  text_en: string | null;
  actor: string | null;
}

/** A person or a script that signs in. The password is kept only as an argon2id hash. */
export interface UserTable extends Editable {
  id: Id;
  username: string;
  password_hash: string;
  display_name: string | null;
  /** 1: may not sign in, and every session and token of the user is refused. */
  disabled: number;
}

/** One role of a user on a unit and everything below it (`unit_id` null: every unit). */
export interface UserRoleTable {
  id: Id;
  user_id: number;
  role: RoleName;
  unit_id: number | null;
  /** JSON array of indicator codes an editor may enter, or null for all. */
  indicators: string | null;
  created_at: string;
}

/** A signed-in browser. Only the SHA-256 of the cookie token and of the CSRF token are stored. */
export interface SessionTable {
  id: Id;
  user_id: number;
  token_hash: string;
  csrf_hash: string;
  created_at: string;
  last_seen_at: string;
  /** Absolute expiry; idle expiry is `last_seen_at` + the idle limit. */
  expires_at: string;
  ended_at: string | null;
  ip: string | null;
}

/** A token for another system or a script (`Authorization: Bearer …`); only its SHA-256 is stored. */
export interface ApiTokenTable {
  id: Id;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** A failed login for a typed user name (known or not), kept for the lock-out window. */
export interface LoginFailureTable {
  id: Id;
  username: string;
  at: string;
  ip: string | null;
}

/** Sign-in attempts counted per user name and address (lock-out), raised atomically. */
export interface LoginThrottleTable {
  username: string;
  /** '' when the address is unknown. */
  ip: string;
  failures: number;
  last_at: string;
}

/** Where the figures of one plan × unit × year stand: draft, submitted, approved or reopened. */
export interface FigureWorkflowTable extends Editable {
  id: Id;
  plan_id: number;
  unit_id: number;
  year: number;
  state: WorkflowState;
}

/** One step of a workflow, who took it, when and why. Append-only. */
export interface WorkflowStepTable {
  id: Id;
  workflow_id: number;
  action: WorkflowAction;
  from_state: WorkflowState;
  to_state: WorkflowState;
  actor_id: number | null;
  actor: string | null;
  at: string;
  reason: string | null;
}

/** One row (id 1): bumped by triggers on every write to what evaluations read (0101_data_version). */
export interface DataVersionTable {
  id: number;
  n: number;
}
