import { describe, expect, it } from 'vitest';
import type { Reason } from '../evaluation-types.js';
import { achievedWord, bandLabel, forecastClassLabel, reasonText, sdgStatusLabel } from './messages.js';

describe('reasonText', () => {
  it('Given no baseline for 2020, When worded, Then Vietnamese by default and English on request', () => {
    const r: Reason = { code: 'no-baseline', params: { year: 2020 } };
    expect(reasonText(r)).toBe('không có số liệu năm gốc 2020');
    expect(reasonText(r, 'en')).toBe('no baseline value for 2020');
  });
  it('Given every reason code, When worded in both languages, Then a non-empty sentence without placeholders', () => {
    const codes: Reason['code'][] = [
      'no-indicator',
      'no-target-value',
      'no-actual',
      'no-baseline',
      'zero-divisor',
      'no-elapsed-years',
      'too-few-points',
      'sign-mismatch',
      'not-computable',
    ];
    const params = { year: 2020, latestYear: 2023, indicator: 'GO', count: 1 };
    for (const code of codes) {
      for (const lang of ['vi', 'en'] as const) {
        const text = reasonText({ code, params }, lang);
        expect(text.length).toBeGreaterThan(5);
        expect(text).not.toMatch(/undefined|NaN|\?|\[object/);
      }
    }
  });
  it('Given a sign mismatch between 2020 and 2023, When worded, Then both years appear', () => {
    expect(reasonText({ code: 'sign-mismatch', params: { year: 2020, latestYear: 2023 } })).toBe(
      'số liệu năm 2020 và năm 2023 trái dấu, không tính được tốc độ tăng',
    );
  });
});

describe('labels', () => {
  it('Given the forecast classes, When labelled, Then the GLOSSARY words', () => {
    expect(forecastClassLabel('exceed')).toBe('vượt kế hoạch');
    expect(forecastClassLabel('complete')).toBe('hoàn thành kế hoạch');
    expect(forecastClassLabel('at-risk')).toBe('phải nỗ lực, phấn đấu rất cao mới có thể hoàn thành');
    expect(forecastClassLabel('at-risk', 'en')).toBe('needs very high effort to complete');
  });
  it('Given the default bands, When labelled, Then the GLOSSARY band wording', () => {
    expect([0, 1, 2].map((i) => bandLabel(i, [80, 50]))).toEqual([
      'đạt từ 80 % trở lên',
      'đạt từ 50 % đến dưới 80 %',
      'dưới 50 %',
    ]);
    expect([0, 1, 2].map((i) => bandLabel(i, [80, 50], 'en'))).toEqual([
      '80% or more',
      '50% to under 80%',
      'under 50%',
    ]);
  });
  it('Given a decimal edge, When labelled in Vietnamese, Then a decimal comma', () => {
    expect(bandLabel(0, [62.5])).toBe('đạt từ 62,5 % trở lên');
  });
  it("Given the plan's own labels, When labelled, Then they win, English falling back to Vietnamese", () => {
    const labels = [{ vi: 'Hoàn thành', en: 'Met' }, { vi: 'Khá' }];
    expect(bandLabel(0, [100], 'en', labels)).toBe('Met');
    expect(bandLabel(1, [100], 'en', labels)).toBe('Khá');
  });
  it('Given SDG statuses and the estimate flag, When worded, Then vi and en', () => {
    expect(sdgStatusLabel('deterioration')).toBe('thụt lùi');
    expect(sdgStatusLabel('target-achieved', 'en')).toBe('target achieved');
    expect(achievedWord(true)).toBe('ước đạt');
    expect(achievedWord(false)).toBe('đạt');
  });
});
