import { PLAN_KINDS, planSchema } from '@chitieu/rules';
import { z } from 'zod';
import { localizedText, pageQuery, recordMeta, versionField } from './common.js';

export const planOut = z.object({
  code: z.string(),
  title: localizedText,
  unit: z.string(),
  kind: z.enum(PLAN_KINDS),
  /** Issuing body: decides the report's layout and heading. */
  issuer: z.string().nullable(),
  baselineYear: z.int(),
  targetYear: z.int(),
  methodology: z.enum(['chitieu', 'sdg-progress']),
  bands: z.array(z.number()).nullable(),
  bandLabels: z.array(localizedText).nullable(),
  forecast: z.object({ exceed: z.number().nullable(), complete: z.number().nullable() }).nullable(),
  /** `public`: anyone may read the plan and its evaluation. */
  visibility: z.enum(['public', 'private']),
  /** `archived`: kept with its approved figures, readable, no longer editable. */
  state: z.enum(['active', 'archived']),
  ...recordMeta,
});
export type PlanOut = z.infer<typeof planOut>;

export const planCreate = planSchema
  .omit({ targets: true, programs: true })
  .extend({ visibility: z.enum(['public', 'private']).nullish() });
export const planPatch = planCreate.partial().extend({ version: versionField.optional() });
export const planParams = z.strictObject({ code: z.string().min(1) });
export const planListQuery = z.strictObject({
  unit: z.string().optional(),
  kind: z.enum(PLAN_KINDS).optional(),
  visibility: z.enum(['public', 'private']).optional(),
  /** Plans whose term contains this year. */
  year: z.coerce.number().int().optional(),
  /** Plans whose code or title contains this, without regard to accents or case ("nghi quyet"). */
  q: z.string().optional(),
  /** Absent: active plans only; `archived`: archived ones; `all`: both. */
  state: z.enum(['active', 'archived', 'all']).optional(),
  ...pageQuery,
});
/** Archive or restore a plan: the version read (or If-Match). */
export const planStateBody = z.strictObject({ version: versionField.optional() });
