import { describe, expect, it } from 'vitest';
import { seriesOf } from '../achievement/measure.js';
import { type SdgLevelsInput, sdgProgressFromGrowth, sdgProgressOfLevels } from './sdg-progress.js';

const input = (over: Partial<SdgLevelsInput>, values: Record<number, number>): SdgLevelsInput => {
  const series = seriesOf(values);
  return {
    d: 1,
    series,
    baselineYear: 2015,
    targetYear: 2030,
    year: [...series.keys()].reduce((a, b) => Math.max(a, b)),
    goal: null,
    ...over,
  };
};

describe('sdgProgressOfLevels with a target', () => {
  it('Given 50 → 60 over 2015–2020 and 80 by 2030, When measured, Then R = 3,71 %/3,18 % = 1,17 → substantial', () => {
    const r = sdgProgressOfLevels(input({ goal: 80 }, { 2015: 50, 2020: 60 }));
    expect(r.ok && r.value.status).toBe('substantial');
    expect(r.ok && r.value.ratio).toBeCloseTo(1.1667, 3);
  });
  it('Given the latest value already at the target, When measured, Then target-achieved with no ratio', () => {
    expect(sdgProgressOfLevels(input({ goal: 60 }, { 2015: 50, 2020: 60 }))).toEqual({
      ok: true,
      value: { status: 'target-achieved', ratio: null },
    });
  });
  it('Given lower is better, 20 → 15 and a target of 10, When measured, Then R = 1,238 → substantial', () => {
    const r = sdgProgressOfLevels(input({ d: -1, goal: 10 }, { 2015: 20, 2020: 15 }));
    expect(r.ok && r.value.ratio).toBeCloseTo(1.2381, 3);
    expect(r.ok && r.value.status).toBe('substantial');
  });
  it('Given lower is better and the value rising, When measured, Then deterioration', () => {
    const r = sdgProgressOfLevels(input({ d: -1, goal: 10 }, { 2015: 20, 2020: 22 }));
    expect(r.ok && r.value.status).toBe('deterioration');
  });
  it('Given slow progress 50 → 52 toward 80, When measured, Then R = 0,25 → limited', () => {
    const r = sdgProgressOfLevels(input({ goal: 80 }, { 2015: 50, 2020: 52 }));
    expect(r.ok && r.value.status).toBe('limited');
  });
  it('Given a target of 0 with d=−1, When measured, Then the target is taken as 0,001', () => {
    const r = sdgProgressOfLevels(input({ d: -1, goal: 0 }, { 2015: 10, 2020: 5 }));
    // CAGR_obs = 0,5^(1/5) − 1 = −12,94 %; CAGR_req = (0,001/10)^(1/15) − 1 = −45,88 %; R = 0,282.
    expect(r.ok && r.value.ratio).toBeCloseTo(0.2821, 3);
    expect(r.ok && r.value.status).toBe('limited');
  });
  it('Given a zero base, When measured, Then the base is taken as 0,001', () => {
    const r = sdgProgressOfLevels(input({}, { 2015: 0, 2020: 0.002 }));
    // p = 2^(1/5) − 1 = 14,87 %.
    expect(r.ok && r.value.ratio).toBeCloseTo(0.1487, 3);
  });
  it('Given base and latest of opposite signs, When measured, Then sign-mismatch', () => {
    expect(sdgProgressOfLevels(input({}, { 2015: -5, 2020: 3 }))).toMatchObject({
      ok: false,
      reason: { code: 'sign-mismatch' },
    });
  });
  it('Given the target equals the base but is not reached, When measured, Then zero-divisor', () => {
    expect(sdgProgressOfLevels(input({ goal: 50 }, { 2015: 50, 2020: 45 }))).toMatchObject({
      ok: false,
      reason: { code: 'zero-divisor' },
    });
  });
  it('Given no base-year value, When measured, Then the earliest later value is the base', () => {
    const r = sdgProgressOfLevels(input({}, { 2016: 100, 2018: 102.01 }));
    expect(r.ok && r.value.ratio).toBeCloseTo(0.01, 10);
  });
  it('Given a single value, When measured, Then no-baseline', () => {
    expect(sdgProgressOfLevels(input({}, { 2020: 3 }))).toMatchObject({
      ok: false,
      reason: { code: 'no-baseline' },
    });
  });
});

describe('sdgProgressFromGrowth', () => {
  it('Given no target, When p = d·CAGR is 2 %, 1 %, 0,1 %, −1 %, Then substantial, moderate, limited, deterioration', () => {
    const status = (g: number) => {
      const r = sdgProgressFromGrowth(g, null, 1);
      return r.ok ? r.value.status : r.reason.code;
    };
    expect([0.02, 0.01, 0.001, -0.01].map(status)).toEqual([
      'substantial',
      'moderate',
      'limited',
      'deterioration',
    ]);
  });
  it('Given the thresholds exactly, When classified, Then lower edges are inclusive', () => {
    expect(sdgProgressFromGrowth(0.015, null, 1)).toMatchObject({ value: { status: 'substantial' } });
    expect(sdgProgressFromGrowth(0.95, 1, 1)).toMatchObject({ value: { status: 'substantial' } });
    expect(sdgProgressFromGrowth(0.6, 1, 1)).toMatchObject({ value: { status: 'moderate' } });
  });
  it('Given lower is better and a fall of 2 % a year without a target, When classified, Then substantial', () => {
    expect(sdgProgressFromGrowth(-0.02, null, -1)).toEqual({
      ok: true,
      value: { status: 'substantial', ratio: 0.02 },
    });
  });
});
