import { type HeldRole, ROLES, type Role } from '@chitieu/db';
import type { AccessRule, UnitLocator } from '../access.js';

/** Who is calling: the user a session cookie or an API token stands for. */
export interface Actor {
  userId: number;
  username: string;
  roles: HeldRole[];
  /** How the request proved it: a browser session (CSRF applies to its writes) or a token. */
  via: 'session' | 'token';
  /** The session's or token's id. */
  credentialId: number;
}

/** What the request is about, as the rule's locators found it. */
export interface RequestSubjects {
  /** Each unit found, as its chain up to the root (itself first). Empty: none found. */
  chains: number[][];
  /** Every unit was found through a plan, and every such plan is public. */
  publicPlansOnly: boolean;
  /** Indicator codes the request writes (for editors limited to some). */
  indicators: string[];
  /** A locator marked `whenAbsent: 'global'` found no value: only a role on every unit will do. */
  needsGlobal?: boolean;
}

export type Decision = 'allow' | 'unauthenticated' | 'forbidden';

const rank = (role: Role) => ROLES.indexOf(role);

/** The unit locators of a rule: `unit`, or `unitParam` as a unit-code path parameter. */
export function unitLocators(rule: AccessRule): UnitLocator[] | 'any' | 'global' {
  if (!('role' in rule)) return 'any';
  if (rule.unit === 'any' || rule.unit === 'global') return rule.unit;
  if (rule.unit) return Array.isArray(rule.unit) ? rule.unit : [rule.unit];
  if (rule.unitParam) return [{ in: 'params', path: rule.unitParam, is: 'unit-code' }];
  return 'any';
}

/**
 * Whether `actor` may make a request under `rule`. Pure: the plugin finds the subjects, this
 * decides. A role covers its unit's whole subtree (a role without a unit covers every unit), and
 * a stronger role includes the weaker ones.
 *
 * @example
 * const editorOfTown = { userId: 2, username: 'lan', via: 'session', credentialId: 1,
 *   roles: [{ role: 'editor', unitId: 2, unitCode: '381', indicators: null }] };
 * decideAccess({ role: 'editor', unitParam: 'unit' }, editorOfTown, { chains: [[4, 2, 1]], publicPlansOnly: false, indicators: [] }, 'PUT') // 'allow' (a ward of the town)
 * decideAccess({ role: 'editor', unitParam: 'unit' }, editorOfTown, { chains: [[3, 1]], publicPlansOnly: false, indicators: [] }, 'PUT') // 'forbidden'
 * decideAccess({ role: 'viewer', unitParam: 'unit' }, null, { chains: [[3, 1]], publicPlansOnly: false, indicators: [] }, 'GET') // 'unauthenticated'
 */
export function decideAccess(
  rule: AccessRule,
  actor: Actor | null,
  subjects: RequestSubjects,
  method: string,
): Decision {
  if ('public' in rule) return 'allow';
  if ('signedIn' in rule) return actor ? 'allow' : 'unauthenticated';
  const reading = method === 'GET' || method === 'HEAD';
  if (rule.publicPlans && reading && subjects.publicPlansOnly) return 'allow';
  if (!actor) return 'unauthenticated';
  const held = actor.roles.filter((r) => rank(r.role) >= rank(rule.role));
  const scope = unitLocators(rule);
  if (scope === 'global' || subjects.needsGlobal) {
    return held.some((r) => r.unitId === null) ? 'allow' : 'forbidden';
  }
  if (scope === 'any' || subjects.chains.length === 0) return held.length > 0 ? 'allow' : 'forbidden';
  const limitsIndicators = rule.role === 'editor' && rule.indicator !== undefined;
  const covers = (r: HeldRole, chain: number[]) =>
    (r.unitId === null || chain.includes(r.unitId)) &&
    (!limitsIndicators ||
      r.role !== 'editor' ||
      r.indicators === null ||
      subjects.indicators.every((i) => r.indicators?.includes(i)));
  return subjects.chains.every((chain) => held.some((r) => covers(r, chain))) ? 'allow' : 'forbidden';
}

/**
 * The values at `path` in a request part: `unit`, `plan.code`, or `values[].unit` (the field of
 * every element of a list). Strings and numbers only, as strings.
 *
 * @example
 * valuesAt({ values: [{ unit: '381' }, { unit: '382' }] }, 'values[].unit') // ['381', '382']
 * valuesAt({ unit: 7 }, 'unit') // ['7']
 */
export function valuesAt(source: unknown, path: string): string[] {
  let current: unknown[] = [source];
  for (const segment of path.split('.')) {
    const many = segment.endsWith('[]');
    const key = many ? segment.slice(0, -2) : segment;
    current = current.flatMap((node) => {
      if (typeof node !== 'object' || node === null) return [];
      const next = (node as Record<string, unknown>)[key];
      return many ? (Array.isArray(next) ? next : []) : [next];
    });
  }
  return current.flatMap((v) =>
    typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? [String(v)] : [],
  );
}
