import { describe, expect, it } from 'vitest';
import { growthPercent } from '../bands/bands.js';
import {
  averageGrowthFromLevels,
  averageGrowthFromRates,
  cagr,
  compoundValue,
  requiredGrowth,
} from './growth.js';

const value = <T>(o: { ok: true; value: T } | { ok: false }): T => {
  if (!o.ok) throw new Error('expected a value');
  return o.value;
};

describe('averageGrowthFromRates', () => {
  it('Given Vietnam GDP 2016–2020 rates, When averaged, Then the geometric mean is 5,99 % (not the arithmetic 6,01 %)', () => {
    const rates = [6.21, 6.81, 7.08, 7.02, 2.91];
    const g = value(averageGrowthFromRates(rates));
    expect(growthPercent(g)).toBe(5.99);
    expect(rates.reduce((s, r) => s + r, 0) / rates.length).toBeCloseTo(6.006, 3);
  });
  it('Given no rates, When averaged, Then no elapsed years', () => {
    expect(averageGrowthFromRates([])).toEqual({ ok: false, reason: { code: 'no-elapsed-years' } });
  });
  it('Given a fall of more than 100 %, When averaged, Then not computable', () => {
    expect(averageGrowthFromRates([5, -120])).toEqual({ ok: false, reason: { code: 'not-computable' } });
  });
  it('Given a fall of exactly 100 %, When averaged, Then growth is −100 %', () => {
    expect(value(averageGrowthFromRates([-100, 10]))).toBe(-1);
  });
});

describe('averageGrowthFromLevels', () => {
  it('Given 100 → 121 over 2 years, When averaged, Then 10 % a year', () => {
    expect(value(averageGrowthFromLevels(100, 121, 2))).toBeCloseTo(0.1, 12);
    expect(value(cagr(50, 60.5, 2))).toBeCloseTo(0.1, 12);
  });
  it('Given a falling level 100 → 90 over 2 years, When averaged, Then negative growth −5,13 %', () => {
    expect(growthPercent(value(averageGrowthFromLevels(100, 90, 2)))).toBe(-5.13);
  });
  it('Given both levels negative, When averaged, Then the ratio of the magnitudes is used', () => {
    expect(value(averageGrowthFromLevels(-10, -40, 2))).toBeCloseTo(1, 12);
  });
  it('Given a zero start, When averaged, Then zero divisor', () => {
    expect(averageGrowthFromLevels(0, 5, 3)).toMatchObject({ ok: false, reason: { code: 'zero-divisor' } });
  });
  it('Given a change of sign, When averaged, Then sign mismatch', () => {
    expect(averageGrowthFromLevels(-5, 3, 2)).toMatchObject({ ok: false, reason: { code: 'sign-mismatch' } });
  });
  it('Given no elapsed years, When averaged, Then no elapsed years', () => {
    expect(averageGrowthFromLevels(5, 6, 0)).toMatchObject({
      ok: false,
      reason: { code: 'no-elapsed-years' },
    });
  });
  it('Given a fall to zero, When averaged, Then −100 %', () => {
    expect(value(averageGrowthFromLevels(5, 0, 2))).toBe(-1);
  });
});

describe('requiredGrowth', () => {
  it('Given g* = 15 % and g_obs = 10,71 % over 2021–2023, When asked for 2024–2025, Then 21,75 %', () => {
    expect(growthPercent(value(requiredGrowth(0.15, 0.1071, 3, 5)))).toBe(21.75);
  });
  it('Given the observed pace equals the goal, When asked, Then the same pace is required', () => {
    expect(value(requiredGrowth(0.08, 0.08, 2, 5))).toBeCloseTo(0.08, 12);
  });
  it('Given no remaining years, When asked, Then no number', () => {
    expect(requiredGrowth(0.15, 0.1, 5, 5).ok).toBe(false);
  });
  it('Given growth so far of −100 %, When asked, Then zero divisor', () => {
    expect(requiredGrowth(0.15, -1, 3, 5)).toMatchObject({ ok: false, reason: { code: 'zero-divisor' } });
  });
});

describe('compoundValue', () => {
  it('Given 100 at 10 % for 2 years, When compounded, Then 121', () => {
    expect(compoundValue(100, 0.1, 2)).toBeCloseTo(121, 10);
  });
});
