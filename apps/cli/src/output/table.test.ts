import { describe, expect, it } from 'vitest';
import { displayWidth, renderTable, truncate } from './table.js';

describe('displayWidth', () => {
  it('counts Vietnamese letters once whether precomposed or combined, and CJK twice', () => {
    expect(displayWidth('Kinh tế')).toBe(7);
    expect(displayWidth('Kinh tế'.normalize('NFD'))).toBe(7);
    expect(displayWidth('Quốc phòng - an ninh')).toBe(20);
    expect(displayWidth('中文')).toBe(4);
  });

  it('truncates by columns with an ellipsis', () => {
    expect(truncate('Tốc độ tăng giá trị sản xuất', 10)).toBe('Tốc độ tă…');
    expect(truncate('ngắn', 10)).toBe('ngắn');
  });
});

describe('renderTable', () => {
  it('aligns columns by display width, right-aligning numbers', () => {
    const nfd = 'Xây dựng Đảng'.normalize('NFD');
    const out = renderTable(
      [{ heading: 'Mã' }, { heading: 'Chỉ tiêu' }, { heading: '% mục tiêu', align: 'right' }],
      [{ section: '▸ Kinh tế' }, ['1', 'Giá trị sản xuất', '71,4 %'], ['30', nfd, '100,1 %']],
    );
    const lines = out.split('\n');
    expect(lines).toEqual([
      'Mã  Chỉ tiêu          % mục tiêu',
      '──  ────────────────  ──────────',
      '▸ Kinh tế',
      '1   Giá trị sản xuất      71,4 %',
      `30  ${nfd}${' '.repeat(3 + 2 + 3)}100,1 %`,
    ]);
    // Every row ends in the same column.
    expect(new Set([lines[0], lines[3], lines[4]].map((l) => displayWidth(l ?? ''))).size).toBe(1);
  });
});
