/**
 * What the domain routes share: pagination, the version a write expects, who writes, 404s, and
 * conflicts answered with the current record in the API's own shape.
 */
import { deleteQuery } from '@chitieu/contract';
import type { Lang } from '@chitieu/core';
import { type AuditActor, DomainError, type Page, type WriteContext } from '@chitieu/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccessRule } from '../access.js';
import { ApiError, errorBodySchema } from '../errors.js';
import { languageOf } from '../i18n.js';

// The schemas are the contract's (shared with the web client); re-exported for the routes.
export {
  idParam,
  langQuery,
  localizedText,
  pageOf,
  pageQuery,
  recordMeta,
  versionField,
  versionQuery,
} from '@chitieu/contract';

/** Present one page of rows. */
export function presentPage<R, T>(
  page: { items: R[]; total: number },
  at: Page,
  present: (row: R) => T,
): { items: T[]; total: number; limit: number; offset: number } {
  return { items: page.items.map(present), total: page.total, limit: at.limit, offset: at.offset };
}

export const metaOf = (r: { version: number; created_at: string; updated_at: string }) => ({
  version: Number(r.version),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export { localizedOf as textOf } from '@chitieu/db';
export const jsonList = (s: string | null): string[] | null =>
  s == null ? null : (JSON.parse(s) as string[]);
export const listJson = (l: readonly string[] | null | undefined) => (l == null ? null : JSON.stringify(l));

/**
 * The version a write expects: `If-Match: "3"` (or W/"3"), else the body's `version`. Without
 * either the write is refused (400), so no client overwrites a record it has not read.
 *
 * @example versionOf(request, body.version) // 3
 */
export function versionOf(request: FastifyRequest, bodyVersion?: number | null): number {
  const q = (request.query as { version?: unknown } | undefined)?.version;
  if (bodyVersion == null && typeof q === 'number') bodyVersion = q;
  const header = request.headers['if-match'];
  const m = typeof header === 'string' ? /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header) : null;
  if (m) return Number(m[1]);
  if (typeof bodyVersion === 'number') return bodyVersion;
  throw new ApiError(400, 'version-required');
}

/** The request's actor, when authentication attached one (issue 5). */
function actorOf(request: FastifyRequest): AuditActor | null {
  const actor = (request as unknown as { actor?: { userId?: number | null; username?: string } | null })
    .actor;
  if (!actor?.username) return null;
  return { userId: actor.userId ?? null, username: actor.username, ip: request.ip };
}

/**
 * Who writes, from where and why: the actor, the client's address and the reason given in
 * `X-Change-Reason` (URI-encoded, so Vietnamese survives the header).
 */
export function writeContext(request: FastifyRequest): WriteContext {
  const header = request.headers['x-change-reason'];
  let reason: string | null = null;
  if (typeof header === 'string' && header !== '') {
    try {
      reason = decodeURIComponent(header);
    } catch {
      reason = header;
    }
  }
  const actor = actorOf(request) ?? { userId: null, username: 'anonymous', ip: request.ip };
  return { actor, reason };
}

/** The caller's language: `?lang=` first, then Accept-Language. */
export function langOf(request: FastifyRequest): Lang {
  const q = (request.query as { lang?: unknown } | undefined)?.lang;
  return q === 'vi' || q === 'en' ? q : languageOf(request.headers['accept-language']);
}

/** The record, or a 404 in the error shape. */
export function found<T>(row: T | undefined | null): T {
  if (row === undefined || row === null) throw new ApiError(404, 'not-found');
  return row;
}

/**
 * Run a write; a stale version comes back as 409 with the record as it now is (the row the
 * conflict found, else `loaded`), presented the way a GET shows it.
 *
 * @example
 * await guarded(() => updateUnit(db, '381', 3, patch, ctx), async (row) => presentUnit(found(await getUnit(db, String(row.code)))));
 */
export async function guarded<T>(
  work: () => Promise<T>,
  current: (row: RawRow) => Promise<unknown>,
  loaded?: RawRow,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DomainError && err.code === 'version-conflict') {
      // The row the conflict found, else the one read before the write.
      const row = (err.current as RawRow | undefined) ?? loaded;
      throw new ApiError(409, 'version-conflict', [], row ? await current(row) : undefined);
    }
    throw err;
  }
}

