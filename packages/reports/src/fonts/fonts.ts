/**
 * The fonts bundled in packages/reports/fonts (Liberation, SIL OFL 1.1; see LICENSE.txt there).
 * Charts and the pdfmake fallback use only these, so Vietnamese diacritics render the same on
 * every machine whatever is installed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// src/fonts/ and dist/fonts/ are both two levels below the package root.
const FONT_DIR = fileURLToPath(new URL('../../fonts/', import.meta.url));

export const CHART_FONT_FAMILY = 'Liberation Sans';
export const SERIF_FONT_FAMILY = 'Liberation Serif';

export const FONT_FILES = {
  sansRegular: `${FONT_DIR}LiberationSans-Regular.ttf`,
  sansBold: `${FONT_DIR}LiberationSans-Bold.ttf`,
  serifRegular: `${FONT_DIR}LiberationSerif-Regular.ttf`,
  serifBold: `${FONT_DIR}LiberationSerif-Bold.ttf`,
  serifItalic: `${FONT_DIR}LiberationSerif-Italic.ttf`,
  serifBoldItalic: `${FONT_DIR}LiberationSerif-BoldItalic.ttf`,
} as const;

export type FontName = keyof typeof FONT_FILES;

const cache = new Map<FontName, Buffer>();

/** A bundled font's bytes, read once per process. */
export function fontBytes(name: FontName): Buffer {
  let b = cache.get(name);
  if (!b) {
    b = readFileSync(FONT_FILES[name]);
    cache.set(name, b);
  }
  return b;
}
