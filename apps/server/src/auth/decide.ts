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
  /**
   * Indicator codes the request concerns: those it names (the rule's `indicator`) and those of
   * the records it addresses by id. Empty: none can be told.
   */
  indicators: string[];
  /**
   * Something the request names cannot be attributed to a unit (a value left out or null where
   * the rule does not say otherwise, an unknown code or id): only a role on every unit will do.
   */
  needsGlobal?: boolean;
  /** Only an optional list filter was left out (`whenAbsent: 'filtered'`): the route filters. */
  filtered?: boolean;
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
  if (rule.publicPlans && reading && subjects.publicPlansOnly && !subjects.needsGlobal) return 'allow';
  if (!actor) return 'unauthenticated';
  const held = actor.roles.filter(
    (r) => rank(r.role) >= rank(rule.role) && coversIndicators(rule, r, subjects),
  );
  const global = held.some((r) => r.unitId === null);
  const scope = unitLocators(rule);
  if (scope === 'global' || subjects.needsGlobal) return global ? 'allow' : 'forbidden';
  if (scope === 'any') return held.length > 0 ? 'allow' : 'forbidden';
  // Nothing found is never permission: only an explicitly optional list filter lets the route filter.
  if (subjects.chains.length === 0) {
    if (global || (subjects.filtered && held.length > 0)) return 'allow';
    return 'forbidden';
  }
  const covers = (r: HeldRole, chain: number[]) => r.unitId === null || chain.includes(r.unitId);
  return subjects.chains.every((chain) => held.some((r) => covers(r, chain))) ? 'allow' : 'forbidden';
}

/**
 * Whether a held role's indicator limit lets it act under an editor's rule: an editor limited to
 * some indicators covers a request only when every indicator it concerns is known and among them.
 */
function coversIndicators(rule: AccessRule, r: HeldRole, subjects: RequestSubjects): boolean {
  if (!('role' in rule) || rule.role !== 'editor' || r.role !== 'editor' || r.indicators === null)
    return true;
  const allowed = r.indicators;
  return subjects.indicators.length > 0 && subjects.indicators.every((i) => allowed.includes(i));
}

/** What a request part holds at a locator's path. */
export interface ReadValues {
  /** Strings and finite numbers (as strings). */
  values: string[];
  /** Some place on the path holds nothing (the field, or a list element's field, is left out). */
  absent: boolean;
  /** Some place holds an explicit null. */
  nulls: boolean;
  /** Some place holds something else (an object, a boolean): it names no record. */
  unreadable: boolean;
}

/**
 * Everything at `path` in a request part, with what could not be read: `unit`, `plan.code`, or
 * `values[].unit` (the field of every element of a list).
 *
 * @example
 * readValuesAt({ values: [{ unit: '381' }, {}] }, 'values[].unit') // { values: ['381'], absent: true, nulls: false, unreadable: false }
 */
export function readValuesAt(source: unknown, path: string): ReadValues {
  const out: ReadValues = { values: [], absent: false, nulls: false, unreadable: false };
  let current: unknown[] = [source];
  for (const segment of path.split('.')) {
    const many = segment.endsWith('[]');
    const key = many ? segment.slice(0, -2) : segment;
    current = current.flatMap((node) => {
      if (node === undefined) return [undefined];
      if (typeof node !== 'object' || node === null || Array.isArray(node)) {
        out.unreadable = true;
        return [];
      }
      const next = (node as Record<string, unknown>)[key];
      if (!many) return [next];
      if (next === undefined) return [undefined];
      if (!Array.isArray(next)) {
        out.unreadable = true;
        return [];
      }
      return next;
    });
  }
  for (const v of current) {
    if (v === undefined) out.absent = true;
    else if (v === null) out.nulls = true;
    else if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
      out.values.push(String(v));
    else out.unreadable = true;
  }
  return out;
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
  return readValuesAt(source, path).values;
}
