import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchKey, searchKeyTranslation } from './search-key.js';

const { from, to } = searchKeyTranslation();
const map = new Map([...from].map((ch, i) => [ch, to[i] ?? '']));

/** What SQL's translate(lower(text), from, to) and the whitespace clean-up compute. */
function translated(text: string): string {
  return [...text.toLowerCase()]
    .map((ch) => map.get(ch) ?? ch)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('searchKey', () => {
  it('gives the same key for a name with or without accents, in any case', () => {
    const keys = ['an phu', 'AN PHÚ', 'An Phú', 'an phú', 'An Phú'.normalize('NFD'), ' an  phu '].map(
      searchKey,
    );
    expect(new Set(keys)).toEqual(new Set(['an phu']));
  });

  it('reads đ as d and keeps every other letter', () => {
    expect(searchKey('Đường Đông Hà')).toBe('duong dong ha');
    expect(searchKey('GO_NN 2025')).toBe('go_nn 2025');
  });

  it('is what the SQL translation computes, one character at a time', () => {
    const vietnamese =
      'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ';
    const letters = [...vietnamese, ...vietnamese.toUpperCase(), ' ', '-', '1', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 30 }), (chars) => {
        const text = chars.join('');
        expect(translated(text)).toBe(searchKey(text));
        expect(translated(text.normalize('NFD'))).toBe(searchKey(text));
      }),
    );
  });
});
