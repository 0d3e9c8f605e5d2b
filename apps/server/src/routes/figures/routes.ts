import {
  figureCreate,
  figureListQuery,
  figureOut,
  figureParams,
  figurePatch,
  historyOut,
} from '@chitieu/contract';
import {
  type CommandWarning,
  figureHistory,
  getFigure,
  listFigures,
  recordFigure,
  reviseFigure,
  ruleMessage,
} from '@chitieu/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readableUnitIds } from '../../auth/plugin.js';
import { ApiError, errorBodySchema } from '../../errors.js';
import { languageOf } from '../../i18n.js';
import { found, guarded, langOf, pageOf, presentPage, versionOf, writeContext, writeErrors } from '../kit.js';
import { presentFigure } from './presenter.js';

/** The warnings of an accepted write, worded; absent when there are none. */
function warningsOf(warnings: CommandWarning[], lang: 'vi' | 'en') {
  if (warnings.length === 0) return {};
  return {
    warnings: warnings.map((w) => ({
      path: w.path,
      code: w.code,
      message: ruleMessage({ path: w.path, rule: w.code, params: w.params ?? {} }, lang) ?? w.code,
    })),
  };
}

const byId = { in: 'params', path: 'id', is: 'value-id' } as const;

/** Figures (unit × indicator × year × period × status) and the history of each. */
export const figureRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/figures',
    {
      // Without `unit`, the figures of every unit the caller may read: a missing filter is no permission.
      config: {
        access: {
          role: 'viewer',
          unit: { in: 'query', path: 'unit', is: 'unit-code', whenAbsent: 'filtered' },
        },
      },
      schema: {
        tags: ['figures'],
        querystring: figureListQuery,
        response: { 200: pageOf(figureOut), 400: errorBodySchema },
      },
    },
    async (request) => {
      const { limit, offset, period, ...filter } = request.query;
      const page = await listFigures(
        db(),
        {
          ...filter,
          ...(period === undefined ? {} : { period: period === 'year' ? '' : period }),
          unitIds: await readableUnitIds(request),
        },
        { limit, offset },
      );
      return presentPage(page, { limit, offset }, presentFigure);
    },
  );

  app.post(
    '/figures',
    {
      config: {
        access: {
          role: 'editor',
          unit: { in: 'body', path: 'unit', is: 'unit-code' },
          indicator: { in: 'body', path: 'indicator' },
        },
      },
      schema: {
        tags: ['figures'],
        description:
          'Record a figure. A new cell answers 201; an existing cell (same unit, indicator, year, period and status) takes the new value only with its current `version` (else 409 with the current figure) and answers 200. Every value is kept in the history.',
        body: figureCreate,
        response: { 200: figureOut, 201: figureOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const version = b.version ?? (request.headers['if-match'] ? versionOf(request) : null);
      const { figure, created, warnings } = await guarded(
        () => recordFigure(db(), { ...b, version }, writeContext(request)),
        async () => {
          const page = await listFigures(
            db(),
            {
              unit: b.unit,
              indicator: b.indicator,
              from: b.year,
              to: b.year,
              status: b.status,
              period: b.period ?? '',
            },
            { limit: 1, offset: 0 },
          );
          return page.items[0] && presentFigure(page.items[0]);
        },
        { id: 0 }, // a cell created by another writer at the same moment: look it up
      );
      return reply
        .code(created ? 201 : 200)
        .send({ ...presentFigure(figure), ...warningsOf(warnings, langOf(request)) });
    },
  );

  app.get(
    '/figures/:id',
    {
      config: { access: { role: 'viewer', unit: byId } },
      schema: { tags: ['figures'], params: figureParams, response: { 200: figureOut, 404: errorBodySchema } },
    },
    async (request) => presentFigure(found(await getFigure(db(), request.params.id))),
  );

  app.patch(
    '/figures/:id',
    {
      config: { access: { role: 'editor', unit: byId } },
      schema: {
        tags: ['figures'],
        description:
          "Correct a figure's value, source or note: a new revision; the old one stays in the history.",
        params: figureParams,
        body: figurePatch,
        response: { 200: figureOut, ...writeErrors },
      },
    },
    async (request) => {
      const { version, ...change } = request.body;
      const id = request.params.id;
      found(await getFigure(db(), id));
      const { figure, warnings } = await guarded(
        () =>
          reviseFigure(db(), id, { ...change, version: versionOf(request, version) }, writeContext(request)),
        async (row) => presentFigure(found(await getFigure(db(), row.id))),
      );
      return { ...presentFigure(figure), ...warningsOf(warnings, langOf(request)) };
    },
  );

  app.delete(
    '/figures/:id',
    {
      config: { access: { role: 'editor', unit: byId } },
      schema: {
        tags: ['figures'],
        description:
          'Figures are never deleted (405): correct one with PATCH; every value stays in the history.',
        params: figureParams,
        response: { 405: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      found(await getFigure(db(), request.params.id));
      const lang = languageOf(request.headers['accept-language']);
      throw new ApiError(405, 'method-not-allowed', [
        {
          path: 'params.id',
          message:
            lang === 'vi'
              ? 'Số liệu không bao giờ bị xóa: hãy sửa bằng một lần nhập mới (PATCH); mọi giá trị cũ vẫn được lưu.'
              : 'Figures are never deleted: correct one with a new entry (PATCH); every earlier value is kept.',
        },
      ]);
    },
  );

  app.get(
    '/figures/:id/history',
    {
      config: { access: { role: 'viewer', unit: byId } },
      schema: {
        tags: ['figures'],
        description: 'Every value the figure ever held, oldest first.',
        params: figureParams,
        response: { 200: historyOut, 404: errorBodySchema },
      },
    },
    async (request) => {
      const figure = found(await getFigure(db(), request.params.id));
      return { figure: presentFigure(figure), revisions: await figureHistory(db(), figure.id) };
    },
  );
};
