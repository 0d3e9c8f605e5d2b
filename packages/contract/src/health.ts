import { z } from 'zod';

export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  /** Name of the newest applied migration. */
  migration: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponse>;