/** The error answers of a write. */
export const writeErrors = {
  400: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  422: errorBodySchema,
};

/**
 * Register `DELETE url`: the record `load` finds (404 otherwise) is deleted when the version in
 * If-Match or `?version=` is current, with its audit record; 409 with `present(record)` when stale,
 * 409 `in-use` while others refer to it; 204 when done.
 *
 * @example
 * deleteRoute(app, '/units/:code', { access, tags: ['units'], params: unitParams, table: 'units', subject: UNIT,
 *   load: async (p) => found(await getUnit(db(), p.code)), present: async () => … });
 */
export function deleteRoute<P extends z.ZodType, R extends { id: number }>(
  app: FastifyInstance,
  url: string,
  options: {
    access: AccessRule;
    tags: string[];
    description?: string;
    params: P;
    load: (params: z.infer<P>) => Promise<R>;
    /** The record as it now is, the way GET shows it (for a stale version). */
    present: (row: RawRow) => Promise<unknown>;
    /** The domain command that deletes (packages/db/src/commands: the only code that writes). */
    remove: (current: R, version: number, ctx: WriteContext) => Promise<void>;
  },
): void {
  app.withTypeProvider<ZodTypeProvider>().delete(
    url,
    {
      config: { access: options.access },
      schema: {
        tags: options.tags,
        ...(options.description ? { description: options.description } : {}),
        params: options.params,
        querystring: deleteQuery,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      const current = await options.load(request.params as z.infer<P>);
      const version = versionOf(request);
      const ctx = writeContext(request);
      await guarded(
        () => options.remove(current, version, ctx),
        (now) => options.present(now),
        current as unknown as RawRow,
      );
      return reply.code(204).send(null);
    },
  );
}

/** A table row as the database returns it (what `present` re-reads from). */
export type RawRow = { id: number } & Record<string, unknown>;

/**
 * Register `PATCH url`: the record `load` finds (404 otherwise) is changed by the domain command
 * `update` with the body and the version sent (body `version` or If-Match); 409 with the record as
 * it now is when stale. Answers with `present(row)`, the row re-read the way GET shows it (its code
 * may have just changed).
 *
 * @example
 * patchRoute(app, '/units/:code', { access, tags: ['units'], params: unitParams, body: unitPatch, response: unitOut,
 *   load: (p) => …, update: (current, version, patch, ctx) => updateUnit(db(), current.code, version, patch, ctx),
 *   present: async (row) => presentUnit(found(await getUnit(db(), String(row.code)))) });
 */
export function patchRoute<
  P extends z.ZodType,
  B extends z.ZodType<{ version?: number }>,
  R extends { id: number },
>(
  app: FastifyInstance,
  url: string,
  options: {
    access: AccessRule;
    tags: string[];
    params: P;
    body: B;
    response: z.ZodType;
    load: (params: z.infer<P>) => Promise<R>;
    present: (row: RawRow) => Promise<unknown>;
    /** The domain command that applies the body (packages/db/src/commands: the only code that writes). */
    update: (
      current: R,
      version: number,
      body: Omit<z.infer<B>, 'version'>,
      ctx: WriteContext,
    ) => Promise<RawRow>;
  },
): void {
  app.withTypeProvider<ZodTypeProvider>().patch(
    url,
    {
      config: { access: options.access },
      schema: {
        tags: options.tags,
        params: options.params,
        body: options.body,
        response: { 200: options.response, ...writeErrors },
      },
    },
    async (request) => {
      const current = await options.load(request.params as z.infer<P>);
      const { version, ...body } = request.body as z.infer<B>;
      const ctx = writeContext(request);
      const expected = versionOf(request, version);
      const row = await guarded(
        () => options.update(current, expected, body, ctx),
        (now) => options.present(now),
      );
      return options.present(row as unknown as RawRow);
    },
  );
}
