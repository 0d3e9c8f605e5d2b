import { z } from 'zod';
import { errorBodySchema } from './common.js';

export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  /** Name of the newest applied migration. */
  migration: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponse>;

/** `/api/health` while the database cannot be reached (503, with `Retry-After`): the API error shape plus the fields a monitor reads. */
export const healthUnavailable = errorBodySchema.extend({
  status: z.literal('unavailable'),
  database: z.literal('unavailable'),
  /** Which database is away. */
  dialect: z.enum(['sqlite', 'postgres']),
});
export type HealthUnavailable = z.infer<typeof healthUnavailable>;
