import { describe, expect, it } from 'vitest';
import { type KindSpec, measureAchievement, seriesOf } from '../achievement/measure.js';
import type { ForecastClass, TrendModel } from '../model.js';
import { effortOf } from './effort.js';
import {
  DEFAULT_FORECAST_THRESHOLDS,
  type ForecastResult,
  forecastClass,
  forecastTarget,
  forecastThresholds,
} from './forecast.js';
import { clampToBounds, leastSquaresSlope, projectPath, trendStep } from './trend.js';

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

/** Forecast as evaluatePlan does: measure at t = the latest year, then project. */
function forecast(
  s: KindSpec,
  values: Record<number, number>,
  opts: {
    plan?: Record<number, number>;
    trend?: TrendModel;
    bounds?: [number | null, number | null];
    expected?: ForecastClass;
  } = {},
): ForecastResult {
  const data = series(values);
  const years = [...data.keys()];
  const t = years.length ? years.reduce((a, b) => Math.max(a, b)) : null;
  return forecastTarget({
    spec: s,
    series: data,
    measurement: measureAchievement(s, data, t),
    plan: (y) => opts.plan?.[y] ?? null,
    trend: opts.trend ?? 'compound',
    bounds: opts.bounds ?? null,
    expected: opts.expected ?? null,
    thresholds: DEFAULT_FORECAST_THRESHOLDS,
  });
}

describe('trend models', () => {
  it('Given 3 points, When fitting a line, Then the least-squares slope', () => {
    expect(
      leastSquaresSlope([
        [2020, 10],
        [2021, 12],
        [2022, 13],
      ]),
    ).toEqual({ ok: true, value: 1.5 });
  });
  it('Given two points, When fitting a line, Then (v_t − v_f)/(t − f)', () => {
    expect(
      leastSquaresSlope([
        [2020, 10],
        [2023, 16],
      ]),
    ).toEqual({ ok: true, value: 2 });
  });
  it('Given one point, When fitting, Then too-few-points', () => {
    expect(leastSquaresSlope([[2020, 10]])).toMatchObject({ ok: false, reason: { code: 'too-few-points' } });
  });
  it('Given a compound trend 100 → 121 over 2 years, When stepping, Then +10 % a year', () => {
    const step = trendStep('compound', series({ 2020: 100, 2022: 121 }));
    expect(step.ok && step.value(121)).toBeCloseTo(133.1, 10);
  });
  it('Given a compound trend from a zero first value, When stepping, Then the linear slope is used instead', () => {
    const step = trendStep('compound', series({ 2020: 0, 2022: 4 }));
    expect(step.ok && step.value(4)).toBe(6);
  });
  it('Given bounds, When clamping, Then open sides stay open', () => {
    expect(clampToBounds(104.2, [0, 100])).toBe(100);
    expect(clampToBounds(-3, [0, null])).toBe(0);
    expect(clampToBounds(1e9, [0, null])).toBe(1e9);
    expect(clampToBounds(-3, null)).toBe(-3);
  });
  it('Given a plan value for 2024, When projecting, Then it is used and the trend continues from it', () => {
    expect(
      projectPath({
        from: 2023,
        to: 2025,
        start: 130,
        step: (v) => v + 10,
        plan: (y) => (y === 2024 ? 150 : null),
      }),
    ).toEqual([
      { year: 2024, value: 150, source: 'plan' },
      { year: 2025, value: 160, source: 'trend' },
    ]);
  });
});

describe('forecastClass', () => {
  it('Given the default thresholds, When classifying rounded P, Then exceed ≥ 105, complete ≥ 100, else at-risk', () => {
    const th = DEFAULT_FORECAST_THRESHOLDS;
    expect([105, 104.9, 100, 99.9].map((p) => forecastClass(p, th))).toEqual([
      'exceed',
      'complete',
      'complete',
      'at-risk',
    ]);
  });
  it('Given a plan with exceed 110, When filled in, Then complete keeps its default', () => {
    expect(forecastThresholds({ exceed: 110 })).toEqual({ exceed: 110, complete: 100 });
    expect(forecastClass(107, forecastThresholds({ exceed: 110 }))).toBe('complete');
  });
});

