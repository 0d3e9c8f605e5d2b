import {
  createdTokenResponse,
  createTokenBody,
  tokenIdParams,
  tokenListQuery,
  tokenResponse,
} from '@chitieu/contract';
import { apiTokenOwner, createApiToken, getUser, listApiTokens, revokeApiToken } from '@chitieu/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../auth/decide.js';
import { authSay } from '../../auth/messages.js';
import { auditActorOf } from '../../auth/plugin.js';
import { newSecret, sha256 } from '../../auth/secrets.js';
import { DEFAULT_TOKEN_MAX_DAYS } from '../../auth/token-lifetime.js';
import { ApiError } from '../../errors.js';
import { languageOf } from '../../i18n.js';

const DAY_MS = 24 * 60 * 60_000;

/** An administrator of every unit manages every token; others their own. */
const isGlobalAdmin = (actor: Actor | null) =>
  actor?.roles.some((r) => r.role === 'admin' && r.unitId === null) ?? false;

/**
 * Create an API token for a user: the secret is returned once, only its SHA-256 is stored.
 * Throws a RangeError when `days` is not a whole number from 1 to `maxDays` (default 365): callers
 * check it first and say so in their own words.
 *
 * @example
 * const { token } = await issueApiToken(db, { userId: 2, name: 'thống kê', days: 90 }, actor); // 'ctk_…'
 */
export async function issueApiToken(
  db: Parameters<typeof createApiToken>[0],
  input: { userId: number; name: string; days: number; maxDays?: number; now?: Date },
  actor: Parameters<typeof createApiToken>[2],
) {
  const maxDays = input.maxDays ?? DEFAULT_TOKEN_MAX_DAYS;
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > maxDays) {
    throw new RangeError(`token lifetime ${input.days} days is outside 1..${maxDays}`);
  }
  const token = newSecret('ctk');
  const now = input.now ?? new Date();
  const summary = await createApiToken(
    db,
    {
      userId: input.userId,
      name: input.name,
      tokenHash: sha256(token),
      expiresAt: new Date(now.getTime() + input.days * DAY_MS).toISOString(),
    },
    actor,
  );
  return { ...summary, token };
}

/** `/tokens`: API tokens for other systems and scripts (`Authorization: Bearer …`). */
export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const signedIn = { signedIn: true } as const;

  app.get(
    '/tokens',
    {
      config: { access: signedIn },
      schema: {
        querystring: tokenListQuery,
        response: { 200: z.object({ tokens: z.array(tokenResponse) }) },
      },
    },
    async (request) => {
      const actor = request.actor as Actor;
      const wanted = request.query.user;
      if (wanted && wanted !== actor.username && !isGlobalAdmin(actor)) throw new ApiError(403, 'forbidden');
      const user = wanted ? await getUser(db(), wanted) : null;
      if (wanted && !user) return { tokens: [] };
      return { tokens: await listApiTokens(db(), { userId: user?.id ?? actor.userId }) };
    },
  );

  app.post(
    '/tokens',
    {
      config: { access: signedIn },
      schema: {
        description:
          'Create an API token for oneself (signed in with a password: a token cannot create tokens), living at most the configured maximum (CHITIEU_TOKEN_MAX_DAYS, default 365 days).',
        body: createTokenBody,
        response: { 201: createdTokenResponse },
      },
    },
    async (request, reply) => {
      const actor = request.actor as Actor;
      const say = authSay(languageOf(request.headers['accept-language']));
      // A token cannot mint tokens: one stolen token must not become many longer-lived ones.
      if (actor.via !== 'session') throw new ApiError(403, 'session-required');
      const max = app.authSettings.tokenMaxDays;
      if (request.body.days > max) {
        throw new ApiError(400, 'validation-failed', [{ path: 'body.days', message: say.tooManyDays(max) }]);
      }
      const created = await issueApiToken(
        db(),
        {
          userId: actor.userId,
          name: request.body.name,
          days: request.body.days,
          maxDays: max,
          now: app.authSettings.now(),
        },
        auditActorOf(request),
      );
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/tokens/:id',
    { config: { access: signedIn }, schema: { params: tokenIdParams } },
    async (request, reply) => {
      const actor = request.actor as Actor;
      const owner = await apiTokenOwner(db(), request.params.id);
      if (owner === null) throw new ApiError(404, 'not-found');
      if (owner !== actor.userId && !isGlobalAdmin(actor)) throw new ApiError(403, 'forbidden');
      await revokeApiToken(db(), request.params.id, auditActorOf(request));
      return reply.code(204).send();
    },
  );
};
