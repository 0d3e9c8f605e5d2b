import { sql } from 'kysely';
import { type Executor, withTransaction } from '../transaction.js';
import { type AuditActor, appendAudit, changedFields } from './audit.js';

/** The four roles, weakest first. A role includes every weaker one on the same units. */
export const ROLES = ['viewer', 'editor', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A role as given by a person: unit by code (null: every unit), editors optionally limited to indicators. */
export interface RoleGrant {
  role: Role;
  unit: string | null;
  /** Indicator codes an editor may enter; null or absent: all. */
  indicators?: string[] | null;
}

/** A role as the system checks it. */
export interface HeldRole {
  role: Role;
  unitId: number | null;
  unitCode: string | null;
  indicators: string[] | null;
}

/** A user as the API shows it (never the password hash). */
export interface UserSummary {
  id: number;
  username: string;
  displayName: string | null;
  disabled: boolean;
  roles: HeldRole[];
  createdAt: string;
}

export type AccountProblem =
  | { code: 'username-taken'; username: string }
  | { code: 'unknown-unit'; unit: string }
  | { code: 'unknown-user' }
  /** The change would leave no enabled administrator of every unit: nobody could manage users. */
  | { code: 'last-admin' };

const now = () => new Date().toISOString();

const isGlobalAdmin = (roles: readonly HeldRole[]) =>
  roles.some((r) => r.role === 'admin' && r.unitId === null);

/** Whether an enabled administrator of every unit other than `userId` exists. */
async function anotherAdmin(db: Executor, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('users.id')
    .where('user_roles.role', '=', 'admin')
    .where('user_roles.unit_id', 'is', null)
    .where('users.disabled', '=', 0)
    .where('users.id', '!=', userId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Roles held by these users, with unit codes. */
export async function rolesOf(db: Executor, userIds: readonly number[]): Promise<Map<number, HeldRole[]>> {
  const out = new Map<number, HeldRole[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('user_roles')
    .leftJoin('units', 'units.id', 'user_roles.unit_id')
    .select([
      'user_roles.user_id',
      'user_roles.role',
      'user_roles.unit_id',
      'user_roles.indicators',
      'units.code',
    ])
    .where('user_roles.user_id', 'in', [...new Set(userIds)])
    .orderBy('user_roles.id')
    .execute();
  for (const r of rows) {
    const list = out.get(Number(r.user_id)) ?? [];
    list.push({
      role: r.role as Role,
      unitId: r.unit_id === null ? null : Number(r.unit_id),
      unitCode: r.code ?? null,
      indicators: r.indicators === null ? null : (JSON.parse(r.indicators) as string[]),
    });
    out.set(Number(r.user_id), list);
  }
  return out;
}

/** Role grants resolved to unit ids; an admin is always on every unit. */
type ResolvedGrant = { role: Role; unit_id: number | null; indicators: string | null };

async function resolveGrants(
  db: Executor,
  grants: readonly RoleGrant[],
): Promise<{ ok: true; rows: ResolvedGrant[] } | { ok: false; problem: AccountProblem }> {
  const codes = [...new Set(grants.flatMap((g) => (g.role !== 'admin' && g.unit !== null ? [g.unit] : [])))];
  const units = codes.length
    ? await db.selectFrom('units').select(['id', 'code']).where('code', 'in', codes).execute()
    : [];
  const idOf = new Map(units.map((u) => [u.code, Number(u.id)]));
  const rows = [];
  for (const g of grants) {
    const unitId = g.role === 'admin' || g.unit === null ? null : idOf.get(g.unit);
    if (unitId === undefined) return { ok: false, problem: { code: 'unknown-unit', unit: String(g.unit) } };
    const indicators =
      g.role === 'editor' && g.indicators && g.indicators.length > 0 ? JSON.stringify(g.indicators) : null;
    rows.push({ role: g.role, unit_id: unitId, indicators });
  }
  return { ok: true, rows };
}

async function insertRoles(db: Executor, userId: number, rows: ResolvedGrant[], at: string): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('user_roles')
    .values(rows.map((g) => ({ ...g, user_id: userId, created_at: at })))
    .execute();
}

/** How roles read in the audit log: `editor@381[GO,POP]`, `admin@*`. */
const roleLabels = (roles: readonly HeldRole[]) =>
  roles.map((r) => `${r.role}@${r.unitCode ?? '*'}${r.indicators ? `[${r.indicators.join(',')}]` : ''}`);

/**
 * Create a user with a password hash and roles, and audit it (without the hash).
 *
 * @example
 * await createUser(db, { username: 'lan', passwordHash, roles: [{ role: 'editor', unit: '381' }] }, actor)
 * // { ok: true, user: { id: 2, username: 'lan', roles: [{ role: 'editor', unitCode: '381', … }], … } }
 */
export async function createUser(
  db: Executor,
  input: { username: string; passwordHash: string; displayName?: string | null; roles: readonly RoleGrant[] },
  actor: AuditActor | null,
): Promise<{ ok: true; user: UserSummary } | { ok: false; problem: AccountProblem }> {
  return withTransaction(db, async (trx) => {
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (taken) return { ok: false, problem: { code: 'username-taken', username: input.username } };
    const grants = await resolveGrants(trx, input.roles);
    if (!grants.ok) return grants;
    const at = now();
    const row = await trx
      .insertInto('users')
      .values({
        username: input.username,
        password_hash: input.passwordHash,
        display_name: input.displayName ?? null,
        disabled: 0,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const userId = Number(row.id);
    await insertRoles(trx, userId, grants.rows, at);
    const user = (await getUser(trx, userId)) as UserSummary;
    await appendAudit(
      trx,
      {
        actor,
        action: 'create',
        entity: 'user',
        id: user.username,
        new: {
          username: user.username,
          displayName: user.displayName,
          disabled: false,
          roles: roleLabels(user.roles),
        },
      },
      at,
    );
    return { ok: true, user };
  });
}

/** A user with roles, by id or user name; null when there is none. */
export async function getUser(db: Executor, key: number | string): Promise<UserSummary | null> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'disabled', 'created_at'])
    .where(typeof key === 'number' ? 'id' : 'username', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  const roles = (await rolesOf(db, [Number(row.id)])).get(Number(row.id)) ?? [];
  return summary(row, roles);
}

function summary(
  row: { id: number; username: string; display_name: string | null; disabled: number; created_at: string },
  roles: HeldRole[],
): UserSummary {
  return {
    id: Number(row.id),
    username: row.username,
    displayName: row.display_name,
    disabled: Number(row.disabled) === 1,
    roles,
    createdAt: row.created_at,
  };
}

/** Every user with roles, by user name (two queries). */
export async function listUsers(db: Executor): Promise<UserSummary[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'disabled', 'created_at'])
    .orderBy('username')
    .execute();
  const roles = await rolesOf(
    db,
    rows.map((r) => Number(r.id)),
  );
  return rows.map((r) => summary(r, roles.get(Number(r.id)) ?? []));
}

/** Whether any user exists (the first start creates an admin when none does). */
export async function hasUsers(db: Executor): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** The password hash and state of a user name, for signing in. */
export async function credentialsOf(
  db: Executor,
  username: string,
): Promise<{ id: number; passwordHash: string; disabled: boolean } | null> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled'])
    .where('username', '=', username)
    .executeTakeFirst();
  return row
    ? { id: Number(row.id), passwordHash: row.password_hash, disabled: Number(row.disabled) === 1 }
    : null;
}

