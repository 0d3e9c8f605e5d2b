import type { AccessEndedResponse } from '@chitieu/contract';
import type { AccessEnded } from '@chitieu/db';
import type { FastifyRequest } from 'fastify';
import { languageOf } from '../i18n.js';
import { authSay } from './messages.js';

/**
 * The answer to a password change, a reset or "end all sessions": the counts and a sentence
 * saying that the sessions ended and the API tokens were revoked.
 *
 * @example
 * accessEndedBody(request, { sessionsEnded: 1, tokensRevoked: 2 })
 * // { sessionsEnded: 1, tokensRevoked: 2, message: 'Đã kết thúc 1 phiên đăng nhập khác và thu hồi 2 mã truy cập API của tài khoản.' }
 */
export function accessEndedBody(request: FastifyRequest, ended: AccessEnded): AccessEndedResponse {
  const say = authSay(languageOf(request.headers['accept-language']));
  return { ...ended, message: say.accessEnded(ended.sessionsEnded, ended.tokensRevoked) };
}
