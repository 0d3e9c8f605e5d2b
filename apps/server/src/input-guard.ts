/**
 * The text rule at the door: what a request may hold is what a plan file may hold (`@chitieu/rules`
 * `textProblems`), judged before anything reads the database, the same way on SQLite and PostgreSQL
 * (which cannot store NUL, and used to answer 500). Path parameters and query values are codes by
 * position: no control character at all. A JSON body follows the plan-file rules: NUL nowhere, no
 * control character in field names and codes, none but tab and line breaks in free text, no mojibake;
 * and every string in it is put in Unicode NFC before validation, so "Hòa" typed with combining marks
 * is stored as the same "Hòa" a plan file stores.
 *
 * Answers 400 `control-character` (NUL or a control character anywhere among the problems) or
 * 400 `garbled-text` (only mojibake), one located detail per problem with the rules' sentence.
 */
import { formatPath, message, normalizeText, type Problem, textProblems } from '@chitieu/rules';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from './errors.js';
import { languageOf } from './i18n.js';

/** A request full of bad text needs no list of thousands. */
const MAX_PROBLEMS = 20;

/** Whether a parsed part of a request (params, query) holds no field at all. */
function isEmpty(part: unknown): boolean {
  if (part === null || typeof part !== 'object') return true;
  for (const _ in part) return false;
  return true;
}

/** The 400 for the text problems found in a request, or null when there are none. */
function refusal(request: FastifyRequest, problems: Problem[]): ApiError | null {
  if (problems.length === 0) return null;
  const lang = languageOf(request.headers['accept-language']);
  const garbledOnly = problems.every((p) => p.code === 'mojibake');
  return new ApiError(
    400,
    garbledOnly ? 'garbled-text' : 'control-character',
    problems.map((p) => ({ path: formatPath(p.path), message: message(p.code, p.params ?? {}, lang) })),
  );
}

/**
 * Install the guard: params and query `onRequest` (before authentication, whose hooks read the
 * database), the body `preValidation` (judged, then NFC-normalised, before the route's schema).
 *
 * @example
 * installInputGuard(app); // GET /api/units/%00 → 400 control-character, path `params.code`
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const params = request.params;
    const query = request.query;
    // Most requests (the health check among them) carry neither: nothing to walk.
    if (isEmpty(params) && isEmpty(query)) return;
    const options = { allCodes: true, limit: MAX_PROBLEMS };
    const problems = textProblems(params, ['params'], options);
    for (const p of textProblems(query, ['querystring'], options)) problems.push(p);
    const refused = refusal(request, problems.slice(0, MAX_PROBLEMS));
    if (refused) throw refused;
  });
  app.addHook('preValidation', async (request) => {
    const body = request.body;
    if (body === undefined || body === null) return;
    // A body read as text is a plan file, which its reader judges with lines and columns; only
    // NUL, which no database layer may see, is refused here.
    const problems =
      typeof body === 'string'
        ? body.includes('\u0000')
          ? [{ path: ['body'], code: 'nul-char' } satisfies Problem]
          : []
        : textProblems(body, ['body'], { limit: MAX_PROBLEMS });
    const refused = refusal(request, problems);
    if (refused) throw refused;
    if (typeof body === 'object') request.body = normalizeText(body);
  });
}
