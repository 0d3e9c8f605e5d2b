import { z } from 'zod';
import { idParam } from './common.js';
import { workflowView } from './workflow.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/);

export const auditQuery = z.strictObject({
  entity: z.string().min(1).max(50).optional(),
  id: z.string().min(1).max(200).optional(),
  user: z.string().min(1).max(200).optional(),
  /**
   * Entries about this unit (by code): whatever was done to its figures, targets, plans and to the unit
   * itself. Entries that concern no unit (an indicator, an account) never match.
   */
  unit: z.string().min(1).max(200).optional(),
  /**
   * Entries about this indicator (by code): its own changes, its figures, and the targets that measure
   * it (a target's entries are found through the target as it now is; a deleted target's are not).
   */
  indicator: z.string().min(1).max(200).optional(),
  /** What was done: `redefine` and `update-approved` list the changes approved results rest on. */
  action: z.string().min(1).max(50).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Entries older than this id (the next page, newest first). */
  /** An audit entry's id (digits only, like every id): entries older than it. */
  before: idParam.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const auditRecord = z.object({
  id: z.number(),
  at: z.string(),
  user: z.string().nullable(),
  userId: z.number().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  unit: z.string().nullable(),
  old: z.unknown(),
  new: z.unknown(),
  reason: z.string().nullable(),
  details: z.unknown(),
});

export const auditResponse = z.object({ entries: z.array(auditRecord) });

export const figureHistoryQuery = z.strictObject({
  unit: z.string().min(1),
  indicator: z.string().min(1),
  year: z.coerce.number().int().min(1900).max(2200),
  period: z.string().min(1).optional(),
});

/** Who changed a figure, when, from what to what, and where its approval stands. */
export const figureHistoryResponse = z.object({
  figure: z.string(),
  entries: z.array(auditRecord),
  workflows: z.array(workflowView),
});
