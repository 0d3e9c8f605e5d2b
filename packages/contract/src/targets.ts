import { TARGET_KINDS, targetSchema } from '@chitieu/rules';
import { z } from 'zod';
import { idParam, localizedText, pageQuery, recordMeta, versionField } from './common.js';

export const targetOut = z.object({
  id: z.int(),
  plan: z.string(),
  code: z.string(),
  /** Order in the resolution (0-based). */
  position: z.int(),
  /** The report's section. */
  group: z.string().nullable(),
  text: localizedText,
  indicator: z.string(),
  kind: z.enum(TARGET_KINDS),
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  input: z.enum(['levels', 'rates']).nullable(),
  expected: z.enum(['exceed', 'complete', 'at-risk']).nullable(),
  /** `annual` only: true when every single year must reach the goal (the least year counts), false when the years' mean is judged. */
  every: z.boolean(),
  /** Lead agency (cơ quan chủ trì). */
  lead: z.string().nullable(),
  /** Coordinating agencies (cơ quan phối hợp). */
  coAgencies: z.array(z.string()).nullable(),
  ...recordMeta,
});
export type TargetOut = z.infer<typeof targetOut>;

export const targetCreate = targetSchema.extend({ position: z.int().min(0).optional() });
export const targetPatch = targetCreate.partial().extend({ version: versionField.optional() });
export const targetParams = z.strictObject({ code: z.string().min(1), id: idParam });
export const targetListQuery = z.strictObject({
  group: z.string().optional(),
  indicator: z.string().optional(),
  ...pageQuery,
});
