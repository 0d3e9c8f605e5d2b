import { z } from 'zod';
import { passwordSchema, userResponse } from './users.js';

export const loginBody = z.strictObject({
  // Not the strict user-name pattern: a mistyped name must get the same answer as a wrong password.
  username: z.string().trim().toLowerCase().min(1).max(200),
  password: z.string().min(1).max(200),
});

export const sessionResponse = z.object({
  user: userResponse.nullable(),
  /** Send it back in the `x-csrf-token` header on every write made with the session cookie. */
  csrfToken: z.string().nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const changePasswordBody = z.strictObject({
  current: z.string().min(1).max(200),
  password: passwordSchema,
});

/**
 * What a password change, a password reset or "end all sessions" ended: the other sessions and
 * every API token of the account (whoever knew the old password may have made one).
 */
export const accessEndedResponse = z.object({
  sessionsEnded: z.int(),
  tokensRevoked: z.int(),
  /** The same, as a sentence in the caller's language. */
  message: z.string(),
});
export type AccessEndedResponse = z.infer<typeof accessEndedResponse>;
