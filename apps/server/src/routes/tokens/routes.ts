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
import { auditActorOf } from '../../auth/plugin.js';
import { newSecret, sha256 } from '../../auth/secrets.js';
import { ApiError } from '../../errors.js';

const DAY_MS = 24 * 60 * 60_000;

/** An administrator of every unit manages every token; others their own. */
const isGlobalAdmin = (actor: Actor | null) =>
  actor?.roles.some((r) => r.role === 'admin' && r.unitId === null) ?? false;

/**
 * Create an API token for a user: the secret is returned once, only its SHA-256 is stored.
 *
 * @example
 * const { token } = await issueApiToken(db, { userId: 2, name: 'thống kê', days: 90 }, actor); // 'ctk_…'
 */
export async function issueApiToken(
  db: Parameters<typeof createApiToken>[0],
  input: { userId: number; name: string; days: number; now?: Date },
  actor: Parameters<typeof createApiToken>[2],
) {
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
      schema: { body: createTokenBody, response: { 201: createdTokenResponse } },
    },
    async (request, reply) => {
      const actor = request.actor as Actor;
      const created = await issueApiToken(
        db(),
        {
          userId: actor.userId,
          name: request.body.name,
          days: request.body.days,
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
