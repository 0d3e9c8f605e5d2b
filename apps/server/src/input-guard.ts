import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  type ControlCharacterFound,
  describeControlCharacter,
  findControlCharacters,
  formatControlPath,
} from './control-characters.js';
import { ApiError } from './errors.js';
import { languageOf } from './i18n.js';

/** Whether a parsed part of a request (params, query) holds no field at all. */
function isEmpty(part: unknown): boolean {
  if (part === null || typeof part !== 'object') return true;
  for (const _ in part) return false;
  return true;
}

/** The 400 for control characters found in one part of a request, or null when there are none. */
function refusal(request: FastifyRequest, found: ControlCharacterFound[]): ApiError | null {
  if (found.length === 0) return null;
  const lang = languageOf(request.headers['accept-language']);
  return new ApiError(
    400,
    'control-character',
    found.map((f) => ({ path: formatControlPath(f.path), message: describeControlCharacter(f, lang) })),
  );
}

/**
 * Refuse control characters before anything reads the database, the same way on SQLite and
 * PostgreSQL (which cannot store NUL, and used to answer 500): in path parameters and query values
 * (codes by position) any control character; in a body, NUL anywhere and any control character in
 * field names and codes. Install before authentication, whose hooks read the database.
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
    const found = [
      ...findControlCharacters(params, { allCodes: true }, ['params']),
      ...findControlCharacters(query, { allCodes: true }, ['querystring']),
    ];
    const refused = refusal(request, found);
    if (refused) throw refused;
  });
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined || request.body === null) return;
    const refused = refusal(request, findControlCharacters(request.body, {}, ['body']));
    if (refused) throw refused;
  });
}