/**
 * Change a user's fields (display name, disabled). Disabling ends every session of the user
 * (tokens are refused while disabled). Audited with the old and new values.
 *
 * @example
 * await updateUser(db, 5, { disabled: true }, actor) // { ok: true, user: { disabled: true, … } }
 */
export async function updateUser(
  db: Executor,
  userId: number,
  change: { displayName?: string | null; disabled?: boolean },
  actor: AuditActor | null,
): Promise<{ ok: true; user: UserSummary } | { ok: false; problem: AccountProblem }> {
  return withTransaction(db, async (trx) => {
    const before = await getUser(trx, userId);
    if (!before) return { ok: false, problem: { code: 'unknown-user' } };
    const after = {
      displayName: change.displayName === undefined ? before.displayName : change.displayName,
      disabled: change.disabled ?? before.disabled,
    };
    const diff = changedFields({ displayName: before.displayName, disabled: before.disabled }, after);
    if (!diff) return { ok: true, user: before };
    if (after.disabled && isGlobalAdmin(before.roles) && !(await anotherAdmin(trx, userId))) {
      return { ok: false, problem: { code: 'last-admin' } };
    }
    const at = now();
    await trx
      .updateTable('users')
      .set({
        display_name: after.displayName,
        disabled: after.disabled ? 1 : 0,
        version: (eb) => eb('version', '+', 1),
        updated_at: at,
      })
      .where('id', '=', userId)
      .execute();
    if (after.disabled) await endUserSessions(trx, userId, at);
    await appendAudit(trx, { actor, action: 'update', entity: 'user', id: before.username, ...diff }, at);
    return { ok: true, user: (await getUser(trx, userId)) as UserSummary };
  });
}

