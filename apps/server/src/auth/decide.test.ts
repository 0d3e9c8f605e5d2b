import type { HeldRole } from '@chitieu/db';
import { describe, expect, it } from 'vitest';
import type { AccessRule } from '../access.js';
import { type Actor, decideAccess, type RequestSubjects, valuesAt } from './decide.js';

// Units: province 1 > towns 2 (381) and 3 (382) > ward 4 (38101) of town 2.
const chain = { province: [1], town: [2, 1], sibling: [3, 1], ward: [4, 2, 1] };
const actor = (...roles: Omit<HeldRole, 'unitCode'>[]): Actor => ({
  userId: 1,
  username: 'u',
  via: 'session',
  credentialId: 1,
  roles: roles.map((r) => ({ ...r, unitCode: null })),
});
const about = (chains: number[][], extra: Partial<RequestSubjects> = {}): RequestSubjects => ({
  chains,
  publicPlansOnly: false,
  indicators: [],
  ...extra,
});
const writeUnit: AccessRule = { role: 'editor', unitParam: 'unit' };

describe('decideAccess', () => {
  it('covers a role unit and its whole subtree, nothing beside or above', () => {
    const editor = actor({ role: 'editor', unitId: 2, indicators: null });
    expect(decideAccess(writeUnit, editor, about([chain.town]), 'PUT')).toBe('allow');
    expect(decideAccess(writeUnit, editor, about([chain.ward]), 'PUT')).toBe('allow');
    expect(decideAccess(writeUnit, editor, about([chain.sibling]), 'PUT')).toBe('forbidden');
    expect(decideAccess(writeUnit, editor, about([chain.province]), 'PUT')).toBe('forbidden');
    // Several units: all must be covered.
    expect(decideAccess(writeUnit, editor, about([chain.ward, chain.sibling]), 'PUT')).toBe('forbidden');
  });

  it('lets a stronger role do what a weaker one may, and not the reverse', () => {
    const manager = actor({ role: 'manager', unitId: 2, indicators: null });
    const viewer = actor({ role: 'viewer', unitId: 2, indicators: null });
    expect(decideAccess(writeUnit, manager, about([chain.ward]), 'PUT')).toBe('allow');
    expect(decideAccess(writeUnit, viewer, about([chain.ward]), 'PUT')).toBe('forbidden');
  });

  it('needs a role on every unit for global rules', () => {
    const rule: AccessRule = { role: 'admin', unit: 'global' };
    expect(
      decideAccess(rule, actor({ role: 'admin', unitId: null, indicators: null }), about([]), 'GET'),
    ).toBe('allow');
    expect(decideAccess(rule, actor({ role: 'admin', unitId: 2, indicators: null }), about([]), 'GET')).toBe(
      'forbidden',
    );
  });

  it('asks for a role on every unit when a rule says the request names the top of the hierarchy', () => {
    const rule: AccessRule = {
      role: 'manager',
      unit: { in: 'body', path: 'parent', is: 'unit-code', whenAbsent: 'global' },
    };
    const townManager = actor({ role: 'manager', unitId: 2, indicators: null });
    const admin = actor({ role: 'admin', unitId: null, indicators: null });
    expect(decideAccess(rule, townManager, about([], { needsGlobal: true }), 'POST')).toBe('forbidden');
    expect(decideAccess(rule, admin, about([], { needsGlobal: true }), 'POST')).toBe('allow');
    expect(decideAccess(rule, townManager, about([chain.ward]), 'POST')).toBe('allow');
  });

  it('opens reads of public plans to anyone, and nothing else', () => {
    const rule: AccessRule = {
      role: 'viewer',
      unit: { in: 'params', path: 'code', is: 'plan-code' },
      publicPlans: true,
    };
    expect(decideAccess(rule, null, about([chain.sibling], { publicPlansOnly: true }), 'GET')).toBe('allow');
    expect(decideAccess(rule, null, about([chain.sibling], { publicPlansOnly: true }), 'PUT')).toBe(
      'unauthenticated',
    );
    expect(decideAccess(rule, null, about([chain.sibling]), 'GET')).toBe('unauthenticated');
    expect(decideAccess({ signedIn: true }, null, about([]), 'GET')).toBe('unauthenticated');
    expect(decideAccess({ public: true }, null, about([]), 'POST')).toBe('allow');
  });

  it('holds an editor to the indicators assigned, but not a manager', () => {
    const rule: AccessRule = {
      role: 'editor',
      unitParam: 'unit',
      indicator: { in: 'body', path: 'values[].indicator' },
    };
    const limited = actor({ role: 'editor', unitId: 2, indicators: ['GO', 'POP'] });
    expect(decideAccess(rule, limited, about([chain.town], { indicators: ['GO'] }), 'PUT')).toBe('allow');
    expect(decideAccess(rule, limited, about([chain.town], { indicators: ['GO', 'IND'] }), 'PUT')).toBe(
      'forbidden',
    );
    const manager = actor({ role: 'manager', unitId: 2, indicators: null });
    expect(decideAccess(rule, manager, about([chain.town], { indicators: ['IND'] }), 'PUT')).toBe('allow');
    // A second, unlimited editor role on the unit covers it.
    const both = actor(
      { role: 'editor', unitId: 2, indicators: ['GO'] },
      { role: 'editor', unitId: 1, indicators: null },
    );
    expect(decideAccess(rule, both, about([chain.town], { indicators: ['IND'] }), 'PUT')).toBe('allow');
  });
});

describe('valuesAt', () => {
  it('reads plain fields, nested fields and fields of every list element', () => {
    expect(valuesAt({ unit: '381' }, 'unit')).toEqual(['381']);
    expect(valuesAt({ plan: { unit: 7 } }, 'plan.unit')).toEqual(['7']);
    expect(valuesAt({ values: [{ unit: '381' }, { unit: '382' }, { x: 1 }] }, 'values[].unit')).toEqual([
      '381',
      '382',
    ]);
    expect(valuesAt({ values: 'no' }, 'values[].unit')).toEqual([]);
    expect(valuesAt(undefined, 'unit')).toEqual([]);
    expect(valuesAt({ unit: { code: '381' } }, 'unit')).toEqual([]);
  });
});
