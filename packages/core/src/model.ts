/**
 * The plain-data model the methodology works on. It mirrors the plan file of
 * docs/plan-format.md (`chitieu.plan/1`) after validation and defaults, so the
 * CLI (from a file), the server (from the database) and the browser all hand the
 * core the same shape.
 */

export type Lang = 'vi' | 'en';

/** Text in Vietnamese (always) and English (optional; falls back to Vietnamese). */
export interface LocalizedText {
  vi: string;
  en?: string | null;
}

export type Direction = 'up' | 'down';
export type TrendModel = 'compound' | 'linear';
export type Aggregation = 'sum' | 'ratio' | 'weighted-mean' | 'none';
export type TargetKind = 'level' | 'avg-growth' | 'cumulative' | 'annual' | 'change' | 'milestone';
/** Strongest first: official > preliminary > estimate > plan. */
export type ValueStatus = 'official' | 'preliminary' | 'estimate' | 'plan';
export const VALUE_STATUSES: readonly ValueStatus[] = ['official', 'preliminary', 'estimate', 'plan'];
export type ForecastClass = 'exceed' | 'complete' | 'at-risk';
export type Methodology = 'chitieu' | 'sdg-progress';
export type PlanKind =
  | 'party-resolution'
  | 'council-resolution'
  | 'socio-economic-plan'
  | 'annual-plan'
  | 'sdg'
  | 'other';
export type ProgramKind = 'program' | 'breakthrough' | 'task-group';
export type TaskStatus = 'not-started' | 'in-progress' | 'done' | 'overdue' | 'cancelled';

export interface Unit {
  code: string;
  name: string;
  /** e.g. nation | province | district | commune (free text, compared for equality). */
  level: string;
  parent?: string | null;
}

export interface Indicator {
  code: string;
  name: LocalizedText;
  /** Unit of measure, free text ("tỷ đồng", "%"). */
  unit: string;
  direction: Direction;
  /** Decimals shown on the page. */
  decimals: number;
  trend: TrendModel;
  aggregation: Aggregation;
  /** For `weighted-mean`: the code of the weight indicator (e.g. population). */
  weight?: string | null;
  /** Forecast clamp [min, max]; null = open. Percent indicators default to [0, 100]. */
  bounds?: [number | null, number | null] | null;
  /** Expression over other indicator codes of the same unit and year, e.g. "IC / GO * 100". */
  formula?: string | null;
}

export interface Target {
  code: string;
  /** The report's section ("Kinh tế"). */
  group?: string | null;
  text: LocalizedText;
  indicator: string;
  kind: TargetKind;
  /** y* (level, cumulative, annual), g* in percent per year (avg-growth), c* per year (change). */
  value?: number | null;
  low?: number | null;
  high?: number | null;
  /** avg-growth only: the indicator holds levels, or yearly growth rates in percent. */
  input?: 'levels' | 'rates' | null;
  /** milestone only: the user's own forecast. */
  expected?: ForecastClass | null;
  /**
   * annual only: each single year must reach the goal ("hằng năm đều …"): `A` is the lowest yearly
   * achievement, a missing year is insufficient data. Default false: the mean of the years.
   */
  every?: boolean | null;
}

export interface Task {
  code: string;
  title: LocalizedText;
  lead?: string | null;
  coAgencies?: string[] | null;
  due?: string | null;
  status?: TaskStatus | null;
  progress?: number | null;
}

export interface Program {
  code: string;
  kind: ProgramKind;
  title: LocalizedText;
  targets?: string[] | null;
  lead?: string | null;
  tasks?: Task[] | null;
}

export interface Plan {
  code: string;
  title: LocalizedText;
  unit: string;
  kind: PlanKind;
  issuer?: string | null;
  /**
   * Who may read the plan: `public` — anyone, without signing in (the transparency page);
   * `private` — the users with a role on its unit. A plan that says nothing is private.
   */
  visibility?: 'public' | 'private' | null;
  baselineYear: number;
  targetYear: number;
  methodology: Methodology;
  /** Lower band edges in percent, highest first. Default [80, 50]. */
  bands?: number[] | null;
  /** Optional labels, one per band (bands.length + 1). */
  bandLabels?: LocalizedText[] | null;
  /** Forecast thresholds in percent. Default { exceed: 105, complete: 100 }. */
  forecast?: { exceed?: number | null; complete?: number | null } | null;
  targets: Target[];
  programs?: Program[] | null;
}

export interface Value {
  indicator: string;
  unit: string;
  year: number;
  /** Sub-annual period (Q1…Q4, M01…M12, H1, 9M); absent = the whole year. */
  period?: string | null;
  value: number;
  status: ValueStatus;
  source?: string | null;
  note?: string | null;
}

/** Everything an evaluation may need: the plan file's content, or the same loaded from the database. */
export interface PlanData {
  units: Unit[];
  indicators: Indicator[];
  plans: Plan[];
  values: Value[];
}
