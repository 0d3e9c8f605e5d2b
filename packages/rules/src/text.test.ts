import { describe, expect, it } from 'vitest';
import { message } from './messages.js';
import { formatPath } from './problem.js';
import { CODE_FIELDS, normalizeText, textProblems } from './text.js';

const located = (doc: unknown, options?: Parameters<typeof textProblems>[2]) =>
  textProblems(doc, [], options).map((p) => [formatPath(p.path), p.code, p.params?.char ?? null]);

describe('textProblems', () => {
  it('refuses NUL anywhere, control characters in codes and keys, lets free text keep tabs and line breaks, in document order', () => {
    expect(
      located({
        name: 'Xã\tA\r\nB',
        note: 'a\u0000b',
        code: 'X\u0085',
        units: ['A', 'B\u001f'],
        'k\u0007': 1,
        nested: [{ deeper: { text: 'bell \u0007 in text', unit: 'U\n' } }],
      }),
    ).toEqual([
      ['note', 'nul-char', null],
      ['code', 'control-char', 'U+0085'],
      ['units[1]', 'control-char', 'U+001F'],
      ['k\\u0007', 'control-char', 'U+0007'],
      ['nested[0].deeper.text', 'control-char', 'U+0007'],
      ['nested[0].deeper.unit', 'control-char', 'U+000A'],
    ]);
  });

  it('knows the codes of plan files and of API bodies alike', () => {
    for (const key of [
      'code',
      'unit',
      'indicator',
      'parent',
      'weight',
      'targets',
      'from',
      'to',
      'username',
      'level',
    ])
      expect(CODE_FIELDS.has(key), key).toBe(true);
    expect(located({ from: ['A', 'B\t'], targets: ['T\n'], title: 'a\tb' })).toEqual([
      ['from[1]', 'control-char', 'U+0009'],
      ['targets[0]', 'control-char', 'U+000A'],
    ]);
    // A list of objects under a code key holds records, whose own keys decide.
    expect(located({ targets: [{ indicator: 'I', note: 'a\tb' }] })).toEqual([]);
  });

  it('refuses mojibake in free text, codes and keys', () => {
    expect(located({ name: 'Thanh HÃ³a', 'Ä‘x': 1 }).map(([path, code]) => [path, code])).toEqual([
      ['name', 'mojibake'],
      ['Ä‘x', 'mojibake'],
    ]);
    expect(textProblems({ note: 'Thanh Hóa, Hòa Bình' })).toEqual([]);
  });

  it('treats every string as a code when asked (URL path and query values), and prefixes the path', () => {
    expect(textProblems({ q: 'a\tb' }, ['querystring'], { allCodes: true })).toEqual([
      { path: ['querystring', 'q'], code: 'control-char', params: { char: 'U+0009' } },
    ]);
    expect(textProblems({ q: 'a\tb' }, ['querystring'])).toEqual([]);
    expect(textProblems('a\u0000', ['body'])).toEqual([{ path: ['body'], code: 'nul-char' }]);
  });

  it('walks a document nested 100.000 deep without overflowing the stack, and stops at the limit', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { a: deep };
    const found = textProblems(deep);
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toHaveLength(100_000);
    expect(found[0]?.code).toBe('nul-char');
    const many = Array.from({ length: 1_000 }, () => '\u0000');
    expect(textProblems(many)).toHaveLength(1_000);
    expect(textProblems(many, [], { limit: 3 })).toHaveLength(3);
    expect(textProblems({ 'a\u0000': 'b\u0000' }, [], { limit: 1 })).toHaveLength(1);
  });

  it('says what in Vietnamese and English through the rules’ messages', () => {
    const [bell] = textProblems({ note: 'a\u0007' });
    if (!bell) throw new Error('not found');
    expect(message(bell.code, bell.params ?? {}, 'en')).toBe(
      'The text holds the control character U+0007; remove it.',
    );
    expect(message(bell.code, bell.params ?? {}, 'vi')).toBe(
      'Có ký tự điều khiển U+0007 trong nội dung; hãy xóa nó.',
    );
  });
});

describe('normalizeText', () => {
  it('puts strings and keys in NFC, copying only the branches that change', () => {
    const same = { a: ['x', { b: 'Hòa' }], n: 1, t: true, z: null };
    expect(normalizeText(same)).toBe(same);
    const doc = { keep: { b: 'y' }, list: ['x', 'Ho\u0300a'], 'Ho\u0300a': 2, after: 'z' };
    const out = normalizeText(doc);
    expect(out).toEqual({ keep: { b: 'y' }, list: ['x', 'Hòa'], Hòa: 2, after: 'z' });
    expect(Object.keys(out)).toEqual(['keep', 'list', 'Hòa', 'after']);
    expect(out.keep).toBe(doc.keep);
    expect(doc.list[1]).toBe('Ho\u0300a');
    expect(normalizeText('Ho\u0300a')).toBe('Hòa');
  });

  it('keeps a `__proto__` key a key, not a prototype', () => {
    const doc = JSON.parse('{"Ho\u0300a": 1, "__proto__": {"polluted": true}}');
    const out = normalizeText(doc) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['Hòa', '__proto__']);
  });

  it('normalizes a document nested 100.000 deep without overflowing the stack', () => {
    let deep: unknown = 'Ho\u0300a';
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { a: deep };
    let x = normalizeText(deep);
    for (let i = 0; i < 100_000; i++) x = i % 2 ? (x as { a: unknown }).a : (x as unknown[])[0];
    expect(x).toBe('Hòa');
  });
});

describe('secrets', () => {
  it('are judged for NUL only and never normalized: a password must match byte for byte', () => {
    const body = { username: 'a', password: 'Ã©\u0007Ho\u0300a' };
    expect(textProblems(body)).toEqual([]);
    expect(normalizeText(body)).toBe(body);
    expect(located({ password: 'a\u0000' })).toEqual([['password', 'nul-char', null]]);
  });
});

describe('formatPath', () => {
  it('shows a control character in a key escaped', () => {
    expect(formatPath(['body', 'a\u0001', 0, 'b'])).toBe('body.a\\u0001[0].b');
  });
});
