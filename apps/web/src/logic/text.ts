/**
 * Fold text for searching: lower case, no Vietnamese diacritics, đ → d — so "tang truong" finds
 * "Tăng trưởng".
 *
 * @example foldText('Tăng TRƯỞNG Đô thị') // 'tang truong do thi'
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Every word of the query occurs in the text, accents and case aside. */
export function matchesQuery(text: string, query: string): boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  const hay = foldText(text);
  return words.every((w) => hay.includes(w));
}
