import { describe, expect, it } from 'vitest';
import { achievementPercent, growthPercent } from '../bands/bands.js';
import { type KindSpec, type Measurement, measureAchievement, seriesOf } from './measure.js';
import type { Outcome } from './outcome.js';

const spec = (over: Partial<KindSpec>): KindSpec => ({
  kind: 'level',
  d: 1,
  goal: 100,
  baselineYear: 2020,
  targetYear: 2025,
  input: 'levels',
  ...over,
});
const series = seriesOf;
const value = (o: Outcome<Measurement>): Measurement => {
  if (!o.ok) throw new Error(`expected a value, got ${o.reason.code}`);
  return o.value;
};

describe('level', () => {
  it('Given "đạt 200" and 150 in 2023, When measured, Then A = 75 %', () => {
    const m = value(measureAchievement(spec({ goal: 200 }), series({ 2020: 100, 2023: 150 }), 2023));
    expect(m).toMatchObject({ achievement: 0.75, actual: 150, year: 2023, usedYears: [2023] });
  });
  it('Given "dưới 1 %" (d=−1) and 1,25 %, When measured, Then A = y*/v_t = 80 %', () => {
    expect(
      value(measureAchievement(spec({ d: -1, goal: 1 }), series({ 2023: 1.25 }), 2023)).achievement,
    ).toBe(0.8);
  });
  it('Given a deficit ceiling 500 turned into a surplus −20, When measured, Then met (A = 1)', () => {
    expect(
      value(measureAchievement(spec({ d: -1, goal: 500 }), series({ 2023: -20 }), 2023)).achievement,
    ).toBe(1);
  });
  it('Given "không để xảy ra" (0, d=−1), When 0 cases, Then A = 1; When 3 cases, Then A = 0', () => {
    expect(value(measureAchievement(spec({ d: -1, goal: 0 }), series({ 2023: 0 }), 2023)).achievement).toBe(
      1,
    );
    expect(value(measureAchievement(spec({ d: -1, goal: 0 }), series({ 2023: 3 }), 2023)).achievement).toBe(
      0,
    );
  });
  it('Given only the baseline value (t = b), When measured, Then the level is compared as it stands', () => {
    expect(value(measureAchievement(spec({ goal: 200 }), series({ 2020: 100 }), 2020)).achievement).toBe(0.5);
  });
  it('Given no actual at all, When measured, Then no-actual', () => {
    expect(measureAchievement(spec({}), series({}), null)).toEqual({
      ok: false,
      reason: { code: 'no-actual' },
    });
  });
});

