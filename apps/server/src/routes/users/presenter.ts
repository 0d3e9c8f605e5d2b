import type { UserResponse } from '@chitieu/contract';
import type { UserSummary } from '@chitieu/db';

/**
 * A user as the API shows it: roles by unit code, never a password hash.
 *
 * @example
 * presentUser(summary) // { id: 2, username: 'lan', roles: [{ role: 'editor', unit: '381', indicators: null }], … }
 */
export function presentUser(user: UserSummary): UserResponse {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    disabled: user.disabled,
    roles: user.roles.map((r) => ({ role: r.role, unit: r.unitCode, indicators: r.indicators })),
    createdAt: user.createdAt,
  };
}
