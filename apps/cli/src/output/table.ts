/**
 * Plain-text tables for the terminal, aligned by display width: Vietnamese letters typed as a base
 * letter plus combining marks (NFD) take one column, and CJK/fullwidth characters take two.
 */

const COMBINING = /\p{M}/u;

/** East Asian Wide and Fullwidth ranges (the common blocks), which a terminal draws two columns wide. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/**
 * Columns a string takes in a terminal.
 *
 * @example displayWidth('Kinh tế')                  // 7
 * @example displayWidth('Kinh te\u0302\u0301')      // 7 (the same word typed with combining marks)
 * @example displayWidth('中文')                     // 4
 */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    if (COMBINING.test(ch)) continue;
    width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  }
  return width;
}

/** Cut a string to at most `max` columns, ending with "…" when cut. */
export function truncate(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  let width = 0;
  for (const ch of s.normalize('NFC')) {
    const w = COMBINING.test(ch) ? 0 : isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return `${out}…`;
}

export type Align = 'left' | 'right';

function pad(s: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'right' ? fill + s : s + fill;
}

export interface TableColumn {
  heading: string;
  align?: Align;
  /** Longest text shown; longer cells end with "…". */
  max?: number;
}

/** A row of cells, or a section line spanning the table (e.g. a target group "Kinh tế"). */
export type TableRow = string[] | { section: string };

/**
 * Render rows under headings with a rule under the headings; columns are separated by two spaces.
 *
 * @example
 * renderTable([{ heading: 'Mã' }, { heading: '% mục tiêu', align: 'right' }], [['1', '71,4 %']])
 * // "Mã  % mục tiêu\n──  ──────────\n1       71,4 %"
 */
export function renderTable(columns: TableColumn[], rows: TableRow[]): string {
  const cells = rows.map((r) =>
    Array.isArray(r) ? columns.map((c, i) => (c.max ? truncate(r[i] ?? '', c.max) : (r[i] ?? ''))) : r,
  );
  const widths = columns.map((c, i) =>
    Math.max(displayWidth(c.heading), ...cells.map((r) => (Array.isArray(r) ? displayWidth(r[i] ?? '') : 0))),
  );
  const line = (r: string[]) =>
    r
      .map((cell, i) => pad(cell, widths[i] ?? 0, columns[i]?.align ?? 'left'))
      .join('  ')
      .trimEnd();
  const out = [line(columns.map((c) => c.heading)), widths.map((w) => '─'.repeat(w)).join('  ')];
  for (const r of cells) out.push(Array.isArray(r) ? line(r) : r.section);
  return out.join('\n');
}
