import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id: a const enum, which isolated modules cannot read, so its value is spelt out.
const ARGON2ID = 2 as Algorithm;

/**
 * A new random secret (256 bits, base64url) with a readable prefix that says what it is.
 *
 * @example
 * newSecret('ctk') // 'ctk_Qm9n…' (47 characters)
 */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/**
 * SHA-256 of a random secret, hex. Enough for 256-bit random tokens (nothing to guess), and
 * fast, so every request can look its token up; passwords use argon2id instead.
 *
 * @example
 * sha256('abc') // 'ba7816bf…'
 */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Compare two hex digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The CSRF token of a session: derived from the session's cookie token, so the server can give
 * it again to a reloaded page without storing it, and a page of another site (which cannot read
 * the cookie nor our responses) cannot know it.
 */
export function csrfTokenOf(sessionToken: string): string {
  return sha256(`csrf:${sessionToken}`);
}

/** argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

// A real hash to verify against when the user name is unknown, so both cases take as long.
let decoy: Promise<string> | undefined;

/**
 * Whether `password` matches `passwordHash`; with a null hash (unknown user) it still spends
 * the time of one verification and answers false.
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    decoy ??= hashPassword(newSecret('decoy'));
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A password for the first administrator: 20 characters from an alphabet without look-alikes.
 *
 * @example
 * newPassword() // 'k7Hq3-mPzWx-9dRt2-vYb4n'
 */
export function newPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const chars = Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}
