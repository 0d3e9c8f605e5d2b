// The API's response shapes the web app reads. They mirror the route schemas (packages/contract once it
// lands); the evaluation and ranking shapes are the core's own types, since the API answers exactly them.
import type { Lang, LocalizedText, PlanData, ProgramKind, TaskStatus, ValueStatus } from '@chitieu/core';

export type { Evaluation, Ranking, RankingRow, TargetEvaluation } from '@chitieu/core';

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface PlanRow {
  code: string;
  title: LocalizedText;
  unit: string;
  kind: string;
  issuer: string | null;
  baselineYear: number;
  targetYear: number;
  methodology: 'chitieu' | 'sdg-progress';
  bands: number[] | null;
  bandLabels: LocalizedText[] | null;
  forecast: { exceed?: number | null; complete?: number | null } | null;
  visibility: 'public' | 'private';
}

export interface UnitRow {
  code: string;
  name: string;
  level: string;
  parent: string | null;
}

export interface RoleRow {
  role: string;
  unit: string | null;
  indicators: string[] | null;
}

export interface UserRow {
  id: number;
  username: string;
  displayName: string | null;
  disabled: boolean;
  roles: RoleRow[];
}

export interface SessionResponse {
  user: UserRow | null;
  csrfToken: string | null;
}

export interface TaskRow {
  id: number;
  plan: string;
  program: { id: number; code: string };
  code: string;
  title: LocalizedText;
  lead: string | null;
  due: string | null;
  status: TaskStatus | null;
  progress: number | null;
}

export interface ProgramRow {
  id: number;
  code: string;
  kind: ProgramKind;
  title: LocalizedText;
  lead: string | null;
  targets: string[] | null;
}

/** `GET /api/plans/{code}/plan-file`: the plan with its units, indicators and figures (chitieu.plan/1). */
export type PlanFile = PlanData & { format: string };

export interface FigureHistoryEntry {
  at: string;
  user: string | null;
  action: string;
  old: unknown;
  new: unknown;
  reason: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  user: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  unit: string | null;
  reason: string | null;
}

export type { Lang, ValueStatus };
