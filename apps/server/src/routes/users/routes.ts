import {
  accessEndedResponse,
  createUserBody,
  passwordBody,
  rolesBody,
  updateUserBody,
  userIdParams,
  usernameSchema,
  userResponse,
} from '@chitieu/contract';
import {
  type AccountProblem,
  createUser,
  endSessionsOf,
  getUser,
  listUsers,
  setPasswordHash,
  setUserRoles,
  unlockUser,
  updateUser,
} from '@chitieu/db';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessEndedBody } from '../../auth/access-ended.js';
import { auditActorOf } from '../../auth/plugin.js';
import { hashPassword } from '../../auth/secrets.js';
import { ApiError } from '../../errors.js';
import { languageOf } from '../../i18n.js';
import { presentUser } from './presenter.js';

/** User administration is for administrators of every unit. */
const ADMIN = { role: 'admin', unit: 'global' } as const;

/**
 * The API error for an account problem, in the caller's language.
 *
 * @example
 * throw accountError(request, { code: 'unknown-unit', unit: '999' }); // 400, details [{ path: 'body.roles', … }]
 */
export function accountError(request: FastifyRequest, problem: AccountProblem): ApiError {
  if (problem.code === 'username-taken') return new ApiError(409, 'username-taken');
  if (problem.code === 'unknown-user') return new ApiError(404, 'not-found');
  if (problem.code === 'last-admin') return new ApiError(409, 'last-admin');
  const vi = languageOf(request.headers['accept-language']) === 'vi';
  return new ApiError(400, 'validation-failed', [
    {
      path: 'body.roles',
      message: vi ? `Không có đơn vị mã "${problem.unit}".` : `No unit has the code "${problem.unit}".`,
    },
  ]);
}

/** `/users`: list, create, change, disable, set roles, reset a password, end sessions. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/users',
    { config: { access: ADMIN }, schema: { response: { 200: z.object({ users: z.array(userResponse) }) } } },
    async () => ({ users: (await listUsers(db())).map(presentUser) }),
  );

  app.post(
    '/users',
    { config: { access: ADMIN }, schema: { body: createUserBody, response: { 201: userResponse } } },
    async (request, reply) => {
      const { password, ...rest } = request.body;
      const created = await createUser(
        db(),
        { ...rest, passwordHash: await hashPassword(password) },
        auditActorOf(request),
      );
      if (!created.ok) throw accountError(request, created.problem);
      return reply.code(201).send(presentUser(created.user));
    },
  );

  app.get(
    '/users/:id',
    { config: { access: ADMIN }, schema: { params: userIdParams, response: { 200: userResponse } } },
    async (request) => {
      const user = await getUser(db(), request.params.id);
      if (!user) throw new ApiError(404, 'not-found');
      return presentUser(user);
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { access: ADMIN },
      schema: { params: userIdParams, body: updateUserBody, response: { 200: userResponse } },
    },
    async (request) => {
      const updated = await updateUser(db(), request.params.id, request.body, auditActorOf(request));
      if (!updated.ok) throw accountError(request, updated.problem);
      return presentUser(updated.user);
    },
  );

  app.put(
    '/users/:id/roles',
    {
      config: { access: ADMIN },
      schema: { params: userIdParams, body: rolesBody, response: { 200: userResponse } },
    },
    async (request) => {
      const updated = await setUserRoles(db(), request.params.id, request.body.roles, auditActorOf(request));
      if (!updated.ok) throw accountError(request, updated.problem);
      return presentUser(updated.user);
    },
  );

  app.put(
    '/users/:id/password',
    {
      config: { access: ADMIN },
      schema: { params: userIdParams, body: passwordBody, response: { 200: accessEndedResponse } },
    },
    async (request) => {
      const ended = await setPasswordHash(
        db(),
        request.params.id,
        await hashPassword(request.body.password),
        auditActorOf(request),
      );
      if (!ended) throw new ApiError(404, 'not-found');
      return accessEndedBody(request, ended);
    },
  );

  app.delete(
    '/users/:id/sessions',
    {
      config: { access: ADMIN },
      schema: {
        description:
          'End every session of the user and revoke every API token (nothing they signed in with keeps working).',
        params: userIdParams,
        response: { 200: accessEndedResponse.extend({ ended: z.int() }) },
      },
    },
    async (request) => {
      const ended = await endSessionsOf(db(), request.params.id, auditActorOf(request));
      if (ended === null) throw new ApiError(404, 'not-found');
      return { ended: ended.sessionsEnded, ...accessEndedBody(request, ended) };
    },
  );

  app.post(
    '/users/:name/unlock',
    {
      config: { access: ADMIN },
      schema: {
        description: 'Lift the sign-in lock-out of a user name, from every address.',
        params: z.object({ name: usernameSchema }),
        response: { 200: z.object({ username: z.string(), cleared: z.int() }) },
      },
    },
    async (request) => {
      const user = await getUser(db(), request.params.name);
      if (!user) throw new ApiError(404, 'not-found');
      const cleared = await unlockUser(db(), user.username, auditActorOf(request));
      return { username: user.username, cleared };
    },
  );
};
