import { DATE_PATTERN, unitSchema } from '@chitieu/rules';
import { z } from 'zod';
import { pageQuery, recordMeta, versionField } from './common.js';

const date = z.string().regex(DATE_PATTERN);

export const unitOut = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parent: z.string().nullable(),
  /** Official administrative code (mã đơn vị hành chính). */
  adminCode: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  ...recordMeta,
});
export type UnitOut = z.infer<typeof unitOut>;

export const unitCreate = unitSchema.extend({
  adminCode: z.string().nullish(),
  validFrom: date.nullish(),
  validTo: date.nullish(),
});
export const unitPatch = unitCreate.partial().extend({ version: versionField.optional() });

export const unitParams = z.strictObject({ code: z.string().min(1) });
export const unitListQuery = z.strictObject({
  /** Children of this unit; empty for the top-level units. */
  parent: z.string().optional(),
  level: z.string().optional(),
  q: z.string().optional(),
  /** Only units valid on this date (YYYY-MM-DD). */
  validOn: date.optional(),
  ...pageQuery,
});

export const lineageOut = z.object({
  id: z.int(),
  kind: z.enum(['merge', 'split']),
  predecessor: z.string(),
  successor: z.string(),
  effective: z.string(),
  note: z.string().nullable(),
});
export const reorganisationBody = z.strictObject({
  kind: z.enum(['merge', 'split']),
  from: z.array(z.string().min(1)).min(1),
  to: z.array(z.string().min(1)).min(1),
  effective: date,
  note: z.string().nullish(),
});

export const unitFiguresQuery = z.strictObject({
  indicator: z.string().min(1),
  from: z.coerce.number().int().min(1900).max(2200).optional(),
  to: z.coerce.number().int().min(1900).max(2200).optional(),
});
export const unitFigureRow = z.object({
  year: z.int(),
  /** The figure the methodology uses: entered (strongest status), else by formula, else from the children. */
  value: z.number().nullable(),
  status: z.enum(['official', 'preliminary', 'estimate']).nullable(),
  origin: z.enum(['entered', 'formula', 'aggregated']).nullable(),
  /** The derived figure when an entered one exists and differs (shown side by side). */
  derived: z.number().nullable(),
  /** Why there is no figure, when `value` is null. */
  reason: z.string().nullable(),
  /** Every figure entered for this unit and year (all statuses, whole year), with its id for the history. */
  entered: z.array(z.object({ id: z.int(), status: z.string(), value: z.number(), version: z.int() })),
});
export const unitFiguresOut = z.object({
  unit: z.string(),
  indicator: z.string(),
  rows: z.array(unitFigureRow),
});
