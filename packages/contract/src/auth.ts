import { z } from 'zod';
import { passwordSchema, userResponse } from './users.js';

export const loginBody = z.object({
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

export const changePasswordBody = z.object({
  current: z.string().min(1).max(200),
  password: passwordSchema,
});
