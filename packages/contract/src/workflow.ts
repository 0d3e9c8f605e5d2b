import { z } from 'zod';

export const workflowQuery = z.strictObject({
  plan: z.string().min(1),
  unit: z.string().min(1),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
});

export const stepBody = z.strictObject({
  plan: z.string().min(1),
  unit: z.string().min(1),
  year: z.number().int().min(1900).max(2200),
  /** Required to return submitted figures and to reopen approved ones. */
  reason: z.string().trim().max(2000).optional(),
});

export const workflowView = z.object({
  plan: z.string(),
  unit: z.string(),
  year: z.number(),
  state: z.enum(['draft', 'submitted', 'approved', 'reopened']),
  steps: z.array(
    z.object({
      action: z.enum(['submit', 'approve', 'return', 'reopen']),
      from: z.string(),
      to: z.string(),
      user: z.string().nullable(),
      at: z.string(),
      reason: z.string().nullable(),
    }),
  ),
});

export const workflowResponse = z.object({ workflows: z.array(workflowView) });
