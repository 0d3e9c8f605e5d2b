import { z } from 'zod';
import { langQuery } from './common.js';

const year = z.coerce.number().int().min(1900).max(2200);

export const evaluationQuery = z.strictObject({ year, ...langQuery });
export const rankingQuery = z.strictObject({
  indicator: z.string().min(1),
  year,
  by: z.enum(['value', 'growth']).default('value'),
  parent: z.string().min(1).optional(),
  since: year.optional(),
  ...langQuery,
});

const TARGET_KIND = z.enum(['level', 'avg-growth', 'cumulative', 'annual', 'change', 'milestone']);
const SDG_STATUS = z.enum([
  'target-achieved',
  'substantial',
  'moderate',
  'limited',
  'deterioration',
  'insufficient-data',
]);
const percent = z.number().nullable();

/** The effort still needed from now to the target year, next to what was achieved per year so far. */
export const effortOut = z.object({
  kind: z.enum(['growth', 'change', 'remaining-total', 'level', 'annual', 'none']),
  /** Required per year over the remaining years (percent for growth; the indicator's unit otherwise). */
  requiredPerYear: z.number().nullable(),
  /** Achieved per year so far, in the same unit. */
  achievedPerYear: z.number().nullable(),
  remainingYears: z.int(),
});

/** Where the target is heading at the target year. */
export const targetForecastOut = z.looseObject({
  /** Projected value of the indicator at the target year, or null when not projected. */
  value: z.number().nullable(),
  /** Projected achievement in percent, 1 decimal. */
  achievementPercent: percent,
  class: z.enum(['exceed', 'complete', 'at-risk', 'insufficient-data']),
  /** The kind's figure at the target year from actual and projected values. */
  actual: z.number().nullish(),
  /** Unrounded projected achievement (1 = 100 %). */
  achievement: z.number().nullish(),
  effort: effortOut.nullish(),
  /** Projected values year by year, each from the plan's own figures or the trend. */
  path: z.array(z.object({ year: z.int(), value: z.number(), source: z.enum(['plan', 'trend']) })).optional(),
  reason: z.string().nullish(),
});

/** One target evaluated as of a year (docs/plan-format.md, "Evaluation output"). */
export const targetEvaluationOut = z.looseObject({
  code: z.string(),
  kind: TARGET_KIND,
  status: z.enum(['ok', 'insufficient-data']),
  /** Why, in the requested language, when status is insufficient-data. */
  reason: z.string().optional(),
  /** Why, as a stable code. */
  reasonCode: z
    .enum([
      'no-indicator',
      'no-target-value',
      'no-actual',
      'no-baseline',
      'zero-divisor',
      'no-elapsed-years',
      'too-few-points',
      'sign-mismatch',
      'not-computable',
    ])
    .optional(),
  /** The latest year up to the as-of year with an actual figure. */
  year: z.int().nullable(),
  /** The figure compared with the goal (the level, the mean growth, the running total … by kind). */
  actual: z.number().nullable(),
  /** Achievement as a ratio (1 = 100 %). */
  achievement: z.number().nullable(),
  /** Achievement in percent, 1 decimal. */
  achievementPercent: percent,
  /** Index into `summary.bands` (0 = highest). */
  band: z.int().nullable(),
  met: z.boolean().nullable(),
  observedGrowthPercent: percent.optional(),
  requiredGrowthPercent: percent.optional(),
  /** cumulative only: the running total against the pro-rata goal, in percent. */
  pacePercent: percent.optional(),
  forecast: targetForecastOut,
  /** True when the actual figure is an estimate (ước). */
  estimate: z.boolean(),
  sdgProgress: z.object({ status: SDG_STATUS, ratio: z.number().nullable() }).optional(),
  /** The goal value compared against (the chosen bound of a range). */
  goal: z.number().nullish(),
  indicator: z.string().optional(),
  group: z.string().nullish(),
});

/** How many targets fall in each band, are met, lack data, and where they are heading. */
export const evaluationSummaryOut = z.looseObject({
  total: z.int(),
  bands: z.array(
    z.object({
      /** Lower edge in percent, inclusive; null for the lowest band. */
      minPercent: z.number().nullable(),
      count: z.int(),
      label: z.string().nullish(),
    }),
  ),
  met: z.int(),
  insufficientData: z.int(),
  forecast: z.object({
    exceed: z.int(),
    complete: z.int(),
    atRisk: z.int(),
    insufficientData: z.int(),
  }),
  sdgProgress: z.record(SDG_STATUS, z.int()).optional(),
});

/** The evaluation JSON of docs/plan-format.md, exactly as `chitieu evaluate --json` prints it. */
export const evaluationOut = z.looseObject({
  plan: z.string(),
  unit: z.string(),
  /** The as-of year. */
  asOf: z.int(),
  methodology: z.enum(['chitieu', 'sdg-progress']),
  summary: evaluationSummaryOut,
  targets: z.array(targetEvaluationOut),
});
export type EvaluationOut = z.infer<typeof evaluationOut>;
export type TargetEvaluationOut = z.infer<typeof targetEvaluationOut>;

/** The ranking JSON of docs/plan-format.md, as `chitieu rank --json` prints it. */
export const rankingOut = z.looseObject({
  indicator: z.string(),
  year: z.int(),
  by: z.enum(['value', 'growth', 'achievement']),
  parent: z.string().nullable(),
  /** Ranked units, best first; tied units share a rank. */
  rows: z.array(z.object({ unit: z.string(), value: z.number(), rank: z.int(), of: z.int() })),
  /** Units without a figure for the year (codes). */
  unranked: z.array(z.string()),
  /** For `by: growth`, the start year. */
  since: z.int().optional(),
});
export type RankingOut = z.infer<typeof rankingOut>;