/**
 * Replace a user's roles, audited as entity `role` with the old and new lists.
 *
 * @example
 * await setUserRoles(db, 5, [{ role: 'manager', unit: '381' }], actor)
 */
export async function setUserRoles(
  db: Executor,
  userId: number,
  grants: readonly RoleGrant[],
  actor: AuditActor | null,
): Promise<{ ok: true; user: UserSummary } | { ok: false; problem: AccountProblem }> {
  return withTransaction(db, async (trx) => {
    const before = await getUser(trx, userId);
    if (!before) return { ok: false, problem: { code: 'unknown-user' } };
    const resolved = await resolveGrants(trx, grants);
    if (!resolved.ok) return resolved;
    const staysAdmin = resolved.rows.some((g) => g.role === 'admin');
    if (
      isGlobalAdmin(before.roles) &&
      !staysAdmin &&
      !before.disabled &&
      !(await anotherAdmin(trx, userId))
    ) {
      return { ok: false, problem: { code: 'last-admin' } };
    }
    const at = now();
    await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    await insertRoles(trx, userId, resolved.rows, at);
    const user = (await getUser(trx, userId)) as UserSummary;
    const old = roleLabels(before.roles);
    const next = roleLabels(user.roles);
    if (JSON.stringify(old) !== JSON.stringify(next)) {
      await appendAudit(
        trx,
        { actor, action: 'update', entity: 'role', id: user.username, old, new: next },
        at,
      );
    }
    return { ok: true, user };
  });
}

/** What ending a user's access did: sessions ended and API tokens revoked. */
export interface AccessEnded {
  sessionsEnded: number;
  tokensRevoked: number;
}

/**
 * Store a new password hash, end the user's other sessions (all of them when `keepSession` is
 * absent) and revoke every API token: whoever knew the old password may have made one. Audited
 * without any value (a password is never written anywhere in clear). Null: no such user.
 *
 * @example
 * await setPasswordHash(db, 5, hash, actor) // { sessionsEnded: 2, tokensRevoked: 1 }
 */
export async function setPasswordHash(
  db: Executor,
  userId: number,
  passwordHash: string,
  actor: AuditActor | null,
  keepSession?: number,
): Promise<AccessEnded | null> {
  return withTransaction(db, async (trx) => {
    const user = await getUser(trx, userId);
    if (!user) return null;
    const at = now();
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, version: (eb) => eb('version', '+', 1), updated_at: at })
      .where('id', '=', userId)
      .execute();
    const sessionsEnded = await endUserSessions(trx, userId, at, keepSession);
    const tokensRevoked = await revokeUserTokens(trx, userId, at);
    await appendAudit(
      trx,
      {
        actor,
        action: 'change-password',
        entity: 'user',
        id: user.username,
        details: { sessionsEnded, tokensRevoked },
      },
      at,
    );
    return { sessionsEnded, tokensRevoked };
  });
}

/** End every open session of a user (but `keepSession`); returns how many. */
export async function endUserSessions(
  db: Executor,
  userId: number,
  at = now(),
  keepSession?: number,
): Promise<number> {
  let q = db
    .updateTable('sessions')
    .set({ ended_at: at })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null);
  if (keepSession !== undefined) q = q.where('id', '!=', keepSession);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Revoke every open API token of a user; returns how many. */
export async function revokeUserTokens(db: Executor, userId: number, at = now()): Promise<number> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * End every open session of a user and revoke every API token on an administrator's request
 * ("end all sessions": nothing the user signed in with keeps working), audited with how many.
 * Null: no such user.
 */
export async function endSessionsOf(
  db: Executor,
  userId: number,
  actor: AuditActor | null,
): Promise<AccessEnded | null> {
  return withTransaction(db, async (trx) => {
    const user = await getUser(trx, userId);
    if (!user) return null;
    const at = now();
    const sessionsEnded = await endUserSessions(trx, userId, at);
    const tokensRevoked = await revokeUserTokens(trx, userId, at);
    await appendAudit(
      trx,
      {
        actor,
        action: 'end-sessions',
        entity: 'user',
        id: user.username,
        details: { ended: sessionsEnded, tokensRevoked },
      },
      at,
    );
    return { sessionsEnded, tokensRevoked };
  });
}

// ---- sessions ----

/** A live session or token with its user, as authentication needs it. */
export interface Credential {
  /** Session id or token id. */
  id: number;
  userId: number;
  username: string;
  disabled: boolean;
}

