// The API's response shapes the web app reads: the contract's own types (@chitieu/contract, type-only
// imports: no zod reaches the bundle); the evaluation and ranking shapes are the core's, which the API
// answers exactly.

import type { EndpointResponse, SessionResponse } from '@chitieu/contract';
import type { Lang, LocalizedText, PlanData, ProgramKind, TaskStatus, ValueStatus } from '@chitieu/core';

export type { Evaluation, Ranking, RankingRow, TargetEvaluation } from '@chitieu/core';
export type { SessionResponse };

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** The fields of a plan (`GET /api/plans/{code}`) the pages read: picked from the contract, so a change there fails here. */
export type PlanRow = Pick<
  EndpointResponse<'getPlan'>,
  | 'code'
  | 'title'
  | 'unit'
  | 'kind'
  | 'issuer'
  | 'baselineYear'
  | 'targetYear'
  | 'methodology'
  | 'bands'
  | 'bandLabels'
  | 'forecast'
  | 'visibility'
>;

/** The fields of a unit (`GET /api/units/{code}`) the pages read. */
export type UnitRow = Pick<EndpointResponse<'getUnit'>, 'code' | 'name' | 'level' | 'parent'>;

export type UserRow = NonNullable<SessionResponse['user']>;

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
