import { describe, expect, it } from 'vitest';
import {
  checkTarget,
  checkTermYear,
  checkValue,
  closestKey,
  effectiveBounds,
  figureSetWarnings,
  message,
  normalizeText,
  planFileSchema,
  plausibleYears,
  problemsFromZod,
  targetSchema,
  textProblems,
  unknownKeyProblems,
  valueSchema,
  valueWarnings,
  WARNING_CODES,
} from './index.js';

const codes = (ps: { code: string }[]) => ps.map((p) => p.code).sort();

describe('unknown keys', () => {
  it('suggest the closest valid key when it is a likely typo, and none otherwise', () => {
    expect(closestKey('stauts', ['status', 'source', 'note'])).toBe('status');
    expect(closestKey('Value', ['value', 'year'])).toBe('value');
    expect(closestKey('baselineYaer', ['baselineYear', 'targetYear'])).toBe('baselineYear');
    expect(closestKey('colour', ['status', 'source', 'note'])).toBeUndefined();
  });

  it('are refused by every record schema, naming the key and its closest valid one', () => {
    const input = { indicator: 'GO', unit: '502', year: 2023, value: 1, stauts: 'estimate' };
    const r = valueSchema.safeParse(input);
    expect(r.success).toBe(false);
    if (r.success) return;
    const [p] = problemsFromZod(r.error, input, valueSchema);
    expect(p).toMatchObject({ path: ['stauts'], code: 'unknown-key', params: { suggestion: 'status' } });
    expect(message(p?.code ?? 'invalid', p?.params ?? {}, 'vi')).toBe(
      '`stauts`: không có trường này; có phải `status`?',
    );
  });

  it('find the valid keys deep in a document', () => {
    const doc = { format: 'chitieu.plan/1', plans: [{ code: 'P', targets: [{ kidn: 'level' }] }] };
    const r = planFileSchema.safeParse(doc);
    if (r.success) throw new Error('accepted');
    const p = problemsFromZod(r.error, doc, planFileSchema).find((x) => x.code === 'unknown-key');
    expect(p).toMatchObject({ path: ['plans', 0, 'targets', 0, 'kidn'], params: { suggestion: 'kind' } });
  });

  it('are found in a plain object by unknownKeyProblems, for bodies checked without a schema', () => {
    expect(unknownKeyProblems({ value: 1, stauts: 'x' }, ['value', 'status'], ['body'])).toMatchObject([
      { path: ['body', 'stauts'], params: { suggestion: 'status' } },
    ]);
  });
});

describe('targets', () => {
  it('refuse the fields their kind does not take (the API once accepted this)', () => {
    const t = { kind: 'level', value: 5, low: 1, high: 9, input: 'rates', expected: 'exceed' };
    expect(codes(checkTarget(t))).toEqual([
      'expected-only-milestone',
      'input-only-avg-growth',
      'value-and-range',
    ]);
    expect(targetSchema.safeParse({ ...t, code: '1', text: { vi: 'x' }, indicator: 'X' }).success).toBe(true);
  });

  it('keep a level or annual goal inside the indicator’s bounds, but not a growth goal', () => {
    const share = { code: 'BHYT', unit: '%' };
    expect(checkTarget({ kind: 'level', value: 250 }, { indicator: share })).toMatchObject([
      { path: ['value'], code: 'goal-out-of-bounds', params: { low: 0, high: 100 } },
    ]);
    expect(checkTarget({ kind: 'avg-growth', value: 250 }, { indicator: share })).toEqual([]);
    expect(checkTarget({ kind: 'avg-growth', value: -100 })).toMatchObject([
      { code: 'growth-below-minus-100' },
    ]);
    expect(checkTarget({ kind: 'level', every: true, value: 1 })).toMatchObject([
      { code: 'every-only-annual' },
    ]);
    expect(checkTarget({ kind: 'annual', every: true, value: 1 })).toEqual([]);
  });
});

