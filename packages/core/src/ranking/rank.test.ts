import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator, Plan, PlanData, Unit, Value } from '../model.js';
import { createValueSource } from '../values/derived-source.js';
import { averageGrowthPercent, competitionRank, rankUnits, siblingsOf } from './rank.js';

const ind = (code: string, direction: 'up' | 'down'): Indicator => ({
  code,
  name: { vi: code },
  unit: 'tỷ đồng',
  direction,
  decimals: 1,
  trend: 'compound',
  aggregation: 'sum',
});
const u = (code: string, parent: string | null, level = 'district'): Unit => ({
  code,
  name: code,
  level,
  parent,
});
const v = (indicator: string, unit: string, year: number, value: number): Value => ({
  indicator,
  unit,
  year,
  value,
  status: 'official',
});
const plan = {
  code: 'NQ',
  title: { vi: 'NQ' },
  unit: '38',
  kind: 'other',
  methodology: 'chitieu',
  targets: [],
};

function setup(values: Value[], plans: Plan[] = []): PlanData {
  return {
    units: [
      u('38', null, 'province'),
      u('381', '38'),
      u('382', '38'),
      u('383', '38'),
      u('384', '38'),
      u('385', '38'),
      u('38101', '381', 'commune'),
    ],
    indicators: [ind('GO', 'up'), ind('POOR', 'down')],
    plans,
    values,
  };
}
const rank = (data: PlanData, extra: Partial<Parameters<typeof rankUnits>[0]>) =>
  rankUnits({
    data,
    values: createValueSource(data),
    indicator: 'GO',
    year: 2023,
    by: 'value',
    parent: '38',
    ...extra,
  });

