import { DATE_PATTERN, localizedTextSchema, programSchema, taskSchema } from '@chitieu/rules';
import { z } from 'zod';
import { idParam, localizedText, pageQuery, recordMeta, versionField } from './common.js';

export const programOut = z.object({
  id: z.int(),
  plan: z.string(),
  code: z.string(),
  position: z.int(),
  /** program (chương trình trọng tâm), breakthrough (khâu đột phá), task-group (nhóm nhiệm vụ, giải pháp). */
  kind: z.enum(['program', 'breakthrough', 'task-group']),
  title: localizedText,
  lead: z.string().nullable(),
  coAgencies: z.array(z.string()).nullable(),
  /** Codes of the plan's targets this program serves. */
  targets: z.array(z.string()),
  ...recordMeta,
});
export type ProgramOut = z.infer<typeof programOut>;
export const programCreate = programSchema
  .omit({ tasks: true })
  .extend({ coAgencies: z.array(z.string()).nullish(), position: z.int().min(0).optional() });
export const programPatch = programCreate.partial().extend({ version: versionField.optional() });
export const programParams = z.strictObject({ code: z.string().min(1), id: idParam });
export const programListQuery = z.strictObject({
  kind: z.enum(['program', 'breakthrough', 'task-group']).optional(),
  ...pageQuery,
});

export const TASK_STATUSES = ['not-started', 'in-progress', 'done', 'overdue', 'cancelled'] as const;
export const taskOut = z.object({
  id: z.int(),
  plan: z.string(),
  program: z.object({ id: z.int(), code: z.string() }),
  code: z.string(),
  position: z.int(),
  title: localizedText,
  lead: z.string().nullable(),
  coAgencies: z.array(z.string()).nullable(),
  due: z.string().nullable(),
  status: z.enum(TASK_STATUSES).nullable(),
  progress: z.number().nullable(),
  targets: z.array(z.string()),
  ...recordMeta,
});
export type TaskOut = z.infer<typeof taskOut>;
export const taskCreate = taskSchema.extend({
  targets: z.array(z.string().min(1)).nullish(),
  position: z.int().min(0).optional(),
});
export const taskPatch = taskCreate.partial().extend({ version: versionField.optional() });
export const taskListQuery = z.strictObject({
  program: z.coerce.number().int().optional(),
  status: z.enum(TASK_STATUSES).optional(),
  lead: z.string().optional(),
  /** Due on or before this date. */
  dueBy: z.string().regex(DATE_PATTERN).optional(),
  ...pageQuery,
});

export const noteOut = z.object({
  id: z.int(),
  task: z.int(),
  date: z.string(),
  progress: z.number().nullable(),
  text: localizedText,
  actor: z.string().nullable(),
  ...recordMeta,
});
export type NoteOut = z.infer<typeof noteOut>;
export const noteCreate = z.strictObject({
  date: z.string().regex(DATE_PATTERN),
  progress: z.number().min(0).max(100).nullish(),
  text: localizedTextSchema,
});
export const notePatch = noteCreate.partial().extend({ version: versionField.optional() });
export const noteParams = z.strictObject({ code: z.string().min(1), id: idParam });
export const noteListQuery = z.strictObject(pageQuery);