describe('figures', () => {
  it('respect declared bounds, the % default, and growth rates', () => {
    expect(effectiveBounds({ code: 'X', unit: '%' })).toEqual({ low: 0, high: 100, implied: true });
    expect(effectiveBounds({ code: 'X', unit: '%' }, true)).toBeNull();
    expect(effectiveBounds({ code: 'X', unit: '%', bounds: [null, null] })).toBeNull();
    const fires = { code: 'FIRE', unit: 'vụ', bounds: [0, null] as [number, null] };
    expect(checkValue({ value: -5 }, { indicator: fires })).toMatchObject([
      { path: ['value'], code: 'out-of-bounds', params: { value: -5, low: 0 } },
    ]);
    expect(checkValue({ value: 0 }, { indicator: fires })).toEqual([]);
    expect(
      checkValue({ value: -3.5 }, { indicator: { code: 'G', unit: '%' }, holdsGrowthRates: true }),
    ).toEqual([]);
    const [p] = checkValue({ value: 250 }, { indicator: { code: 'BHYT', unit: '%' } });
    expect(message(p?.code ?? 'invalid', p?.params ?? {}, 'en')).toBe(
      'The value 250 is outside the bounds of indicator BHYT: it must be between 0 and 100 (a % indicator is a share from 0 to 100; if it is a growth rate or may be negative, declare its bounds).',
    );
  });

  it('lie within a term of the plans that concern them', () => {
    const w = plausibleYears([
      { code: 'NQ', baselineYear: 2020, targetYear: 2025 },
      { code: 'KH', baselineYear: 2023, targetYear: 2024 },
    ]);
    expect(w).toEqual({ from: 2015, to: 2030, plans: 'NQ, KH' });
    expect(checkValue({ year: 2099, value: 1 }, { years: w })).toMatchObject([{ code: 'year-implausible' }]);
    expect(checkValue({ year: 2030, value: 1 }, { years: w })).toEqual([]);
    expect(checkValue({ year: 2031, value: 1 }, { years: w })).toMatchObject([{ code: 'year-implausible' }]);
    // History before the term is welcome: the baseline and the trend come from it.
    expect(checkValue({ year: 1995, value: 1 }, { years: w })).toEqual([]);
    expect(checkValue({ year: 2099, value: 1 }, { years: null })).toEqual([]);
    expect(checkTermYear(2020, { code: 'NQ', baselineYear: 2020, targetYear: 2025 })).toMatchObject([
      { code: 'year-outside-term', params: { from: 2021, to: 2025 } },
    ]);
    expect(checkTermYear(2025, { code: 'NQ', baselineYear: 2020, targetYear: 2025 })).toEqual([]);
  });

  it('that look wrong are warnings, kept apart from errors', () => {
    const values = [
      { indicator: 'GO', unit: '502', year: 2022, value: 1750 },
      { indicator: 'GO', unit: '502', year: 2023, value: 18997 },
      { indicator: 'GO', unit: '502', year: 2024, value: 19500 },
    ];
    expect(figureSetWarnings(values)).toMatchObject([
      { index: 1, problem: { code: 'value-jump', params: { previousYear: 2022, previous: 1750 } } },
    ]);
    const w = valueWarnings(
      { value: 16950, status: 'estimate' },
      { sameYear: [{ status: 'official', value: 17136.2 }] },
    );
    expect(w).toMatchObject([{ code: 'estimate-below-official' }]);
    expect(message('estimate-below-official', w[0]?.params ?? {}, 'vi')).toContain(
      'ước thực hiện 16.950 thấp hơn số chính thức 17.136,2',
    );
    expect(w.every((p) => WARNING_CODES.has(p.code))).toBe(true);
  });
});

describe('text', () => {
  it('refuses NUL anywhere, control characters in codes and text, and mojibake', () => {
    const doc = {
      units: [{ code: '5\t0', name: 'Tỉnh\u0007', note: 'a\tb\nc' }],
      values: [{ source: 'x\u0000' }],
      plans: [{ title: { vi: 'Thanh HÃ³a' } }],
    };
    expect(textProblems(doc)).toMatchObject([
      { path: ['units', 0, 'code'], code: 'control-char', params: { char: 'U+0009' } },
      { path: ['units', 0, 'name'], code: 'control-char', params: { char: 'U+0007' } },
      { path: ['values', 0, 'source'], code: 'nul-char' },
      { path: ['plans', 0, 'title', 'vi'], code: 'mojibake' },
    ]);
  });

  it('is normalized to NFC, keys included, without copying what is already normal', () => {
    const ascii = { a: ['x', { b: 'y' }] };
    expect(normalizeText(ascii)).toBe(ascii);
    expect(normalizeText({ 'Ho\u0300a': ['Ho\u0300a'] })).toEqual({ Hòa: ['Hòa'] });
  });
});
