import { describe, expect, it } from 'vitest';
import { bandLabel } from './bands.js';

const bands = [
  { minPercent: 80, count: 22 },
  { minPercent: 50, count: 5 },
  { minPercent: null, count: 2 },
];

describe('band labels', () => {
  it('read as phrases on charts and fit a column in the appendix', () => {
    expect([0, 1, 2].map((i) => bandLabel(bands, i, {}, 'vi', 'long'))).toEqual([
      'Đạt từ 80 % trở lên',
      'Đạt từ 50 % đến dưới 80 %',
      'Dưới 50 %',
    ]);
    expect([0, 1, 2].map((i) => bandLabel(bands, i, {}, 'vi', 'short'))).toEqual([
      '≥ 80 %',
      '50 % – < 80 %',
      '< 50 %',
    ]);
  });

  it('follow the English convention in English', () => {
    expect(bandLabel(bands, 0, {}, 'en', 'long')).toBe('80% or more');
    expect(bandLabel(bands, 1, {}, 'en', 'short')).toBe('50% – < 80%');
  });

  it('use the plan’s own labels when it sets them', () => {
    const plan = {
      bandLabels: [{ vi: 'Hoàn thành, vượt', en: 'Met' }, { vi: 'Đạt khá' }, { vi: 'Chưa đạt' }],
    };
    expect(bandLabel(bands, 0, plan, 'en', 'short')).toBe('Met');
    expect(bandLabel(bands, 1, plan, 'en', 'long')).toBe('Đạt khá');
  });
});