describe('avg-growth', () => {
  const gdp = spec({ kind: 'avg-growth', goal: 15 });
  it('Given g* = 15 % and levels growing 10,71 %/year over 2021–2023, When measured, Then A = 71,4 % and g_req = 21,75 %', () => {
    const m = value(measureAchievement(gdp, series({ 2020: 100, 2023: 135.6939710911 }), 2023));
    expect(achievementPercent(m.achievement)).toBe(71.4);
    expect(m.actual).toBeCloseTo(10.71, 8);
    expect(growthPercent(m.observedGrowth ?? 0)).toBe(10.71);
    expect(growthPercent(m.requiredGrowth ?? 0)).toBe(21.75);
    expect(m.usedYears).toEqual([2020, 2023]);
  });
  it('Given yearly rates 2016–2020 and g* = 6,5 %, When measured from rates, Then g_obs = 5,99 % and A = 92,2 %', () => {
    const s = spec({ kind: 'avg-growth', goal: 6.5, baselineYear: 2015, targetYear: 2020, input: 'rates' });
    const m = value(
      measureAchievement(s, series({ 2016: 6.21, 2017: 6.81, 2018: 7.08, 2019: 7.02, 2020: 2.91 }), 2020),
    );
    expect(growthPercent(m.observedGrowth ?? 0)).toBe(5.99);
    expect(achievementPercent(m.achievement)).toBe(92.2);
    expect(m.requiredGrowth).toBeNull(); // t = T: nothing remains
    expect(m.usedYears).toEqual([2016, 2017, 2018, 2019, 2020]);
  });
  it('Given rates with a year missing, When measured, Then no-actual names the year', () => {
    const s = spec({ kind: 'avg-growth', goal: 6.5, input: 'rates' });
    expect(measureAchievement(s, series({ 2021: 6, 2023: 7 }), 2023)).toEqual({
      ok: false,
      reason: { code: 'no-actual', params: { year: 2022 } },
    });
  });
  it('Given the same growth as levels or as rates, When measured, Then the same A', () => {
    const levels = value(measureAchievement(gdp, series({ 2020: 200, 2021: 212, 2022: 233.2 }), 2022));
    const rates = value(measureAchievement({ ...gdp, input: 'rates' }, series({ 2021: 6, 2022: 10 }), 2022));
    expect(levels.achievement).toBeCloseTo(rates.achievement, 12);
  });
  it('Given a fall 100 → 90 over 2021–2022 against +5 %, When measured, Then negative A = −102,6 %', () => {
    const m = value(
      measureAchievement(spec({ kind: 'avg-growth', goal: 5 }), series({ 2020: 100, 2022: 90 }), 2022),
    );
    expect(achievementPercent(m.achievement)).toBe(-102.6);
  });
  it('Given "giảm bình quân 10 %/năm" (d=−1) entered as 10 or −10, When the level falls 8 %/year, Then A = 80 %', () => {
    for (const goal of [10, -10]) {
      const s = spec({ kind: 'avg-growth', d: -1, goal });
      const m = value(measureAchievement(s, series({ 2020: 10, 2022: 10 * 0.92 * 0.92 }), 2022));
      expect(achievementPercent(m.achievement)).toBe(80);
      expect(m.requiredGrowth).toBeLessThan(-0.1); // still has to fall faster than 10 % a year
    }
  });
  it('Given "giảm bình quân 10 %/năm" (d=−1), When the level rose, Then a negative A', () => {
    const m = value(
      measureAchievement(
        spec({ kind: 'avg-growth', d: -1, goal: 10 }),
        series({ 2020: 10, 2022: 12.1 }),
        2022,
      ),
    );
    expect(achievementPercent(m.achievement)).toBe(-100);
  });
  it('Given no baseline value, When measured, Then no-baseline 2020', () => {
    expect(measureAchievement(gdp, series({ 2022: 5 }), 2022)).toEqual({
      ok: false,
      reason: { code: 'no-baseline', params: { year: 2020 } },
    });
  });
  it('Given a zero baseline, When measured, Then zero-divisor on the baseline', () => {
    expect(measureAchievement(gdp, series({ 2020: 0, 2022: 5 }), 2022)).toEqual({
      ok: false,
      reason: { code: 'zero-divisor', params: { subject: 'baseline', year: 2020 } },
    });
  });
  it('Given t = b, When measured, Then no-elapsed-years', () => {
    expect(measureAchievement(gdp, series({ 2020: 5 }), 2020)).toMatchObject({
      ok: false,
      reason: { code: 'no-elapsed-years' },
    });
  });
  it('Given levels of opposite signs, When measured, Then sign-mismatch with both years', () => {
    expect(measureAchievement(gdp, series({ 2020: -5, 2022: 5 }), 2022)).toEqual({
      ok: false,
      reason: { code: 'sign-mismatch', params: { year: 2020, latestYear: 2022 } },
    });
  });
});

describe('cumulative', () => {
  const s = spec({ kind: 'cumulative', goal: 1000 });
  it('Given 180 + 190 + 180 against 1000 over 2021–2025, When measured at 2023, Then A = 55 % and pace = 91,7 %', () => {
    const m = value(measureAchievement(s, series({ 2020: 170, 2021: 180, 2022: 190, 2023: 180 }), 2023));
    expect(m.achievement).toBeCloseTo(0.55, 12);
    expect(m.actual).toBe(550);
    expect(achievementPercent(m.pace ?? 0)).toBe(91.7);
    expect(m.usedYears).toEqual([2021, 2022, 2023]);
  });
  it('Given a year missing inside the term, When measured, Then no-actual for that year', () => {
    expect(measureAchievement(s, series({ 2021: 180, 2023: 180 }), 2023)).toEqual({
      ok: false,
      reason: { code: 'no-actual', params: { year: 2022 } },
    });
  });
  it('Given only the baseline year, When measured, Then no-elapsed-years', () => {
    expect(measureAchievement(s, series({ 2020: 180 }), 2020).ok).toBe(false);
  });
});

