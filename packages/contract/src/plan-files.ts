import { z } from 'zod';

const counts = z.object({ added: z.int(), updated: z.int(), unchanged: z.int() });
export const importOut = z.object({
  counts: z.object({
    units: counts,
    indicators: counts,
    plans: counts,
    targets: counts,
    programs: counts,
    tasks: counts,
    values: counts,
  }),
});
export const exportQuery = z.strictObject({ format: z.enum(['json', 'yaml']).default('json') });