describe('rankUnits by value', () => {
  it('gives tied values the same rank and skips the next (1, 2, 2, 4)', () => {
    const data = setup([
      v('GO', '381', 2023, 50),
      v('GO', '382', 2023, 90),
      v('GO', '383', 2023, 50),
      v('GO', '384', 2023, 10),
      v('GO', '385', 2023, 5),
    ]);
    const r = rank(data, {});
    expect(r.rows.map((x) => [x.unit, x.rank, x.of])).toEqual([
      ['382', 1, 5],
      ['381', 2, 5],
      ['383', 2, 5],
      ['384', 4, 5],
      ['385', 5, 5],
    ]);
    expect(r).toMatchObject({ indicator: 'GO', year: 2023, by: 'value', parent: '38', unranked: [] });
  });

  it('ranks the lowest first when lower is better, and lists units without data as unranked', () => {
    const data = setup([v('POOR', '381', 2023, 3.2), v('POOR', '382', 2023, 1.5), v('POOR', '384', 2023, 7)]);
    const r = rank(data, { indicator: 'POOR' });
    expect(r.rows.map((x) => [x.unit, x.value, x.rank, x.of])).toEqual([
      ['382', 1.5, 1, 5],
      ['381', 3.2, 2, 5],
      ['384', 7, 3, 5],
    ]);
    expect(r.unranked).toEqual(['383', '385']);
  });

  it('ranks derived figures too (a district summed from its communes)', () => {
    const data = setup([v('GO', '38101', 2023, 70), v('GO', '382', 2023, 60)]);
    expect(rank(data, {}).rows.map((x) => [x.unit, x.value, x.rank])).toEqual([
      ['381', 70, 1],
      ['382', 60, 2],
    ]);
  });

  it('treats float noise as a tie but nothing coarser', () => {
    const r = competitionRank(
      [
        { u: 'a', value: 0.1 + 0.2 },
        { u: 'b', value: 0.3 },
        { u: 'c', value: 0.30000001 },
      ],
      'up',
    );
    expect(r.ranked.map((x) => [x.u, x.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
    ]);
  });

  it('leaves everything unranked for an unknown indicator', () => {
    const r = rank(setup([v('GO', '381', 2023, 1)]), { indicator: 'NOPE' });
    expect(r.rows).toEqual([]);
    expect(r.unranked).toHaveLength(5);
  });
});

describe('rankUnits by growth', () => {
  it('ranks by geometric average growth since the earliest plan baseline', () => {
    const data = setup(
      [
        v('GO', '381', 2020, 100),
        v('GO', '381', 2023, 133.1), // 10 %/year
        v('GO', '382', 2020, 200),
        v('GO', '382', 2023, 200), // 0 %
        v('GO', '383', 2023, 500), // no 2020 figure
        v('GO', '384', 2020, 50),
        v('GO', '384', 2023, 66.55), // 10 %/year, ties 381
      ],
      [
        { ...plan, baselineYear: 2021, targetYear: 2025 } as Plan,
        { ...plan, baselineYear: 2020, targetYear: 2025 } as Plan,
      ],
    );
    const r = rank(data, { by: 'growth' });
    expect(r.since).toBe(2020);
    expect(r.rows.map((x) => [x.unit, Number(x.value.toFixed(6)), x.rank])).toEqual([
      ['381', 10, 1],
      ['384', 10, 1],
      ['382', 0, 3],
    ]);
    expect(r.unranked).toEqual(['383', '385']);
  });

  it('honours an explicit since and refuses non-positive bases', () => {
    const data = setup([
      v('GO', '381', 2022, 100),
      v('GO', '381', 2023, 90),
      v('GO', '382', 2022, 0),
      v('GO', '382', 2023, 5),
    ]);
    const r = rank(data, { by: 'growth', since: 2022 });
    expect(r.rows.map((x) => [x.unit, Number(x.value.toFixed(6))])).toEqual([['381', -10]]);
    expect(r.unranked).toEqual(['382', '383', '384', '385']);
    expect(averageGrowthPercent(100, 90, 0)).toBeNull();
    expect(averageGrowthPercent(-5, 10, 2)).toBeNull();
  });

  it('ranks nothing by growth without any since year', () => {
    const r = rank(setup([v('GO', '381', 2023, 1)]), { by: 'growth' });
    expect(r.rows).toEqual([]);
    expect(r.since).toBeUndefined();
  });
});

describe('siblingsOf', () => {
  it('keeps the most common level among the children, and top-level units without a parent', () => {
    const units = [
      u('38', null, 'province'),
      u('39', null, 'province'),
      u('381', '38'),
      u('382', '38'),
      u('38001', '38', 'commune'),
    ];
    expect(siblingsOf(units, '38').map((x) => x.code)).toEqual(['381', '382']);
    expect(siblingsOf(units, null).map((x) => x.code)).toEqual(['38', '39']);
    expect(siblingsOf(units, 'nope')).toEqual([]);
  });
});

describe('competitionRank properties', () => {
  const arbValue = fc.oneof(
    fc.integer({ min: -5, max: 5 }),
    fc.double({ noNaN: false }),
    fc.constant(Number.NaN),
  );
  it('is a standard competition ranking for any input', () => {
    fc.assert(
      fc.property(
        fc.array(arbValue, { maxLength: 40 }),
        fc.constantFrom('up', 'down') as fc.Arbitrary<'up' | 'down'>,
        (vals, dir) => {
          const items = vals.map((value, i) => ({ i, value }));
          const { ranked, unranked } = competitionRank(items, dir);
          const finite = items.filter((x) => Number.isFinite(x.value));
          expect(ranked).toHaveLength(finite.length);
          expect(unranked.map((x) => x.i)).toEqual(
            items.filter((x) => !Number.isFinite(x.value)).map((x) => x.i),
          );
          const better = (a: number, b: number) => (dir === 'up' ? a > b : a < b);
          for (const r of ranked) {
            // rank = 1 + the number of items strictly better
            const strictlyBetter = ranked.filter((o) =>
              better(Number(o.value.toPrecision(15)), Number(r.value.toPrecision(15))),
            ).length;
            expect(r.rank).toBe(1 + strictlyBetter);
          }
          for (let k = 1; k < ranked.length; k++)
            expect((ranked[k] as { rank: number }).rank).toBeGreaterThanOrEqual(
              (ranked[k - 1] as { rank: number }).rank,
            );
        },
      ),
      { numRuns: 300 },
    );
  });
});
