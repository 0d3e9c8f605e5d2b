/**
 * The evaluation output: exactly the JSON of docs/plan-format.md ("Evaluation output",
 * "Ranking output", "SDG progress output"), plus documented extra fields. Field names are a
 * public contract: add freely, never rename or drop.
 */
import type { ForecastClass, Methodology, TargetKind } from './model.js';

export type TargetStatus = 'ok' | 'insufficient-data';

/** Why a number could not be computed: a stable code for machines, words for people. */
export interface Reason {
  code:
    | 'no-indicator'
    | 'no-target-value'
    | 'no-actual'
    | 'no-baseline'
    | 'zero-divisor'
    | 'no-elapsed-years'
    | 'too-few-points'
    | 'sign-mismatch'
    | 'not-computable';
  /** Parameters for the sentence (year, indicator code …). */
  params?: Record<string, string | number>;
}

export interface BandCount {
  /** Lower edge in percent, inclusive; null for the lowest band. */
  minPercent: number | null;
  count: number;
  /** Extra: the band's label when the plan sets one. */
  label?: string | null;
}

export interface ForecastSummary {
  exceed: number;
  complete: number;
  atRisk: number;
  insufficientData: number;
}

export type SdgStatus =
  | 'target-achieved'
  | 'substantial'
  | 'moderate'
  | 'limited'
  | 'deterioration'
  | 'insufficient-data';

export interface TargetForecast {
  /** Projected value of the indicator at the target year (v̂_T), or null when not projected. */
  value: number | null;
  /** P rounded to 1 decimal, in percent. */
  achievementPercent: number | null;
  class: ForecastClass | 'insufficient-data';
  /** Extra: the kind's figure at T from actual + projected values, as `TargetEvaluation.actual` means it (S_T, the term's mean, g over the term in percent …). */
  actual?: number | null;
  /** Extra: unrounded P. */
  achievement?: number | null;
  /** Extra: the effort still needed, in numbers (see docs/methodology.md "Each forecast states the effort"). */
  effort?: Effort | null;
  /** Extra: projected values year by year (t+1 … T) and where each came from. */
  path?: { year: number; value: number; source: 'plan' | 'trend' }[];
  reason?: string | null;
}

/** What it takes from now to the target year, next to what was achieved so far per year. */
export interface Effort {
  kind: 'growth' | 'change' | 'remaining-total' | 'level' | 'annual' | 'none';
  /** Required per year over the remaining years (percent for growth; units otherwise). */
  requiredPerYear: number | null;
  /** Achieved per year so far (same unit as requiredPerYear). */
  achievedPerYear: number | null;
  remainingYears: number;
}

export interface TargetEvaluation {
  code: string;
  kind: TargetKind;
  status: TargetStatus;
  /** Words (in the requested language) saying why, when status is insufficient-data. */
  reason?: string;
  /** Extra: machine-readable reason. */
  reasonCode?: Reason['code'];
  /** t: the latest year ≤ asOf with an actual value. */
  year: number | null;
  /** The figure compared with the target (see docs/plan-format.md). */
  actual: number | null;
  achievement: number | null;
  achievementPercent: number | null;
  band: number | null;
  met: boolean | null;
  observedGrowthPercent?: number | null;
  requiredGrowthPercent?: number | null;
  /** cumulative only: S_t / (y*·(t−b)/(T−b)), in percent, 1 decimal. */
  pacePercent?: number | null;
  forecast: TargetForecast;
  estimate: boolean;
  sdgProgress?: { status: SdgStatus; ratio: number | null };
  /** Extra: the goal value actually compared against (the chosen bound of a range). */
  goal?: number | null;
  /** Extra: indicator and group for reports. */
  indicator?: string;
  group?: string | null;
}

export interface EvaluationSummary {
  total: number;
  bands: BandCount[];
  met: number;
  insufficientData: number;
  forecast: ForecastSummary;
  sdgProgress?: Record<SdgStatus, number>;
}

export interface Evaluation {
  plan: string;
  unit: string;
  asOf: number;
  methodology: Methodology;
  summary: EvaluationSummary;
  targets: TargetEvaluation[];
}

export interface RankingRow {
  unit: string;
  value: number;
  rank: number;
  of: number;
}

export interface Ranking {
  indicator: string;
  year: number;
  by: 'value' | 'growth' | 'achievement';
  parent: string | null;
  rows: RankingRow[];
  unranked: string[];
  /** Extra: for --by growth, the start year. */
  since?: number;
}
