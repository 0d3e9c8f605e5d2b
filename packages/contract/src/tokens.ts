import { z } from 'zod';
import { idParam } from './common.js';

export const tokenResponse = z.object({
  id: z.number(),
  user: z.string(),
  name: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** Days until the token expires (default 90, at most 3 years). */
  days: z.number().int().min(1).max(1096).default(90),
});

/** The new token: `token` is shown this once and stored only as a hash. */
export const createdTokenResponse = tokenResponse.extend({ token: z.string() });

export const tokenListQuery = z.strictObject({ user: z.string().min(1).optional() });
export const tokenIdParams = z.strictObject({ id: idParam });
