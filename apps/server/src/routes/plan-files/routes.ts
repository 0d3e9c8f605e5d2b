import { exportQuery, importOut, planParams } from '@chitieu/contract';
import { exportPlanFile, getPlan, importPlanFile } from '@chitieu/db';
import { parsePlanFile, serializePlanFile } from '@chitieu/plan-file';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { valuesForReader } from '../../auth/export-scope.js';
import { ApiError, errorBodySchema } from '../../errors.js';
import { languageOf } from '../../i18n.js';
import { found, writeContext } from '../kit.js';

/** A national plan file is a few MB; leave room. */
const PLAN_FILE_LIMIT = 64 * 1024 * 1024;
const TEXT_TYPES = ['application/json', 'application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'];

/** The file's name a client sends in `X-File-Name` (URI-encoded), without any folder; null when absent. */
function fileNameOf(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string' || header === '') return null;
  let name = header;
  try {
    name = decodeURIComponent(header);
  } catch {
    // kept as sent
  }
  return name.split(/[\\/]/).at(-1)?.slice(0, 255) || null;
}

/** Where a problem is in the file, in the reader's language. */
const at = (line: number | undefined, column: number | undefined, lang: 'vi' | 'en') =>
  line === undefined
    ? ''
    : lang === 'vi'
      ? ` (dòng ${line}, cột ${column ?? 1})`
      : ` (line ${line}, column ${column ?? 1})`;

/**
 * Plan files over HTTP: import (the CLI's validation and messages, one transaction) and export.
 */
export const planFileRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  // The file is read as text, JSON or YAML alike, so problems come with their line and column.
  app.removeContentTypeParser('application/json');
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(
    TEXT_TYPES,
    { parseAs: 'string', bodyLimit: PLAN_FILE_LIMIT },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/plan-files',
    {
      bodyLimit: PLAN_FILE_LIMIT,
      config: { access: { role: 'manager', unit: 'global' } },
      schema: {
        tags: ['plan-files'],
        description:
          'Import a plan file (chitieu.plan/1, JSON or YAML, sent as the body). Every problem is listed with its path; nothing is imported from a file with a problem (400 for the file itself, 422 for codes the database does not know). Suspicious figures are imported and listed in `warnings`.',
        body: z.string(),
        response: { 200: importOut, 400: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request) => {
      const lang = languageOf(request.headers['accept-language']);
      const parsed = parsePlanFile(request.body, { lang });
      if (!parsed.ok) {
        throw new ApiError(
          400,
          'invalid-plan-file',
          parsed.problems.map((p) => ({
            path: p.path,
            message: `${p.message}${at(p.line, p.column, lang)}`,
          })),
        );
      }
      const ctx = writeContext(request);
      const result = await importPlanFile(db(), parsed.data, {
        actor: ctx.actor ?? null,
        reason: ctx.reason ?? null,
        file: fileNameOf(request.headers['x-file-name']),
        lang,
      });
      if (!result.ok) {
        // A file that would change approved figures is a conflict with the approval, not a bad reference.
        const locked = result.problems.some((p) => p.code === 'figures-locked');
        const archived = result.problems.some((p) => p.code === 'plan-archived');
        const unreasoned = result.problems.some((p) => p.code === 'reason-required');
        throw new ApiError(
          locked || archived ? 409 : 422,
          locked
            ? 'figures-locked'
            : archived
              ? 'plan-archived'
              : unreasoned
                ? 'reason-required'
                : 'unknown-reference',
          result.problems.map((p) => ({ path: p.path, message: p.message })),
        );
      }
      // Warnings the reader also found carry its line and column.
      const place = new Map(parsed.warnings.map((w) => [`${w.path}|${w.code}`, w]));
      return {
        counts: result.counts,
        warnings: result.warnings.map((w) => {
          const read = place.get(`${w.path}|${w.code}`);
          return { path: w.path, code: w.code, message: `${w.message}${at(read?.line, read?.column, lang)}` };
        }),
      };
    },
  );

  app.get(
    '/plans/:code/plan-file',
    {
      config: {
        access: { role: 'viewer', unit: { in: 'params', path: 'code', is: 'plan-code' }, publicPlans: true },
      },
      schema: {
        tags: ['plan-files'],
        description: 'One plan as a self-contained plan file (JSON by default, or ?format=yaml).',
        params: planParams,
        querystring: exportQuery,
        response: { 200: z.string(), 404: errorBodySchema },
      },
    },
    async (request, reply) => {
      const plan = found(await getPlan(db(), request.params.code));
      const exported = found(await exportPlanFile(db(), request.params.code));
      // Only the figures this reader may see (public readers: the plan's unit's, without notes).
      const file = { ...exported, values: await valuesForReader(request, plan, exported.values) };
      const yaml = request.query.format === 'yaml';
      return reply
        .type(yaml ? 'application/yaml; charset=utf-8' : 'application/json; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${encodeURIComponent(request.params.code)}.${yaml ? 'yaml' : 'json'}"`,
        )
        .send(serializePlanFile(file, yaml ? 'yaml' : 'json'));
    },
  );
};
