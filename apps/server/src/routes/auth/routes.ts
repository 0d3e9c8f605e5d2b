import { accessEndedResponse, changePasswordBody, loginBody, sessionResponse } from '@chitieu/contract';
import {
  clearLoginAttempts,
  countLoginAttempt,
  createSession,
  credentialsOf,
  endSession,
  forgetOldLoginAttempts,
  getUser,
  recordLoginFailure,
  setPasswordHash,
} from '@chitieu/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accessEndedBody } from '../../auth/access-ended.js';
import { auditActorOf, csrfTokenFor, SESSION_COOKIE } from '../../auth/plugin.js';
import { csrfTokenOf, hashPassword, newSecret, sha256, verifyPassword } from '../../auth/secrets.js';
import { ApiError, errorBodySchema } from '../../errors.js';
import { languageOf } from '../../i18n.js';
import { presentUser } from '../users/presenter.js';

/** `/auth`: sign in and out, the current session, change one's own password. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const settings = app.authSettings;

  app.post(
    '/auth/login',
    {
      config: {
        access: { public: true },
        rateLimit: { max: settings.loginPerMinute, timeWindow: 60_000 },
      },
      schema: {
        body: loginBody,
        response: { 200: sessionResponse, 401: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const now = settings.now();
      const since = new Date(now.getTime() - settings.lockoutWindowMs).toISOString();
      const at = now.toISOString();
      const lockedOut = (latest: string) => {
        const until = new Date(latest).getTime() + settings.lockoutWindowMs;
        const minutes = Math.max(1, Math.ceil((until - now.getTime()) / 60_000));
        reply.header('retry-after', String(minutes * 60));
        const vi = languageOf(request.headers['accept-language']) === 'vi';
        return new ApiError(429, 'locked-out', [
          { path: '', message: vi ? `Thử lại sau ${minutes} phút.` : `Try again in ${minutes} minutes.` },
        ]);
      };
      // Counted before the password is checked, one number per attempt: concurrent guesses
      // cannot all pass. Per user name and address: nobody elsewhere can lock this user out.
      const attempt = await countLoginAttempt(db(), {
        username,
        ip: request.ip,
        at,
        since,
        limit: settings.lockoutFailures,
      });
      if (attempt.attempts > settings.lockoutFailures) throw lockedOut(attempt.lastAt);
      const credentials = await credentialsOf(db(), username);
      const matches = await verifyPassword(credentials?.passwordHash ?? null, password);
      if (!credentials || !matches || credentials.disabled) {
        await recordLoginFailure(db(), username, request.ip, at, since);
        await forgetOldLoginAttempts(db(), since);
        if (attempt.attempts >= settings.lockoutFailures) throw lockedOut(attempt.lastAt);
        throw new ApiError(401, 'login-failed');
      }
      await clearLoginAttempts(db(), username, request.ip);
      const token = newSecret('cts');
      const csrfToken = csrfTokenOf(token);
      await createSession(
        db(),
        {
          userId: credentials.id,
          username,
          tokenHash: sha256(token),
          csrfHash: sha256(csrfToken),
          expiresAt: new Date(now.getTime() + settings.absoluteMs).toISOString(),
          ip: request.ip,
        },
        now.toISOString(),
      );
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: settings.secureCookie ?? request.protocol === 'https',
        maxAge: Math.floor(settings.absoluteMs / 1000),
      });
      const user = await getUser(db(), credentials.id);
      return { user: user && presentUser(user), csrfToken };
    },
  );

  app.post('/auth/logout', { config: { access: { signedIn: true } } }, async (request, reply) => {
    const actor = request.actor;
    if (actor?.via === 'session') {
      await endSession(db(), actor.credentialId, {
        userId: actor.userId,
        username: actor.username,
        ip: request.ip,
      });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get(
    '/auth/session',
    { config: { access: { public: true } }, schema: { response: { 200: sessionResponse } } },
    async (request) => {
      const user = request.actor ? await getUser(db(), request.actor.userId) : null;
      return { user: user && presentUser(user), csrfToken: csrfTokenFor(request) };
    },
  );

  app.post(
    '/auth/password',
    {
      // Limited like sign-in: a borrowed session must not become a way to guess the password.
      config: { access: { signedIn: true }, rateLimit: { max: settings.loginPerMinute, timeWindow: 60_000 } },
      schema: { body: changePasswordBody, response: { 200: accessEndedResponse } },
    },
    async (request) => {
      const actor = request.actor;
      if (!actor) throw new ApiError(401, 'unauthenticated');
      const credentials = await credentialsOf(db(), actor.username);
      if (!credentials || !(await verifyPassword(credentials.passwordHash, request.body.current))) {
        const vi = languageOf(request.headers['accept-language']) === 'vi';
        throw new ApiError(400, 'validation-failed', [
          {
            path: 'body.current',
            message: vi ? 'Mật khẩu hiện tại không đúng.' : 'The current password is wrong.',
          },
        ]);
      }
      // Every other session ends and every API token is revoked: whoever knew the old password is out.
      const ended = await setPasswordHash(
        db(),
        actor.userId,
        await hashPassword(request.body.password),
        auditActorOf(request),
        actor.via === 'session' ? actor.credentialId : undefined,
      );
      if (!ended) throw new ApiError(401, 'unauthenticated');
      return accessEndedBody(request, ended);
    },
  );
};
