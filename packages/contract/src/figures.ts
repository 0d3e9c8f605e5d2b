import { PERIOD_PATTERN, VALUE_STATUS_LIST, valueSchema } from '@chitieu/rules';
import { z } from 'zod';
import { idParam, pageQuery, recordMeta, versionField, yearQuery } from './common.js';

export const figureOut = z.object({
  id: z.int(),
  unit: z.string(),
  indicator: z.string(),
  year: z.int(),
  /** Sub-annual period (Q1…Q4, M01…M12, H1, H2, 6M, 9M); null for the whole year. */
  period: z.string().nullable(),
  status: z.enum(VALUE_STATUS_LIST),
  value: z.number(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  ...recordMeta,
  /**
   * After a write: what the rules found suspicious but accepted (a value 10× the year before, an
   * estimate below the official figure), each with a sentence in the caller's language.
   */
  warnings: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
});
export type FigureOut = z.infer<typeof figureOut>;

/** A figure as a plan file's `values[]` item, plus the version when the cell exists already. */
export const figureCreate = valueSchema.extend({
  status: z.enum(VALUE_STATUS_LIST).default('official'),
  version: versionField.optional(),
});
export const figurePatch = z.strictObject({
  value: z.number().optional(),
  source: z.string().nullish(),
  note: z.string().nullish(),
  version: versionField.optional(),
});
export const figureParams = z.strictObject({ id: idParam });
export const figureListQuery = z.strictObject({
  unit: z.string().optional(),
  indicator: z.string().optional(),
  /** Figures of this year only. */
  year: yearQuery.optional(),
  /** Figures of this year and later. */
  from: yearQuery.optional(),
  /** Figures of this year and earlier. */
  to: yearQuery.optional(),
  status: z.enum(VALUE_STATUS_LIST).optional(),
  /** `year` for whole-year figures only, or a period code. */
  period: z.union([z.literal('year'), z.string().regex(PERIOD_PATTERN)]).optional(),
  ...pageQuery,
});
export const revisionOut = z.object({
  version: z.int(),
  value: z.number(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  recordedAt: z.string(),
  actor: z.string().nullable(),
});
export const historyOut = z.object({ figure: figureOut, revisions: z.array(revisionOut) });
