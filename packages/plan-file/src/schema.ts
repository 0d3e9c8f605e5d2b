/**
 * The zod schemas of the plan file `chitieu.plan/1` (shared/PLAN-FORMAT.md): the structure only, no
 * transforms, so the API can reuse them for request bodies and generate OpenAPI from them. Defaults that
 * depend on other fields (decimals by unit of measure …) are applied by `applyDefaults`; checks across
 * records (references, duplicates, cycles) by `checkPlanFile`.
 */
import { z } from 'zod';

export const PLAN_FORMAT = 'chitieu.plan/1';

/** Q1…Q4, M01…M12, H1, H2, 6M, 9M. */
export const PERIOD_PATTERN = /^(Q[1-4]|M(0[1-9]|1[0-2])|H[12]|6M|9M)$/;
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const codeSchema = z.string().regex(/\S/);
export const yearSchema = z.int().min(1900).max(2200);
export const localizedTextSchema = z.object({ vi: z.string().min(1), en: z.string().nullish() });

export const unitSchema = z.object({
  code: codeSchema,
  name: z.string().min(1),
  level: z.string().min(1),
  parent: codeSchema.nullish(),
});

export const indicatorSchema = z.object({
  code: codeSchema,
  name: localizedTextSchema,
  unit: z.string(),
  direction: z.enum(['up', 'down']),
  decimals: z.int().min(0).max(10).nullish(),
  trend: z.enum(['compound', 'linear']).nullish(),
  aggregation: z.enum(['sum', 'ratio', 'weighted-mean', 'none']).nullish(),
  weight: codeSchema.nullish(),
  bounds: z.tuple([z.number().nullable(), z.number().nullable()]).nullish(),
  formula: z.string().nullish(),
});

export const targetSchema = z.object({
  code: codeSchema,
  group: z.string().nullish(),
  text: localizedTextSchema,
  indicator: codeSchema,
  kind: z.enum(['level', 'avg-growth', 'cumulative', 'annual', 'change', 'milestone']),
  value: z.number().nullish(),
  low: z.number().nullish(),
  high: z.number().nullish(),
  input: z.enum(['levels', 'rates']).nullish(),
  expected: z.enum(['exceed', 'complete', 'at-risk']).nullish(),
  lead: z.string().nullish(),
  coAgencies: z.array(z.string()).nullish(),
});

export const taskSchema = z.object({
  code: codeSchema,
  title: localizedTextSchema,
  lead: z.string().nullish(),
  coAgencies: z.array(z.string()).nullish(),
  due: z.string().regex(DATE_PATTERN).nullish(),
  status: z.enum(['not-started', 'in-progress', 'done', 'overdue', 'cancelled']).nullish(),
  progress: z.number().min(0).max(100).nullish(),
});

export const programSchema = z.object({
  code: codeSchema,
  kind: z.enum(['program', 'breakthrough', 'task-group']),
  title: localizedTextSchema,
  targets: z.array(codeSchema).nullish(),
  lead: z.string().nullish(),
  tasks: z.array(taskSchema).nullish(),
});

export const planSchema = z.object({
  code: codeSchema,
  title: localizedTextSchema,
  unit: codeSchema,
  kind: z
    .enum(['party-resolution', 'council-resolution', 'socio-economic-plan', 'annual-plan', 'sdg', 'other'])
    .nullish(),
  issuer: z.string().nullish(),
  visibility: z.enum(['public', 'private']).nullish(),
  baselineYear: yearSchema,
  targetYear: yearSchema,
  methodology: z.enum(['chitieu', 'sdg-progress']).nullish(),
  bands: z.array(z.number().min(0)).nullish(),
  bandLabels: z.array(localizedTextSchema).nullish(),
  forecast: z
    .object({ exceed: z.number().min(0).nullish(), complete: z.number().min(0).nullish() })
    .nullish(),
  targets: z.array(targetSchema),
  programs: z.array(programSchema).nullish(),
});

export const valueSchema = z.object({
  indicator: codeSchema,
  unit: codeSchema,
  year: yearSchema,
  period: z.string().regex(PERIOD_PATTERN).nullish(),
  value: z.number(),
  status: z.enum(['official', 'preliminary', 'estimate', 'plan']).nullish(),
  source: z.string().nullish(),
  note: z.string().nullish(),
});

export const planFileSchema = z.object({
  format: z.literal(PLAN_FORMAT),
  units: z.array(unitSchema).nullish(),
  indicators: z.array(indicatorSchema).nullish(),
  plans: z.array(planSchema).nullish(),
  values: z.array(valueSchema).nullish(),
});

/** The plan file as written, before defaults. */
export type PlanFileInput = z.infer<typeof planFileSchema>;
