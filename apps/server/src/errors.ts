import type { ErrorBody } from '@chitieu/contract';
import type { Lang } from '@chitieu/core';
import { DomainError, databaseUnavailability, type Unavailability } from '@chitieu/db';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { apiErrorOf } from './domain-errors.js';
import { ERROR_MESSAGES, type ErrorCode, issueMessage, languageOf } from './i18n.js';
import { RequestValidationError } from './validation.js';

/** One problem of a request, with where it is (`body.targets[3].indicator`). */
export interface ErrorDetail {
  path: string;
  message: string;
}

// The single error shape of the API is the contract's.
export { type ErrorBody, errorBodySchema } from '@chitieu/contract';

/**
 * An error a route throws on purpose; the error handler turns it into the API error shape,
 * with the message in the caller's language.
 *
 * @example
 * throw new ApiError(404, 'not-found');
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly details: ErrorDetail[] = [],
    /** For a stale version: the record as it now is, sent back with the error. */
    readonly current?: unknown,
    /** For a 429 or 503: when to try again, sent as `Retry-After` (seconds). */
    readonly retryAfterSeconds?: number,
  ) {
    super(ERROR_MESSAGES[code].en);
  }
}

/**
 * The API error body for `code` in `lang`.
 *
 * @example
 * errorBody('not-found', 'en') // { error: { code: 'not-found', message: 'Nothing was found at this address.', details: [] } }
 */
export function errorBody(
  code: ErrorCode,
  lang: Lang,
  details: ErrorDetail[] = [],
  current?: unknown,
): ErrorBody {
  const error = { code, message: ERROR_MESSAGES[code][lang], details };
  return { error: current === undefined ? error : { ...error, current } };
}

/** `['targets', 3, 'indicator']` → `targets[3].indicator`. */
function dottedPath(context: string | undefined, instancePath: string): string {
  const parts = instancePath.split('/').filter((p) => p !== '');
  let out = context ?? '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  404: 'not-found',
  405: 'method-not-allowed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
};

/** Seconds a client should wait before retrying when the database is down or busy. */
export const RETRY_AFTER_SECONDS: Record<Unavailability, number> = { down: 5, busy: 1 };

/**
 * The 503 for an error that means the database is away or busy, or null for any other error.
 *
 * @example
 * throw unavailableError(err) ?? err; // ApiError(503, 'database-unavailable', [], undefined, 5)
 */
export function unavailableError(err: unknown): ApiError | null {
  const why = databaseUnavailability(err);
  if (!why) return null;
  const code = why === 'busy' ? 'database-busy' : 'database-unavailable';
  return new ApiError(503, code, [], undefined, RETRY_AFTER_SECONDS[why]);
}

/**
 * Route every error and every unknown address through the one error shape.
 *
 * @example
 * installErrorHandling(app); // before routes are registered
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) =>
    reply.code(404).send(errorBody('not-found', languageOf(request.headers['accept-language']))),
  );
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    const lang = languageOf(request.headers['accept-language']);
    const unavailable = error instanceof ApiError ? null : unavailableError(error);
    if (unavailable) {
      // PostgreSQL away or SQLite locked: the client should retry, the process carries on.
      request.log.warn({ err: error }, 'database unavailable');
      error = unavailable;
    }
    if (error instanceof RequestValidationError) {
      return reply.code(error.statusCode).send(errorBody('validation-failed', lang, error.detailsIn(lang)));
    }
    if (error instanceof ApiError) {
      if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.code(error.statusCode).send(errorBody(error.code, lang, error.details, error.current));
    }
    if (error instanceof DomainError) {
      const api = apiErrorOf(error, lang);
      return reply.code(api.statusCode).send(errorBody(api.code, lang, api.details, api.current));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: dottedPath(error.validationContext, v.instancePath),
        message: issueMessage({ keyword: v.keyword, params: v.params }, lang),
      }));
      return reply.code(400).send(errorBody('validation-failed', lang, details));
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send(errorBody(STATUS_CODES[status] ?? 'bad-request', lang));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(errorBody('internal', lang));
  });
}
