/**
 * The zod schemas of one record of each kind — unit, indicator, target, task, program, plan, figure
 * (value) — and of the plan file `chitieu.plan/1` (docs/plan-format.md). Structure only, no transforms,
 * so the API reuses them for request bodies and OpenAPI. Every object is strict: an unknown key is a
 * problem (`unknown-key`, with the closest valid key), never silently dropped. Checks that need another
 * record (the indicator of a target, the plan of a figure) are the `check…` functions beside these.
 */
import { z } from 'zod';

export const PLAN_FORMAT = 'chitieu.plan/1';

/** Q1…Q4, M01…M12, H1, H2, 6M, 9M. */
export const PERIOD_PATTERN = /^(Q[1-4]|M(0[1-9]|1[0-2])|H[12]|6M|9M)$/;
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const TARGET_KINDS = ['level', 'avg-growth', 'cumulative', 'annual', 'change', 'milestone'] as const;
export const VALUE_STATUS_LIST = ['official', 'preliminary', 'estimate', 'plan'] as const;
export const PLAN_KINDS = [
  'party-resolution',
  'council-resolution',
  'socio-economic-plan',
  'annual-plan',
  'sdg',
  'other',
] as const;

/** Earliest and latest year any record may carry; the plan's own span narrows it (years.ts). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

export const codeSchema = z.string().regex(/\S/);
export const yearSchema = z.int().min(MIN_YEAR).max(MAX_YEAR);
export const localizedTextSchema = z.strictObject({ vi: z.string().min(1), en: z.string().nullish() });
/** `[low, high]`; null is an open end. */
export const boundsSchema = z.tuple([z.number().nullable(), z.number().nullable()]);

export const unitSchema = z.strictObject({
  code: codeSchema,
  name: z.string().min(1),
  level: z.string().min(1),
  parent: codeSchema.nullish(),
});

export const indicatorSchema = z.strictObject({
  code: codeSchema,
  name: localizedTextSchema,
  unit: z.string(),
  direction: z.enum(['up', 'down']),
  decimals: z.int().min(0).max(10).nullish(),
  trend: z.enum(['compound', 'linear']).nullish(),
  aggregation: z.enum(['sum', 'ratio', 'weighted-mean', 'none']).nullish(),
  weight: codeSchema.nullish(),
  bounds: boundsSchema.nullish(),
  formula: z.string().nullish(),
});

export const targetSchema = z.strictObject({
  code: codeSchema,
  group: z.string().nullish(),
  text: localizedTextSchema,
  indicator: codeSchema,
  kind: z.enum(TARGET_KINDS),
  value: z.number().nullish(),
  low: z.number().nullish(),
  high: z.number().nullish(),
  input: z.enum(['levels', 'rates']).nullish(),
  expected: z.enum(['exceed', 'complete', 'at-risk']).nullish(),
  /** annual only: each single year must reach the goal (docs/methodology.md). */
  every: z.boolean().nullish(),
  lead: z.string().nullish(),
  coAgencies: z.array(z.string()).nullish(),
});

export const taskSchema = z.strictObject({
  code: codeSchema,
  title: localizedTextSchema,
  lead: z.string().nullish(),
  coAgencies: z.array(z.string()).nullish(),
  due: z.string().regex(DATE_PATTERN).nullish(),
  status: z.enum(['not-started', 'in-progress', 'done', 'overdue', 'cancelled']).nullish(),
  progress: z.number().min(0).max(100).nullish(),
});

export const programSchema = z.strictObject({
  code: codeSchema,
  kind: z.enum(['program', 'breakthrough', 'task-group']),
  title: localizedTextSchema,
  targets: z.array(codeSchema).nullish(),
  lead: z.string().nullish(),
  tasks: z.array(taskSchema).nullish(),
});

export const planSchema = z.strictObject({
  code: codeSchema,
  title: localizedTextSchema,
  unit: codeSchema,
  kind: z.enum(PLAN_KINDS).nullish(),
  issuer: z.string().nullish(),
  visibility: z.enum(['public', 'private']).nullish(),
  baselineYear: yearSchema,
  targetYear: yearSchema,
  methodology: z.enum(['chitieu', 'sdg-progress']).nullish(),
  bands: z.array(z.number().min(0)).nullish(),
  bandLabels: z.array(localizedTextSchema).nullish(),
  forecast: z
    .strictObject({ exceed: z.number().min(0).nullish(), complete: z.number().min(0).nullish() })
    .nullish(),
  targets: z.array(targetSchema),
  programs: z.array(programSchema).nullish(),
});

export const valueSchema = z.strictObject({
  indicator: codeSchema,
  unit: codeSchema,
  year: yearSchema,
  period: z.string().regex(PERIOD_PATTERN).nullish(),
  value: z.number(),
  status: z.enum(VALUE_STATUS_LIST).nullish(),
  source: z.string().nullish(),
  note: z.string().nullish(),
});

export const planFileSchema = z.strictObject({
  format: z.literal(PLAN_FORMAT),
  units: z.array(unitSchema).nullish(),
  indicators: z.array(indicatorSchema).nullish(),
  plans: z.array(planSchema).nullish(),
  values: z.array(valueSchema).nullish(),
});

/** The plan file as written, before defaults. */
export type PlanFileInput = z.infer<typeof planFileSchema>;
export type TargetInput = z.infer<typeof targetSchema>;
export type IndicatorInput = z.infer<typeof indicatorSchema>;
export type ValueInput = z.infer<typeof valueSchema>;
export type PlanInput = z.infer<typeof planSchema>;
