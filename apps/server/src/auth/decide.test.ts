import type { HeldRole } from '@chitieu/db';
import { describe, expect, it } from 'vitest';
import type { AccessRule } from '../access.js';
import { type Actor, decideAccess, type RequestSubjects, readValuesAt, valuesAt } from './decide.js';

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

describe('decideAccess fails closed', () => {
  const viewRule: AccessRule = { role: 'viewer', unit: { in: 'query', path: 'unit', is: 'unit-code' } };
  const townViewer = actor({ role: 'viewer', unitId: 2, indicators: null });
  const everywhere = actor({ role: 'viewer', unitId: null, indicators: null });

  it('refuses a request whose subjects were not found, unless the caller holds every unit', () => {
    expect(decideAccess(viewRule, townViewer, about([]), 'GET')).toBe('forbidden');
    expect(decideAccess(viewRule, townViewer, about([chain.town], { needsGlobal: true }), 'GET')).toBe(
      'forbidden',
    );
    expect(decideAccess(viewRule, everywhere, about([], { needsGlobal: true }), 'GET')).toBe('allow');
    expect(decideAccess(viewRule, null, about([], { needsGlobal: true }), 'GET')).toBe('unauthenticated');
  });

  it('lets a list left unfiltered through only where the rule says the route filters', () => {
    expect(decideAccess(viewRule, townViewer, about([], { filtered: true }), 'GET')).toBe('allow');
    expect(decideAccess(viewRule, actor(), about([], { filtered: true }), 'GET')).toBe('forbidden');
  });

  it('never opens a public-plan read when something named could not be attributed', () => {
    const rule: AccessRule = {
      role: 'viewer',
      unit: { in: 'params', path: 'code', is: 'plan-code' },
      publicPlans: true,
    };
    expect(decideAccess(rule, null, about([], { publicPlansOnly: true, needsGlobal: true }), 'GET')).toBe(
      'unauthenticated',
    );
  });

  it('holds an editor limited to indicators to them on every editor rule, refusing when none can be told', () => {
    const byId: AccessRule = { role: 'editor', unit: { in: 'params', path: 'id', is: 'value-id' } };
    const limited = actor({ role: 'editor', unitId: 2, indicators: ['GO'] });
    expect(decideAccess(byId, limited, about([chain.town], { indicators: ['GO'] }), 'PATCH')).toBe('allow');
    expect(decideAccess(byId, limited, about([chain.town], { indicators: ['POP'] }), 'PATCH')).toBe(
      'forbidden',
    );
    expect(decideAccess(byId, limited, about([chain.town]), 'POST')).toBe('forbidden');
    // Reading is not limited.
    expect(decideAccess({ ...byId, role: 'viewer' }, limited, about([chain.town]), 'GET')).toBe('allow');
  });
});

describe('readValuesAt', () => {
  it('tells values from places left out, nulls and things that name nothing', () => {
    expect(readValuesAt({ values: [{ unit: '381' }, {}] }, 'values[].unit')).toEqual({
      values: ['381'],
      absent: true,
      nulls: false,
      unreadable: false,
    });
    expect(readValuesAt({ parent: null }, 'parent')).toMatchObject({ values: [], nulls: true });
    expect(readValuesAt({ unit: { code: '381' } }, 'unit')).toMatchObject({ values: [], unreadable: true });
    expect(readValuesAt({ values: 'no' }, 'values[].unit')).toMatchObject({ values: [], unreadable: true });
    expect(readValuesAt(undefined, 'unit')).toMatchObject({ values: [], absent: true });
    expect(readValuesAt({ id: 281 }, 'id').values).toEqual(['281']);
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