/** Open a session (hashes only) and audit the sign-in. */
export async function createSession(
  db: Executor,
  input: {
    userId: number;
    username: string;
    tokenHash: string;
    csrfHash: string;
    expiresAt: string;
    ip: string | null;
  },
  at = now(),
): Promise<number> {
  return withTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('sessions')
      .values({
        user_id: input.userId,
        token_hash: input.tokenHash,
        csrf_hash: input.csrfHash,
        created_at: at,
        last_seen_at: at,
        expires_at: input.expiresAt,
        ended_at: null,
        ip: input.ip,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('login_failures').where('username', '=', input.username).execute();
    await appendAudit(
      trx,
      {
        actor: { userId: input.userId, username: input.username, ip: input.ip },
        action: 'login',
        entity: 'session',
        id: Number(row.id),
      },
      at,
    );
    return Number(row.id);
  });
}

/**
 * The session a cookie token hash names, if it is open, not past its absolute expiry and not
 * idle for longer than `idleMs`.
 */
export async function findSession(
  db: Executor,
  tokenHash: string,
  at: Date,
  idleMs: number,
): Promise<(Credential & { csrfHash: string; lastSeenAt: string }) | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.csrf_hash',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.ended_at',
      'users.username',
      'users.disabled',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.ended_at !== null) return null;
  const iso = at.toISOString();
  if (row.expires_at <= iso) return null;
  if (new Date(row.last_seen_at).getTime() + idleMs <= at.getTime()) return null;
  return {
    id: Number(row.id),
    userId: Number(row.user_id),
    username: row.username,
    disabled: Number(row.disabled) === 1,
    csrfHash: row.csrf_hash,
    lastSeenAt: row.last_seen_at,
  };
}

/** Record activity on a session (idle expiry counts from here). */
export async function touchSession(db: Executor, sessionId: number, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

/** End one session (logout), audited. */
export async function endSession(db: Executor, sessionId: number, actor: AuditActor): Promise<void> {
  await withTransaction(db, async (trx) => {
    const at = now();
    await trx
      .updateTable('sessions')
      .set({ ended_at: at })
      .where('id', '=', sessionId)
      .where('ended_at', 'is', null)
      .execute();
    await appendAudit(trx, { actor, action: 'logout', entity: 'session', id: sessionId }, at);
  });
}

// ---- login failures ----

/** Failed logins for a user name since `since` (ISO), and the latest one. */
export async function recentLoginFailures(
  db: Executor,
  username: string,
  since: string,
): Promise<{ count: number; latest: string | null }> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('latest')])
    .where('username', '=', username)
    .where('at', '>=', since)
    .executeTakeFirst();
  return { count: Number(row?.n ?? 0), latest: (row?.latest as string | null | undefined) ?? null };
}

/**
 * Remember a failed login (for any typed user name, known or not), and forget failures older
 * than `forgetBefore` (they no longer count towards a lock-out).
 */
export async function recordLoginFailure(
  db: Executor,
  username: string,
  ip: string | null,
  at = now(),
  forgetBefore?: string,
): Promise<void> {
  await db.insertInto('login_failures').values({ username, at, ip }).execute();
  if (forgetBefore) await db.deleteFrom('login_failures').where('at', '<', forgetBefore).execute();
}

/**
 * Count one sign-in attempt for a user name from an address, before the password is checked,
 * in one statement (an upsert: concurrent attempts each get their own number, so 25 guesses at
 * once cannot all be checked against a limit of 5). A run of attempts ends when the latest is
 * older than `since`; once `limit` is reached the run's time stops moving, so the lock ends a
 * window after the attempt that reached it, whatever comes later.
 *
 * @example
 * await countLoginAttempt(db, { username: 'lan', ip: '10.0.0.7', at, since, limit: 5 })
 * // { attempts: 3, lastAt: '2026-11-28T08:00:00.000Z' }
 */
export async function countLoginAttempt(
  db: Executor,
  input: { username: string; ip: string | null; at: string; since: string; limit: number },
): Promise<{ attempts: number; lastAt: string }> {
  const row = await db
    .insertInto('login_throttle')
    .values({ username: input.username, ip: input.ip ?? '', failures: 1, last_at: input.at })
    .onConflict((oc) =>
      oc.columns(['username', 'ip']).doUpdateSet({
        failures: sql<number>`case when login_throttle.last_at < ${input.since} then 1 else login_throttle.failures + 1 end`,
        last_at: sql<string>`case when login_throttle.last_at >= ${input.since} and login_throttle.failures >= ${input.limit} then login_throttle.last_at else ${input.at} end`,
      }),
    )
    .returning(['failures', 'last_at'])
    .executeTakeFirstOrThrow();
  return { attempts: Number(row.failures), lastAt: row.last_at };
}

