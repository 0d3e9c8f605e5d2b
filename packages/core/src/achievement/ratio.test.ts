import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratioAchievement } from './ratio.js';

describe('ratioAchievement', () => {
  it('Given higher is better, When 75 of 100, Then 0,75', () => {
    expect(ratioAchievement(75, 100, 1)).toBe(0.75);
  });
  it('Given lower is better with ceiling 1, When 1,25, Then 0,8', () => {
    expect(ratioAchievement(1.25, 1, -1)).toBe(0.8);
  });
  it('Given a ceiling 10 (trade deficit), When beaten by a surplus −3 or by 0, Then met (1)', () => {
    expect(ratioAchievement(-3, 10, -1)).toBe(1);
    expect(ratioAchievement(0, 10, -1)).toBe(1);
  });
  it('Given a target of 0 with d=−1 ("không để xảy ra"), When 0 or below, Then 1, else 0', () => {
    expect(ratioAchievement(0, 0, -1)).toBe(1);
    expect(ratioAchievement(-1, 0, -1)).toBe(1);
    expect(ratioAchievement(2, 0, -1)).toBe(0);
  });
  it('Given a target of 0 with d=+1, When at or above 0, Then 1, else 0', () => {
    expect(ratioAchievement(0, 0, 1)).toBe(1);
    expect(ratioAchievement(-0.5, 0, 1)).toBe(0);
  });
  it('Given a negative floor −10 with d=+1, When −20, −10, −5 or 3, Then 0,5, 1, 2 and met', () => {
    expect(ratioAchievement(-20, -10, 1)).toBe(0.5);
    expect(ratioAchievement(-10, -10, 1)).toBe(1);
    expect(ratioAchievement(-5, -10, 1)).toBe(2);
    expect(ratioAchievement(3, -10, 1)).toBe(1);
  });
  it('Given a negative actual against a positive floor, When measured, Then negative achievement', () => {
    expect(ratioAchievement(-5, 10, 1)).toBe(-0.5);
  });
  it('Given d=+1 and a goal ≥ 0, When the actual rises, Then achievement never falls', () => {
    const num = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(num, num, fc.double({ min: 0, max: 1e6, noNaN: true }), (a, b, goal) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(ratioAchievement(hi, goal, 1)).toBeGreaterThanOrEqual(ratioAchievement(lo, goal, 1));
      }),
    );
  });
});
