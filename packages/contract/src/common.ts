/**
 * What every part of the API shares: pagination, the version a write expects, record bookkeeping,
 * text in two languages and the one error shape.
 */
import { z } from 'zod';

/** `?limit=&offset=`: at most 500 rows a page, 50 by default. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

/**
 * A page of `item`s and the size of the whole list.
 *
 * @example pageOf(unitOut) // { items: Unit[], total, limit, offset }
 */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.int(), limit: z.int(), offset: z.int() });
}
/** A page as the client receives it. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** `version` in a body: the version of the record the client read. */
export const versionField = z.int().min(1);

/** Bookkeeping every editable record shows. */
export const recordMeta = {
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** Text in Vietnamese and, optionally, English. */
export const localizedText = z.object({ vi: z.string().min(1), en: z.string().nullish() });
export type LocalizedText = z.infer<typeof localizedText>;

/** `?lang=vi|en`: the language of the texts in the answer (else Accept-Language). */
export const langQuery = { lang: z.enum(['vi', 'en']).optional() };

/** `?version=` for a DELETE (or send If-Match). */
export const versionQuery = { version: z.coerce.number().int().min(1).optional() };
/** The query string of a DELETE. */
export const deleteQuery = z.strictObject(versionQuery);

/**
 * An id in a path or query: digits only — no sign, leading zero, space, decimal point, exponent or
 * base prefix (`281.0`, `2.81e2`, `0x119`, `+281`, ` 281` are refused, not read as 281), so the
 * access check and the route always read the same record from the same text.
 */
export const idParam = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/)
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .max(2 ** 31 - 1),
  );

/** A year in a query string. */
export const yearQuery = z.coerce.number().int().min(1900).max(2200);

/** The single error shape of the API. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
    /** For `version-conflict`: the record as it now is. */
    current: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