describe('annual', () => {
  it('Given "mỗi năm 2.000 lao động" and 1.800, 2.100, 1.900, When measured, Then A = mean/y* = 96,7 %', () => {
    const m = value(
      measureAchievement(
        spec({ kind: 'annual', goal: 2000 }),
        series({ 2021: 1800, 2022: 2100, 2023: 1900 }),
        2023,
      ),
    );
    expect(m.actual).toBeCloseTo(1933.333, 3);
    expect(achievementPercent(m.achievement)).toBe(96.7);
  });
  it('Given "dưới 1 % mỗi năm" (d=−1) and 1,1; 0,9; 1,0, When measured, Then A = y*/mean = 100 %', () => {
    const m = value(
      measureAchievement(
        spec({ kind: 'annual', d: -1, goal: 1 }),
        series({ 2021: 1.1, 2022: 0.9, 2023: 1 }),
        2023,
      ),
    );
    expect(achievementPercent(m.achievement)).toBe(100);
  });
  it('Given every: true and 18.420, 17.650, 18.105 t against 18.000, When measured, Then the worst year decides: A = 98,1 %', () => {
    const m = value(
      measureAchievement(
        spec({ kind: 'annual', goal: 18000, every: true }),
        series({ 2021: 18420, 2022: 17650, 2023: 18105 }),
        2023,
      ),
    );
    expect(m.actual).toBe(17650);
    expect(m.year).toBe(2023);
    expect(achievementPercent(m.achievement)).toBe(98.1);
  });
  it('Given every: true and "không để xảy ra" (0, d=−1) with one fire in 2022, When measured, Then A = 0', () => {
    const s = spec({ kind: 'annual', d: -1, goal: 0, every: true });
    expect(value(measureAchievement(s, series({ 2021: 0, 2022: 1, 2023: 0 }), 2023)).achievement).toBe(0);
    expect(value(measureAchievement(s, series({ 2021: 0, 2022: 0, 2023: 0 }), 2023)).achievement).toBe(1);
  });
  it('Given every: true and a missing year, When measured, Then insufficient data, not skipped', () => {
    const s = spec({ kind: 'annual', goal: 18000, every: true });
    expect(measureAchievement(s, series({ 2021: 18420, 2023: 18105 }), 2023).ok).toBe(false);
  });
});

describe('change', () => {
  const s = spec({ kind: 'change', d: -1, goal: 1 });
  it('Given "giảm bình quân 1 điểm %/năm" and 5 % → 2,3 % over 3 years, When measured, Then c_obs = 0,9 and A = 90 %', () => {
    const m = value(measureAchievement(s, series({ 2020: 5, 2023: 2.3 }), 2023));
    expect(m.actual).toBeCloseTo(0.9, 12);
    expect(achievementPercent(m.achievement)).toBe(90);
  });
  it('Given the rate rose instead, When measured, Then a negative A', () => {
    expect(value(measureAchievement(s, series({ 2020: 5, 2023: 5.3 }), 2023)).achievement).toBeCloseTo(
      -0.1,
      12,
    );
  });
  it('Given no baseline, When measured, Then no-baseline', () => {
    expect(measureAchievement(s, series({ 2023: 5.3 }), 2023)).toMatchObject({
      ok: false,
      reason: { code: 'no-baseline' },
    });
  });
});

describe('milestone', () => {
  const s = spec({ kind: 'milestone' });
  it('Given progress 60 %, When measured, Then A = 0,6', () => {
    expect(value(measureAchievement(s, series({ 2023: 60 }), 2023))).toMatchObject({
      achievement: 0.6,
      actual: 60,
    });
  });
  it('Given done (100 %) or reported beyond 100, When measured, Then A = 1', () => {
    expect(value(measureAchievement(s, series({ 2023: 100 }), 2023)).achievement).toBe(1);
    expect(value(measureAchievement(s, series({ 2023: 120 }), 2023)).achievement).toBe(1);
  });
  it('Given no progress reported, When measured, Then A = 0 by default', () => {
    expect(value(measureAchievement(s, series({}), null))).toEqual({
      achievement: 0,
      actual: 0,
      year: null,
      usedYears: [],
    });
  });
});

describe('unvalidated input', () => {
  it('Given a kind the methodology does not know, When measured, Then not-computable', () => {
    const s = spec({ kind: 'quarterly' as KindSpec['kind'] });
    expect(measureAchievement(s, series({ 2021: 1, 2022: 2 }), 2022)).toEqual({
      ok: false,
      reason: { code: 'not-computable' },
    });
  });
});

describe('overflow', () => {
  it('Given a ratio that overflows, When measured, Then not-computable instead of Infinity', () => {
    expect(measureAchievement(spec({ goal: 1e-300 }), series({ 2023: 1e300 }), 2023)).toEqual({
      ok: false,
      reason: { code: 'not-computable' },
    });
  });
});
