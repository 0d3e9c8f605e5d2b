import { z } from 'zod';
import { idParam } from './common.js';

/** What a user may do, weakest first (the database's `ROLES`). */
export const ROLES = ['viewer', 'editor', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** User names: lower-case letters, digits, `.`, `_`, `-` (2–64), so they read the same everywhere. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,64}$/);

/** At least 10 characters: long passwords beat composition rules (NIST SP 800-63B). */
export const passwordSchema = z.string().min(10).max(200);

export const roleGrantSchema = z.strictObject({
  role: z.enum(ROLES),
  /** Unit code; null or absent: every unit. Ignored for admin (always every unit). */
  unit: z.string().min(1).nullable().default(null),
  /** Editors only: the indicator codes they may enter; absent or empty: all. */
  indicators: z.array(z.string().min(1)).nullable().optional(),
});

export const userResponse = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string().nullable(),
  disabled: z.boolean(),
  roles: z.array(
    z.object({
      role: z.enum(ROLES),
      unit: z.string().nullable(),
      indicators: z.array(z.string()).nullable(),
    }),
  ),
  createdAt: z.string(),
});
export type UserResponse = z.infer<typeof userResponse>;

export const createUserBody = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  displayName: z.string().trim().min(1).max(200).nullable().optional(),
  roles: z.array(roleGrantSchema).max(100),
});

export const updateUserBody = z
  .strictObject({
    displayName: z.string().trim().min(1).max(200).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .strict();

export const rolesBody = z.strictObject({ roles: z.array(roleGrantSchema).max(100) });
export const passwordBody = z.strictObject({ password: passwordSchema });
export const userIdParams = z.strictObject({ id: idParam });