describe('forecastTarget', () => {
  it('Given t = T, When forecasting, Then P = A and nothing is projected', () => {
    const f = forecast(spec({ goal: 200 }), { 2020: 100, 2025: 190 });
    expect(f).toMatchObject({
      value: null,
      achievement: 0.95,
      achievementPercent: 95,
      class: 'at-risk',
      path: [],
    });
  });
  it('Given one actual point before T, When forecasting, Then too-few-points', () => {
    const f = forecast(spec({ goal: 200 }), { 2023: 150 });
    expect(f).toMatchObject({
      class: 'insufficient-data',
      reason: { code: 'too-few-points', params: { count: 1 } },
    });
  });
  it('Given "đạt 200" and 100 → 150 over 2020–2023, When forecasting with compound trend, Then v̂_2025 = 196,6 and at-risk (98,3 %)', () => {
    const f = forecast(spec({ goal: 200 }), { 2020: 100, 2023: 150 });
    expect(f.value).toBeCloseTo(196.5556, 3);
    expect(f.achievementPercent).toBe(98.3);
    expect(f.class).toBe('at-risk');
    expect(f.path.map((p) => p.source)).toEqual(['trend', 'trend']);
  });
  it('Given the annual plan says 180 for 2024, When forecasting, Then the plan value is used first (103,0 %, complete)', () => {
    const f = forecast(spec({ goal: 200 }), { 2020: 100, 2023: 150 }, { plan: { 2024: 180 } });
    expect(f.path[0]).toEqual({ year: 2024, value: 180, source: 'plan' });
    expect(f.achievementPercent).toBe(103);
    expect(f.class).toBe('complete');
  });
  it('Given a percent indicator rising 3 points a year, When forecasting linearly, Then clamped to 100', () => {
    const f = forecast(
      spec({ goal: 98 }),
      { 2020: 90, 2021: 94, 2022: 97, 2023: 99 },
      { trend: 'linear', bounds: [0, 100] },
    );
    expect(f.path).toEqual([
      { year: 2024, value: 100, source: 'trend' },
      { year: 2025, value: 100, source: 'trend' },
    ]);
    expect(f.achievementPercent).toBe(102);
    expect(f.class).toBe('complete');
  });
  it('Given avg-growth from levels and no plan values, When forecasting, Then P = A (the pace continues)', () => {
    const s = spec({ kind: 'avg-growth', goal: 15 });
    const f = forecast(s, { 2020: 100, 2023: 135.6939710911 });
    expect(f.achievementPercent).toBe(71.4);
    expect(f.value).toBeCloseTo(100 * 1.1071 ** 5, 6);
    expect(f.actual).toBeCloseTo(10.71, 8); // g over 2021–2025, in percent
  });
  it('Given yearly rates 6 and 7 % and a planned 8 % for 2025, When forecasting, Then future rates are the average 6,50 % then 8 %', () => {
    const s = spec({ kind: 'avg-growth', goal: 6.5, input: 'rates' });
    const f = forecast(s, { 2021: 6, 2022: 7 }, { plan: { 2025: 8 } });
    expect(f.path.map((p) => [p.year, Number(p.value.toFixed(4)), p.source])).toEqual([
      [2023, 6.4988, 'trend'],
      [2024, 6.4988, 'trend'],
      [2025, 8, 'plan'],
    ]);
    expect(f.value).toBeNull();
    expect(f.achievementPercent).toBe(104.6);
    expect(f.class).toBe('complete');
  });
  it('Given one yearly rate, When forecasting, Then enough (a rate is two levels’ worth)', () => {
    const s = spec({ kind: 'avg-growth', goal: 6, input: 'rates' });
    expect(forecast(s, { 2021: 7 }).class).toBe('exceed');
  });
  it('Given a cumulative 1000 with 550 by 2023, When forecasting, Then S_T = 920,5 and at-risk', () => {
    const f = forecast(spec({ kind: 'cumulative', goal: 1000 }), {
      2020: 170,
      2021: 180,
      2022: 190,
      2023: 180,
    });
    expect(f.achievement).toBeCloseTo(0.92045, 4);
    expect(f.actual).toBeCloseTo(920.4538, 3); // S_T, the figure a report calls "ước cả giai đoạn"
    expect(f.class).toBe('at-risk');
  });
  it('Given an annual target met so far with a flat trend, When forecasting, Then complete', () => {
    const f = forecast(
      spec({ kind: 'annual', goal: 100 }),
      { 2021: 100, 2022: 100, 2023: 100 },
      { trend: 'linear' },
    );
    expect(f.achievementPercent).toBe(100);
  });
  it('Given "giảm 1 điểm %/năm" and a steady fall of 1,2 points, When forecasting linearly, Then exceed (120 %)', () => {
    const f = forecast(
      spec({ kind: 'change', d: -1, goal: 1 }),
      { 2020: 6, 2021: 4.8, 2022: 3.6 },
      { trend: 'linear', bounds: [0, 100] },
    );
    expect(f.achievementPercent).toBe(120);
    expect(f.class).toBe('exceed');
  });
  it('Given a milestone with the user’s expected class, When forecasting, Then that class and no P', () => {
    const f = forecast(spec({ kind: 'milestone' }), { 2023: 60 }, { expected: 'complete' });
    expect(f).toMatchObject({ class: 'complete', achievementPercent: null });
  });
  it('Given a milestone without expected, When forecasting, Then insufficient-data', () => {
    expect(forecast(spec({ kind: 'milestone' }), { 2023: 60 }).class).toBe('insufficient-data');
  });
  it('Given a milestone already done, When forecasting, Then complete', () => {
    expect(forecast(spec({ kind: 'milestone' }), { 2022: 100 })).toMatchObject({
      class: 'complete',
      achievementPercent: 100,
    });
  });
  it('Given an insufficient measurement, When forecasting, Then the same reason', () => {
    const f = forecast(spec({ kind: 'avg-growth', goal: 5 }), { 2022: 5, 2023: 6 });
    expect(f).toMatchObject({ class: 'insufficient-data', reason: { code: 'no-baseline' } });
  });
});

