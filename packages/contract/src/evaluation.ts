import { z } from 'zod';
import { langQuery } from './common.js';

const year = z.coerce.number().int().min(1900).max(2200);

export const evaluationQuery = z.object({ year, ...langQuery });
export const rankingQuery = z.object({
  indicator: z.string().min(1),
  year,
  by: z.enum(['value', 'growth']).default('value'),
  parent: z.string().min(1).optional(),
  since: year.optional(),
  ...langQuery,
});

/** The evaluation JSON of PLAN-FORMAT.md (documented there in full; sent exactly as `chitieu evaluate --json`). */
export const evaluationOut = z
  .object({
    plan: z.string(),
    unit: z.string(),
    asOf: z.int(),
    methodology: z.enum(['chitieu', 'sdg-progress']),
    summary: z.object({}).passthrough(),
    targets: z.array(z.object({}).passthrough()),
  })
  .passthrough();

/** The ranking JSON of PLAN-FORMAT.md, as `chitieu rank --json` prints it. */
export const rankingOut = z
  .object({
    indicator: z.string(),
    year: z.int(),
    by: z.enum(['value', 'growth']),
    parent: z.string().nullable(),
    rows: z.array(z.object({ unit: z.string(), value: z.number(), rank: z.int(), of: z.int() })),
    unranked: z.array(z.string()),
  })
  .passthrough();
