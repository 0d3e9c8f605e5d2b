import { createValueSource, evaluatePlan } from '@chitieu/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '../testing/demo';
import { actualText, filterTargets, type TargetRow, targetRows } from './targets';
import { foldText } from './text';

describe('the targets list', () => {
  let rows: TargetRow[];
  beforeAll(async () => {
    const { data, plan } = await demoData();
    const ev = evaluatePlan({
      plan,
      indicators: data.indicators,
      values: createValueSource(data),
      asOf: 2023,
    });
    rows = targetRows(data, plan, ev, 'vi');
  });

  it('folds Vietnamese accents and đ for search', () => {
    expect(foldText('Tăng TRƯỞNG Đô thị')).toBe('tang truong do thi');
  });

  it('finds "Tăng" targets from "tang", and every word must match', () => {
    const found = filterTargets(rows, { q: 'tang gia tri san xuat' });
    expect(found.map((r) => r.code)).toContain('1');
    expect(found.every((r) => foldText(`${r.title} ${r.indicator?.name.vi ?? ''}`).includes('tang'))).toBe(
      true,
    );
    expect(filterTargets(rows, { q: 'khong co chu nay' })).toEqual([]);
  });

  it('filters by band, forecast and group; "none" keeps the targets without data', () => {
    const band1 = filterTargets(rows, { band: '1' });
    expect(band1.length).toBeGreaterThan(0);
    expect(band1.every((r) => r.evaluation?.band === 1)).toBe(true);
    expect(filterTargets(rows, { band: 'none' }).every((r) => r.evaluation?.band == null)).toBe(true);
    const risky = filterTargets(rows, { forecast: 'at-risk' });
    expect(risky.every((r) => r.evaluation?.forecast.class === 'at-risk')).toBe(true);
    const economy = filterTargets(rows, { group: 'Kinh tế' });
    expect(economy.length).toBeGreaterThan(0);
    expect(economy.every((r) => r.group === 'Kinh tế')).toBe(true);
  });

  it('sorts by achievement both ways, targets without one last', () => {
    const asc = filterTargets(rows, { sort: 'achievement-asc' }).map(
      (r) => r.evaluation?.achievementPercent ?? null,
    );
    const known = asc.filter((x) => x != null) as number[];
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(asc.slice(known.length).every((x) => x == null)).toBe(true);
    const desc = filterTargets(rows, { sort: 'achievement-desc' }).map(
      (r) => r.evaluation?.achievementPercent ?? null,
    );
    expect(desc[0]).toBe(known.reduce((a, b) => Math.max(a, b)));
  });

  it('writes goals and figures with their units, never NaN or undefined', () => {
    const one = rows.find((r) => r.code === '1') as TargetRow;
    expect(one.goal).toBe('15 %/năm');
    expect(actualText(one, 'vi')).toBe('10,71 %/năm');
    for (const r of rows) {
      expect(`${r.goal} ${actualText(r, 'vi')} ${actualText(r, 'en')}`).not.toMatch(
        /NaN|undefined|null|Infinity|\[object/,
      );
    }
  });
});
