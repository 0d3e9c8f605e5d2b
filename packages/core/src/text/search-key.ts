/**
 * The form of a text that search compares: lower case, without accents or tone marks, đ as d,
 * single spaces. "An Phú", "AN PHÚ", "an phu" and "an phú" all become "an phu", so a search typed
 * without Vietnamese accents (or with them, in any case) finds the same units, plans and indicators.
 * The server and the browser use this one function; PostgreSQL's `chitieu_search_key` (migration
 * 0500_search) is generated from it (`searchKeyTranslation`).
 */

const MARKS = /\p{M}/gu;
const SPACES = /\s+/g;

/**
 * The search form of `text`.
 *
 * @example searchKey('  Thị xã  AN PHÚ ') // 'thi xa an phu'
 * @example searchKey('Đường Hồ Chí Minh') // 'duong ho chi minh'
 */
export function searchKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/đ/g, 'd')
    .replace(SPACES, ' ')
    .trim();
}

/** Latin letters with accents (Latin-1 Supplement … Extended-B, Latin Extended Additional: Vietnamese). */
const LETTER_RANGES: readonly [number, number][] = [
  [0x41, 0x5a],
  [0xc0, 0x24f],
  [0x1e00, 0x1eff],
];
/** Combining marks (a text in decomposed form carries its accents as these). */
const MARK_RANGE: [number, number] = [0x300, 0x36f];

/**
 * The character mapping that gives `searchKey` one character at a time, for SQL's
 * `translate(lower(text), from, to)`: every letter of `from` becomes the letter at the same place in
 * `to`; the combining marks at the end of `from` (beyond `to`'s length) are deleted.
 *
 * @example const { from, to } = searchKeyTranslation(); from.includes('ú') && to[from.indexOf('ú')] === 'u' // true
 */
export function searchKeyTranslation(): { from: string; to: string } {
  let from = '';
  let to = '';
  for (const [first, last] of LETTER_RANGES) {
    for (let code = first; code <= last; code++) {
      const ch = String.fromCodePoint(code);
      const key = searchKey(ch);
      if (key.length === 1 && key !== ch) {
        from += ch;
        to += key;
      }
    }
  }
  for (let code = MARK_RANGE[0]; code <= MARK_RANGE[1]; code++) from += String.fromCodePoint(code);
  return { from, to };
}
