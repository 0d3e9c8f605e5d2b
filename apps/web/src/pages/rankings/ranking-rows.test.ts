import { createValueSource, type Ranking, rankUnits } from '@chitieu/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '../../testing/demo';
import { rankingRows, rankingValueText, rankText } from './ranking-rows';

describe('rankings table rows', () => {
  let world: Awaited<ReturnType<typeof demoData>>;
  let names: Map<string, string>;
  beforeAll(async () => {
    world = await demoData();
    names = new Map(world.data.units.map((u) => [u.code, u.name]));
  });

  it('keeps the core ranking order and ranks, then lists unranked units (growth: 513 lacks a 2020 figure)', () => {
    const ranking = rankUnits({
      data: world.data,
      values: createValueSource(world.data),
      indicator: 'GO',
      year: 2023,
      by: 'growth',
      parent: '50',
      since: 2020,
    });
    const rows = rankingRows(ranking, names, { by: 'growth', unit: 'tỷ đồng', decimals: 1 }, 'vi');
    expect(rows.slice(0, ranking.rows.length).map((r) => [r.unit, r.rank])).toEqual(
      ranking.rows.map((r) => [r.unit, r.rank]),
    );
    const unranked = rows.filter((r) => r.rank == null);
    expect(unranked.map((r) => r.unit)).toEqual(ranking.unranked);
    expect(unranked.map((r) => r.unit)).toContain('513');
    expect(unranked.every((r) => r.valueText === '—' && rankText(r) === '—')).toBe(true);
    const anPhu = rows.find((r) => r.unit === '502');
    expect(anPhu?.name).toBe('Thị xã An Phú');
    expect(anPhu?.valueText).toBe('10,71 %/năm');
  });

  it('marks shared ranks as ties (1, 2, 2, 4) and not the others', () => {
    const ranking: Ranking = {
      indicator: 'X',
      year: 2023,
      by: 'value',
      parent: '50',
      rows: [
        { unit: 'b', value: 9, rank: 1, of: 4 },
        { unit: 'a', value: 5, rank: 2, of: 4 },
        { unit: 'c', value: 5, rank: 2, of: 4 },
        { unit: 'd', value: 1, rank: 4, of: 4 },
      ],
      unranked: [],
    };
    const rows = rankingRows(ranking, new Map(), { by: 'value', unit: '', decimals: 0 }, 'vi');
    expect(rows.map((r) => rankText(r))).toEqual(['1/4', '=2/4', '=2/4', '4/4']);
    expect(rows.map((r) => r.name)).toEqual(['b', 'a', 'c', 'd']); // a unit without a name shows its code
  });

  it('formats values in the page language and never prints NaN or Infinity', () => {
    const f = { by: 'value' as const, unit: 'tỷ đồng', decimals: 1 };
    expect(rankingValueText(18997.6, f, 'vi')).toBe('18.997,6 tỷ đồng');
    expect(rankingValueText(18997.6, f, 'en')).toBe('18,997.6 billion VND');
    expect(rankingValueText(12.6, { ...f, by: 'growth' }, 'en')).toBe('12.60%/year');
    expect(rankingValueText(Number.NaN, f, 'vi')).toBe('—');
    expect(rankingValueText(Number.POSITIVE_INFINITY, f, 'vi')).toBe('—');
    expect(rankingValueText(null, f, 'vi')).toBe('—');
  });
});
