import { describe, expect, it } from 'vitest';
import type { TargetKind } from '../model.js';
import { growthGoal, resolveGoal } from './goal.js';

const range = (kind: TargetKind, low: number, high: number) => ({ kind, low, high, value: null });

describe('resolveGoal', () => {
  it('Given "tăng 6,5–7 %/năm" (avg-growth), When resolved, Then the bound nearer zero: 6,5', () => {
    expect(resolveGoal(range('avg-growth', 6.5, 7), 'up')).toBe(6.5);
  });
  it('Given "giảm 1–1,5 điểm %/năm" (change, down), When resolved, Then 1', () => {
    expect(resolveGoal(range('change', 1, 1.5), 'down')).toBe(1);
  });
  it('Given a falling growth range −2…−3 %, When resolved, Then −2 (nearer zero)', () => {
    expect(resolveGoal(range('avg-growth', -3, -2), 'down')).toBe(-2);
  });
  it('Given "33–34 %" as a level, When higher is better, Then the low bound 33', () => {
    expect(resolveGoal(range('level', 33, 34), 'up')).toBe(33);
  });
  it('Given "33–34 %" as a level, When lower is better, Then the high bound 34', () => {
    expect(resolveGoal(range('level', 33, 34), 'down')).toBe(34);
  });
  it('Given annual and cumulative ranges, When resolved, Then low for up and high for down', () => {
    expect(resolveGoal(range('annual', 2000, 2500), 'up')).toBe(2000);
    expect(resolveGoal(range('annual', 1, 1.2), 'down')).toBe(1.2);
    expect(resolveGoal(range('cumulative', 9000, 10000), 'up')).toBe(9000);
    expect(resolveGoal(range('cumulative', 9000, 10000), 'down')).toBe(10000);
  });
  it('Given bounds written high-first, When resolved, Then they are ordered first', () => {
    expect(resolveGoal(range('level', 34, 33), 'up')).toBe(33);
  });
  it('Given one bound only, When resolved, Then that bound', () => {
    expect(resolveGoal({ kind: 'level', low: 50, high: null, value: null }, 'down')).toBe(50);
    expect(resolveGoal({ kind: 'level', low: null, high: 60, value: 10 }, 'up')).toBe(60);
  });
  it('Given "khoảng 30" (value only), When resolved, Then 30', () => {
    expect(resolveGoal({ kind: 'level', value: 30 }, 'up')).toBe(30);
  });
  it('Given no number at all, When resolved, Then null', () => {
    expect(resolveGoal({ kind: 'level', value: null, low: Number.NaN }, 'up')).toBeNull();
  });
});

describe('growthGoal', () => {
  it('Given an avg-growth goal, When higher is better, Then the signed rate as written', () => {
    expect(growthGoal(15, 1)).toBe(0.15);
    expect(growthGoal(-2, 1)).toBe(-0.02); // "giảm không quá 2 %/năm": a floor on growth
  });
  it('Given "giảm bình quân 1,5 %/năm" (d=−1), When entered as 1,5 or −1,5, Then a decline of 1,5 %', () => {
    expect(growthGoal(1.5, -1)).toBe(-0.015);
    expect(growthGoal(-1.5, -1)).toBe(-0.015);
  });
});
