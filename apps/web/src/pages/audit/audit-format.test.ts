import { describe, expect, it } from 'vitest';
import { auditQueryOf, changeLines, formatDateTime } from './audit-format';

describe('audit page helpers', () => {
  it('passes unit, indicator and kind of record to the API as filters of their own', () => {
    expect(
      auditQueryOf({ unit: '502', indicator: 'GO', user: 'lan', entity: 'plan' }, 50, undefined),
    ).toEqual({ unit: '502', indicator: 'GO', entity: 'plan', user: 'lan', limit: 51 });
    expect(auditQueryOf({ unit: '502' }, 50, 120)).toEqual({ unit: '502', limit: 51, before: 120 });
    // An indicator alone is a filter too: its own changes, its figures and targets in every unit.
    expect(auditQueryOf({ indicator: 'GO' }, 50, undefined)).toEqual({ indicator: 'GO', limit: 51 });
    expect(auditQueryOf({ entity: 'user', from: '2026-01-01', to: '2026-02-01' }, 20, undefined)).toEqual({
      entity: 'user',
      from: '2026-01-01',
      to: '2026-02-01',
      limit: 21,
    });
    // The old workaround (figures by id prefix) is gone.
    expect(auditQueryOf({ unit: '502', indicator: 'GO' }, 50, undefined)).not.toHaveProperty('id');
  });

  it('says what changed field by field, in the page language, leaving unchanged fields out', () => {
    expect(
      changeLines(
        { value: 18997.6, status: 'estimate', source: 'Chi cục' },
        { value: 19100, status: 'official', source: 'Chi cục' },
        'vi',
      ),
    ).toEqual(['value: 18.997,6 → 19.100', 'status: estimate → official']);
    expect(changeLines(null, { value: 1234.5, note: null }, 'en')).toEqual(['value: 1,234.5']);
    const words = { field: (k: string) => k.toUpperCase(), value: (_k: string, v: string) => `«${v}»` };
    expect(changeLines({ status: 'plan' }, { status: 'estimate' }, 'vi', words)).toEqual([
      'STATUS: «plan» → «estimate»',
    ]);
  });

  it('never prints null, undefined, NaN or [object Object]', () => {
    const lines = changeLines(
      { a: null, b: { x: 1 }, c: [1, 2], d: Number.NaN, e: true },
      { a: 'x', b: { x: 2 }, c: [1, 3], d: 5, e: false },
      'vi',
    );
    expect(lines.join('\n')).not.toMatch(/null|undefined|NaN|\[object Object\]/);
    expect(lines).toContain('a: — → x');
    expect(lines).toContain('e: có → không');
    expect(changeLines(undefined, undefined, 'vi')).toEqual([]);
  });

  it('formats a time stamp as Vietnamese or English date and time', () => {
    expect(formatDateTime('2026-06-30T07:05:00Z', 'vi', 'UTC')).toMatch(/30\/06\/2026/);
    expect(formatDateTime('2026-06-30T07:05:00Z', 'vi', 'UTC')).toMatch(/07:05/);
    expect(formatDateTime('2026-06-30T07:05:00Z', 'en', 'UTC')).toMatch(/30 Jun 2026/);
    expect(formatDateTime('not a date', 'vi')).toBe('not a date');
  });
});