describe('effortOf', () => {
  const effort = (s: KindSpec, values: Record<number, number>) => {
    const data = series(values);
    const m = measureAchievement(
      s,
      data,
      [...data.keys()].reduce((a, b) => Math.max(a, b)),
    );
    if (!m.ok) throw new Error(m.reason.code);
    return effortOf(s, data, m.value);
  };
  it('Given avg-growth 15 % with 10,71 % so far, When asked, Then 21,75 % a year is needed', () => {
    expect(effort(spec({ kind: 'avg-growth', goal: 15 }), { 2020: 100, 2023: 135.6939710911 })).toEqual({
      kind: 'growth',
      requiredPerYear: 21.75,
      achievedPerYear: 10.71,
      remainingYears: 2,
    });
  });
  it('Given a cumulative 1000 with 550 after 3 years, When asked, Then 225 a year remains (183,3 so far)', () => {
    const e = effort(spec({ kind: 'cumulative', goal: 1000 }), { 2021: 180, 2022: 190, 2023: 180 });
    expect(e).toMatchObject({ kind: 'remaining-total', requiredPerYear: 225, remainingYears: 2 });
    expect(e.achievedPerYear).toBeCloseTo(183.333, 3);
  });
  it('Given "giảm 1 điểm/năm" with 0,9 so far, When asked, Then 1,15 points a year are needed', () => {
    const e = effort(spec({ kind: 'change', d: -1, goal: 1 }), { 2020: 5, 2023: 2.3 });
    expect(e.kind).toBe('change');
    expect(e.requiredPerYear).toBeCloseTo(1.15, 12);
    expect(e.achievedPerYear).toBeCloseTo(0.9, 12);
  });
  it('Given "mỗi năm 2.000" with a mean of 1.933 over 3 years, When asked, Then 2.100 a year', () => {
    const e = effort(spec({ kind: 'annual', goal: 2000 }), { 2021: 1800, 2022: 2100, 2023: 1900 });
    expect(e).toMatchObject({ kind: 'annual', requiredPerYear: 2100 });
  });
  it('Given "đạt 200" at 150 after rising 50 in 3 years, When asked, Then +25 a year against +16,7 so far', () => {
    const e = effort(spec({ goal: 200 }), { 2020: 100, 2023: 150 });
    expect(e).toMatchObject({ kind: 'level', requiredPerYear: 25, remainingYears: 2 });
    expect(e.achievedPerYear).toBeCloseTo(16.667, 3);
  });
  it('Given t = T, When asked, Then nothing is required', () => {
    expect(effort(spec({ goal: 200 }), { 2020: 100, 2025: 150 })).toMatchObject({
      requiredPerYear: null,
      remainingYears: 0,
    });
  });
});
