// @vitest-environment jsdom
import '../../i18n';
import type { Ranking } from '@chitieu/core';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n';
import { RankingTable } from './RankingTable';
import { rankingRows } from './ranking-rows';

// antd asks the window for media queries; jsdom has none.
Object.defineProperty(window, 'matchMedia', {
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// Two units tie for second; one has no figure.
const RANKING: Ranking = {
  indicator: 'GO',
  year: 2023,
  by: 'value',
  parent: '50',
  rows: [
    { unit: '501', value: 45210.5, rank: 1, of: 4 },
    { unit: '503', value: 19870, rank: 2, of: 4 },
    { unit: '504', value: 19870, rank: 2, of: 4 },
    { unit: '502', value: 18997.6, rank: 4, of: 4 },
  ],
  unranked: ['513'],
};
const NAMES = new Map([
  ['501', 'Thành phố Nam Sơn'],
  ['502', 'Thị xã An Phú'],
  ['503', 'Thị xã Bắc Sơn'],
  ['504', 'Huyện Tân Lập'],
  ['513', 'Huyện Cẩm Vân'],
]);

describe('<RankingTable> (jsdom)', () => {
  let root: Root | undefined;
  let host: HTMLDivElement;
  afterEach(() => {
    act(() => root?.unmount());
    host?.remove();
    setLanguage('vi');
  });

  function render(lang: 'vi' | 'en') {
    setLanguage(lang);
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    const rows = rankingRows(RANKING, NAMES, { by: 'value', unit: 'tỷ đồng', decimals: 1 }, lang);
    act(() => root?.render(<RankingTable rows={rows} caption="GO 2023" />));
    return [...host.querySelectorAll('tbody tr.ant-table-row')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
  }

  it('shows ties as the core ranks them, unranked units last, values in Vietnamese', () => {
    const rows = render('vi');
    expect(rows).toEqual([
      ['1/4', 'Thành phố Nam Sơn', '45.210,5 tỷ đồng'],
      ['=2/4 (đồng hạng)', 'Thị xã Bắc Sơn', '19.870,0 tỷ đồng'],
      ['=2/4 (đồng hạng)', 'Huyện Tân Lập', '19.870,0 tỷ đồng'],
      ['4/4', 'Thị xã An Phú', '18.997,6 tỷ đồng'],
      ['Chưa xếp hạng', 'Huyện Cẩm Vân', '—'],
    ]);
    expect(host.textContent).toContain('1 đơn vị chưa xếp hạng vì thiếu số liệu');
    expect(host.querySelector('table')?.closest('[aria-label]')?.getAttribute('aria-label')).toBe('GO 2023');
  });

  it('words the same table in English', () => {
    const rows = render('en');
    expect(rows[1]).toEqual(['=2/4 (tied)', 'Thị xã Bắc Sơn', '19,870.0 billion VND']);
    expect(rows[4]?.[0]).toBe('Not ranked');
    expect(host.textContent).not.toMatch(/NaN|undefined|null|\[object Object\]/);
  });
});
