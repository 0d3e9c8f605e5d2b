import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { achievementPercent, bandEdges, bandIndex, growthPercent, isMet } from './bands.js';

const band = (a: number, edges = bandEdges(null)) => bandIndex(achievementPercent(a), edges);

describe('achievementPercent', () => {
  it('Given 0,71404, When shown, Then 71,4', () => {
    expect(achievementPercent(0.71404)).toBe(71.4);
  });
  it('Given exact halves, When rounded, Then half away from zero', () => {
    expect(achievementPercent(0.12345)).toBe(12.3);
    expect(achievementPercent(0.12355)).toBe(12.4);
    expect(achievementPercent(-0.12355)).toBe(-12.4);
  });
  it('Given a growth ratio, When shown, Then 2 decimals', () => {
    expect(growthPercent(0.107103)).toBe(10.71);
    expect(growthPercent(-0.051315)).toBe(-5.13);
  });
});

describe('bands decided on the rounded figure', () => {
  it('Given 79,96 %, When banded, Then shown as 80,0 and in the ≥ 80 % band', () => {
    expect(achievementPercent(0.7996)).toBe(80);
    expect(band(0.7996)).toBe(0);
  });
  it('Given 79,94 %, When banded, Then 79,9 and the 50–80 % band', () => {
    expect(band(0.7994)).toBe(1);
  });
  it('Given 49,95 % and 49,94 %, When banded, Then 50,0 (middle) and 49,9 (lowest)', () => {
    expect(band(0.4995)).toBe(1);
    expect(band(0.4994)).toBe(2);
  });
  it('Given a negative achievement, When banded, Then the lowest band', () => {
    expect(band(-1.026)).toBe(2);
  });
  it('Given a plan with edges 100 / 80 / 50, When banded, Then four bands', () => {
    const edges = bandEdges([100, 80, 50]);
    expect([1.2, 0.9995, 0.85, 0.6, 0.1].map((a) => band(a, edges))).toEqual([0, 0, 1, 2, 3]);
  });
  it('Given A rises, When banded with any edges, Then the band index never rises (better band or same)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.array(fc.integer({ min: -100, max: 200 }), { maxLength: 5 }),
        (a, b, raw) => {
          const edges = bandEdges(raw);
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(band(hi, edges)).toBeLessThanOrEqual(band(lo, edges));
        },
      ),
    );
  });
});

describe('bandEdges', () => {
  it('Given no edges, When normalised, Then the default 80 / 50', () => {
    expect(bandEdges(undefined)).toEqual([80, 50]);
    expect(bandEdges([])).toEqual([80, 50]);
  });
  it('Given unordered, repeated and non-finite edges, When normalised, Then distinct, finite, highest first', () => {
    expect(bandEdges([50, 100, Number.NaN, 80, 50])).toEqual([100, 80, 50]);
  });
});

describe('isMet', () => {
  it('Given 99,95 % (shown 100,0), When checked, Then met; Given 99,94 %, Then not', () => {
    expect(isMet(achievementPercent(0.9995))).toBe(true);
    expect(isMet(achievementPercent(0.9994))).toBe(false);
  });
});
