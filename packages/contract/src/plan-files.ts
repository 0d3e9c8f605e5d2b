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
  /**
   * Accepted but suspicious figures, to look at again (docs/plan-format.md §2): a value 10× the year
   * before (`value-jump`), an estimate below the stored official figure of its cell
   * (`estimate-below-official`). Empty when none.
   */
  warnings: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
});
export const exportQuery = z.strictObject({ format: z.enum(['json', 'yaml']).default('json') });
