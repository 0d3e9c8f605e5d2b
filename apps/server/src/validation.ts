/**
 * Request validation with the rules' sentences: every problem of a body, query string or path
 * parameter is located (`body.stauts`, `querystring.yeer`) and said the way the plan-file reader
 * says it — an unknown key names the closest valid one, a Vietnamese-formatted number gets the hint
 * to write it with a decimal dot. A body that breaks its schema is a 422; a query string or path
 * parameter that does, a 400 (the address itself is wrong).
 */
import type { Lang } from '@chitieu/core';
import { formatPath, message, type Problem, problemsFromZod } from '@chitieu/rules';
import type { FastifySchemaCompiler, RouteOptions } from 'fastify';
import { z } from 'zod';
import type { ErrorDetail } from './errors.js';

/** The parts of a request a schema validates, as Fastify names them. */
type HttpPart = 'body' | 'querystring' | 'params' | 'headers';

/**
 * A request part that breaks its schema; the error handler answers it as `validation-failed` with
 * one detail per problem, in the caller's language.
 */
export class RequestValidationError extends Error {
  readonly code = 'FST_ERR_VALIDATION';
  readonly statusCode: number;
  constructor(
    readonly part: HttpPart,
    readonly problems: Problem[],
  ) {
    super(`invalid ${part}`);
    this.statusCode = part === 'body' ? 422 : 400;
  }

  /**
   * Each problem located and said in `lang`.
   *
   * @example error.detailsIn('en') // [{ path: 'body.stauts', message: '`stauts`: no such field; did you mean `status`?' }]
   */
  detailsIn(lang: Lang): ErrorDetail[] {
    return this.problems.map((p) => ({
      path: formatPath([this.part, ...p.path]),
      message: message(p.code, p.params ?? {}, lang),
    }));
  }
}

/**
 * Fastify's validator for the routes' zod schemas: the parsed value, or a `RequestValidationError`
 * whose problems come from the rules (`problemsFromZod`), so unknown keys carry their suggestion.
 *
 * @example app.setValidatorCompiler(validatorCompiler);
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    const part = (httpPart ?? 'body') as HttpPart;
    return { error: new RequestValidationError(part, problemsFromZod(result.error, data, schema)) };
  };

const NO_QUERY = z.strictObject({});

/**
 * An API route that declares no query string takes none: `?anything=` is refused (400) instead of
 * silently ignored, so a misspelt filter never looks like an answer. Register as an `onRoute` hook.
 *
 * @example app.addHook('onRoute', refuseUndeclaredQuery);
 */
export function refuseUndeclaredQuery(route: RouteOptions): void {
  if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  if (schema.hide === true || schema.querystring !== undefined) return;
  route.schema = { ...schema, querystring: NO_QUERY };
}
