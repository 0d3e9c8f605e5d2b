import { describe, expect, it } from 'vitest';
import { describeControlCharacter, findControlCharacters, formatControlPath } from './control-characters.js';

describe('findControlCharacters', () => {
  it('refuses NUL anywhere, control characters in codes and keys, and lets free text keep tabs and line breaks', () => {
    const found = findControlCharacters({
      name: 'Xã\tA\r\nB',
      note: 'a\u0000b',
      code: 'X\u0085',
      units: ['A', 'B\u001f'],
      'k\u0007': 1,
      nested: [{ deeper: { text: '\u0001 in text is not refused here', unit: 'U\n' } }],
    });
    expect(found.map((f) => [formatControlPath(f.path), f.character, f.inKey])).toEqual([
      ['note', 'U+0000', false],
      ['code', 'U+0085', false],
      ['units[1]', 'U+001F', false],
      ['k\\u0007', 'U+0007', true],
      ['nested[0].deeper.unit', 'U+000A', false],
    ]);
  });

  it('treats every string as a code when asked (URL path and query values)', () => {
    expect(findControlCharacters({ q: 'a\tb' }, { allCodes: true })).toHaveLength(1);
    expect(findControlCharacters({ q: 'a\tb' })).toHaveLength(0);
  });

  it('walks a document nested 100.000 deep without overflowing the stack, and stops at the limit', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const found = findControlCharacters(deep);
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toHaveLength(100_000);
    const many = Array.from({ length: 1_000 }, () => '\u0000');
    expect(findControlCharacters(many)).toHaveLength(20);
    expect(findControlCharacters(many, { limit: 3 })).toHaveLength(3);
  });

  it('says what and where in Vietnamese and English', () => {
    const [nul] = findControlCharacters({ note: 'ab\u0000' });
    if (!nul) throw new Error('not found');
    expect(describeControlCharacter(nul, 'vi')).toBe(
      'Chứa ký tự NUL (U+0000) ở vị trí 3, ký tự này không bao giờ được phép.',
    );
    expect(describeControlCharacter(nul, 'en')).toBe(
      'Contains the NUL character (U+0000) at position 3, which is never allowed.',
    );
    const [tab] = findControlCharacters({ code: 'A\t' });
    if (!tab) throw new Error('not found');
    expect(describeControlCharacter(tab, 'en')).toMatch(
      /^The code contains the control character U\+0009 at position 2/,
    );
  });
});
