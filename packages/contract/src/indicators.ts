import { indicatorSchema } from '@chitieu/rules';
import { z } from 'zod';
import { localizedText, pageQuery, recordMeta, versionField } from './common.js';

export const indicatorOut = z.object({
  code: z.string(),
  name: localizedText,
  /** Unit of measure. */
  unit: z.string(),
  direction: z.enum(['up', 'down']),
  decimals: z.int(),
  trend: z.enum(['compound', 'linear']),
  aggregation: z.enum(['sum', 'ratio', 'weighted-mean', 'none']),
  weight: z.string().nullable(),
  bounds: z.tuple([z.number().nullable(), z.number().nullable()]).nullable(),
  formula: z.string().nullable(),
  ...recordMeta,
});
export type IndicatorOut = z.infer<typeof indicatorOut>;

export const indicatorCreate = indicatorSchema;
export const indicatorPatch = indicatorSchema.partial().extend({ version: versionField.optional() });
export const indicatorParams = z.strictObject({ code: z.string().min(1) });
export const indicatorListQuery = z.strictObject({
  q: z.string().optional(),
  aggregation: z.enum(['sum', 'ratio', 'weighted-mean', 'none']).optional(),
  ...pageQuery,
});