/** Forget the attempts of a user name from an address (a successful sign-in). */
export async function clearLoginAttempts(db: Executor, username: string, ip: string | null): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('username', '=', username)
    .where('ip', '=', ip ?? '')
    .execute();
}

/** Forget runs of attempts that ended before `before` (they lock nothing any more). */
export async function forgetOldLoginAttempts(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('last_at', '<', before).execute();
}

/**
 * Lift the lock-out of a user name from every address (an administrator's decision), audited
 * with how many addresses were locked or counting. Returns that number.
 *
 * @example
 * await unlockUser(db, 'admin', actor) // 2
 */
export async function unlockUser(db: Executor, username: string, actor: AuditActor | null): Promise<number> {
  return withTransaction(db, async (trx) => {
    const r = await trx.deleteFrom('login_throttle').where('username', '=', username).executeTakeFirst();
    const cleared = Number(r.numDeletedRows);
    await appendAudit(trx, { actor, action: 'unlock', entity: 'user', id: username, details: { cleared } });
    return cleared;
  });
}

// ---- API tokens ----

/** A token as listed (never its secret or hash). */
export interface TokenSummary {
  id: number;
  user: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** Store a new token's hash for a user, audited (name and expiry only). */
export async function createApiToken(
  db: Executor,
  input: { userId: number; name: string; tokenHash: string; expiresAt: string },
  actor: AuditActor | null,
): Promise<TokenSummary> {
  return withTransaction(db, async (trx) => {
    const at = now();
    const row = await trx
      .insertInto('api_tokens')
      .values({
        user_id: input.userId,
        name: input.name,
        token_hash: input.tokenHash,
        created_at: at,
        expires_at: input.expiresAt,
        revoked_at: null,
        last_used_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const token = (await listApiTokens(trx, { id: Number(row.id) }))[0] as TokenSummary;
    await appendAudit(
      trx,
      {
        actor,
        action: 'create',
        entity: 'token',
        id: token.id,
        new: { user: token.user, name: token.name, expiresAt: token.expiresAt },
      },
      at,
    );
    return token;
  });
}

/** Tokens of a user (or one token by id, or every token), newest first. */
export async function listApiTokens(
  db: Executor,
  filter: { userId?: number; id?: number } = {},
): Promise<TokenSummary[]> {
  let q = db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.user_id',
      'users.username',
      'api_tokens.name',
      'api_tokens.created_at',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
    ]);
  if (filter.userId !== undefined) q = q.where('api_tokens.user_id', '=', filter.userId);
  if (filter.id !== undefined) q = q.where('api_tokens.id', '=', filter.id);
  const rows = await q.orderBy('api_tokens.id', 'desc').execute();
  return rows.map((r) => ({
    id: Number(r.id),
    user: r.username,
    name: r.name,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  }));
}

/** The owner of a token id, for checking who may revoke it. */
export async function apiTokenOwner(db: Executor, tokenId: number): Promise<number | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select('user_id')
    .where('id', '=', tokenId)
    .executeTakeFirst();
  return row ? Number(row.user_id) : null;
}

/** Revoke a token (once), audited; false when there is no such open token. */
export async function revokeApiToken(
  db: Executor,
  tokenId: number,
  actor: AuditActor | null,
): Promise<boolean> {
  return withTransaction(db, async (trx) => {
    const at = now();
    const r = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', tokenId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await appendAudit(
      trx,
      {
        actor,
        action: 'revoke',
        entity: 'token',
        id: tokenId,
        old: { revokedAt: null },
        new: { revokedAt: at },
      },
      at,
    );
    return true;
  });
}

/** The open, unexpired token a hash names, with its user; marks it used. */
export async function findApiToken(db: Executor, tokenHash: string, at: Date): Promise<Credential | null> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.user_id',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
      'users.username',
      'users.disabled',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
  const iso = at.toISOString();
  if (!row || row.revoked_at !== null || row.expires_at <= iso) return null;
  // Written at most once a minute: a busy script should not turn every read into a write.
  if (!row.last_used_at || new Date(row.last_used_at).getTime() + 60_000 <= at.getTime()) {
    await db.updateTable('api_tokens').set({ last_used_at: iso }).where('id', '=', Number(row.id)).execute();
  }
  return {
    id: Number(row.id),
    userId: Number(row.user_id),
    username: row.username,
    disabled: Number(row.disabled) === 1,
  };
}
