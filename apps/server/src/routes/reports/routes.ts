import { reportParams, reportQuery } from '@chitieu/contract';
import { loadEvaluationData } from '@chitieu/db';
import type { PdfEngine, ReportFormat, ReportType } from '@chitieu/reports/types';
import { ReportInputError } from '@chitieu/reports/types';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, errorBodySchema } from '../../errors.js';
import { found, langOf } from '../kit.js';

/** The 503 for a full PDF conversion queue. */
function queueFull(full: { retryAfterSeconds: number } | null): void {
  if (full) throw new ApiError(503, 'server-busy', [], undefined, full.retryAfterSeconds);
}

/** RFC 6266 attachment header; report file names are ASCII already, the `*` form keeps any other safe. */
const attachment = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/**
 * Review reports (DOCX, PDF, XLSX appendix) for a plan, made by the same `generateReport` the CLI's
 * `chitieu report` calls, from the plan's data in the database. The renderers load on the first
 * request, so the server starts without them. Making a report costs seconds of CPU (and a
 * LibreOffice run for an exact PDF): callers who are not signed in get `limits.anonymousReportsPerMinute`
 * per address (then 429), and a full PDF queue answers 503; both say when to retry (`Retry-After`).
 */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const rateLimit = {
    max: app.limits.anonymousReportsPerMinute,
    timeWindow: 60_000,
    // Signed-in callers are accountable and already limited by their role; the limit is for anonymous ones.
    allowList: (request: FastifyRequest) => request.actor !== null,
    errorResponseBuilder: () => new ApiError(429, 'report-rate-limited'),
  };
  app.get(
    '/plans/:code/reports/:type',
    {
      config: {
        access: { role: 'viewer', unit: { in: 'params', path: 'code', is: 'plan-code' }, publicPlans: true },
        rateLimit,
      },
      schema: {
        tags: ['reports'],
        description:
          'A mid-term (midterm), annual or end-of-term (final) review of the plan as of ?year=, as DOCX, PDF or the XLSX appendix, in ?lang= or Accept-Language. The PDF path used is in the X-Pdf-Engine header.',
        params: reportParams,
        querystring: reportQuery,
        response: { 400: errorBodySchema, 404: errorBodySchema, 429: errorBodySchema, 503: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { code, type } = request.params;
      const q = request.query;
      const lang = langOf(request);
      const reports = await import('@chitieu/reports');
      reports.configureConversions({ maxPending: app.limits.pdfQueue });
      // A full PDF queue refuses before the data is read and the document built for nothing.
      if (q.format === 'pdf') queueFull(reports.conversionQueueFull());
      const data = found(await loadEvaluationData(app.database.db, code));
      const { generateReport } = reports;
      try {
        const report = await generateReport({
          data,
          planCode: code,
          year: q.year,
          type: type as ReportType,
          format: q.format as ReportFormat,
          lang,
          pdfEngine: q.pdfEngine as PdfEngine | 'auto',
          charts: q.charts === 'true',
        });
        if (report.pdfEngine) reply.header('x-pdf-engine', report.pdfEngine);
        return reply
          .type(report.mime)
          .header('content-disposition', attachment(report.fileName))
          .send(Buffer.from(report.bytes) as never);
      } catch (err) {
        if (err instanceof ReportInputError) {
          throw new ApiError(400, 'bad-request', [{ path: 'query', message: err.message }]);
        }
        if (err instanceof reports.ConversionQueueFullError) queueFull(err);
        throw err;
      }
    },
  );
};
