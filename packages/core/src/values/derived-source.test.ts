import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator, PlanData, Unit, Value, ValueStatus } from '../model.js';
import { describeDerivationReason } from './derivation-reason.js';
import { compareEnteredAndDerived, createValueSource, type DerivedValueSource } from './derived-source.js';
import { indexEnteredValues } from './value-source.js';

const ind = (code: string, extra: Partial<Indicator> = {}): Indicator => ({
  code,
  name: { vi: code },
  unit: 'tỷ đồng',
  direction: 'up',
  decimals: 1,
  trend: 'compound',
  aggregation: 'sum',
  ...extra,
});
const unit = (code: string, parent: string | null, level: string): Unit => ({
  code,
  name: code,
  level,
  parent,
});
const val = (
  indicator: string,
  u: string,
  year: number,
  value: number,
  status: ValueStatus = 'official',
): Value => ({
  indicator,
  unit: u,
  year,
  value,
  status,
});

// P ─┬─ D1 (leaf)
//    └─ D2 ─┬─ C1
//           └─ C2
const units = [unit('P', null, 'province'), unit('D1', 'P', 'district'), unit('D2', 'P', 'district')];
units.push(unit('C1', 'D2', 'commune'), unit('C2', 'D2', 'commune'));

function data(indicators: Indicator[], values: Value[]): PlanData {
  return { units, indicators, plans: [], values };
}

/** The reasons a cell has no value (null when it has one). */
function reasonsAt(src: DerivedValueSource, unit: string, indicator: string, year: number) {
  const r = src.resolve(unit, indicator, year);
  return r.ok ? null : r.reasons;
}

describe('sum', () => {
  it('sums the children, recursively, with the weakest status among the inputs', () => {
    const src = createValueSource(
      data(
        [ind('GO')],
        [val('GO', 'D1', 2023, 100), val('GO', 'C1', 2023, 30, 'estimate'), val('GO', 'C2', 2023, 20)],
      ),
    );
    expect(src.actual('D2', 'GO', 2023)).toEqual({ value: 50, status: 'estimate', origin: 'aggregated' });
    expect(src.actual('P', 'GO', 2023)).toEqual({ value: 150, status: 'estimate', origin: 'aggregated' });
  });

  it('derives nothing from a partial set of children, and says which are missing', () => {
    const src = createValueSource(data([ind('GO')], [val('GO', 'D1', 2023, 100), val('GO', 'C1', 2023, 30)]));
    expect(src.actual('D2', 'GO', 2023)).toBeNull();
    expect(reasonsAt(src, 'D2', 'GO', 2023)).toEqual([
      { code: 'incomplete-children', indicator: 'GO', missing: ['C2'], of: 2 },
    ]);
    const [reason] = reasonsAt(src, 'D2', 'GO', 2023) ?? [];
    expect(reason && describeDerivationReason(reason)).toBe(
      'chưa đủ số liệu GO của đơn vị cấp dưới (thiếu 1/2: C2)',
    );
    expect(reason && describeDerivationReason(reason, 'en')).toBe(
      'lower-level figures for GO are incomplete (1 of 2 missing: C2)',
    );
    expect(reasonsAt(src, 'P', 'GO', 2023)).toEqual([
      { code: 'incomplete-children', indicator: 'GO', missing: ['D2'], of: 2 },
    ]);
  });

  it('uses plan figures for forecasts only, never as children values', () => {
    const src = createValueSource(
      data([ind('GO')], [val('GO', 'D1', 2023, 100), val('GO', 'D2', 2023, 50, 'plan')]),
    );
    expect(src.actual('P', 'GO', 2023)).toBeNull();
    expect(src.plan('D2', 'GO', 2023)).toBe(50);
  });
});

describe('ratio', () => {
  const indicators = [
    ind('IC', { aggregation: 'none' }),
    ind('GO', { aggregation: 'none' }),
    ind('SHARE', { unit: '%', formula: 'IC / GO * 100', aggregation: 'ratio', decimals: 2 }),
  ];
  it('is Σ numerator / Σ denominator over the children, never a mean of percentages', () => {
    // D1: 10 / 100 = 10 %; D2: 90 / 300 = 30 %. The mean of percentages would say 20 %.
    const src = createValueSource(
      data(indicators, [
        val('IC', 'D1', 2023, 10),
        val('GO', 'D1', 2023, 100),
        val('IC', 'D2', 2023, 90, 'preliminary'),
        val('GO', 'D2', 2023, 300),
      ]),
    );
    expect(src.actual('D1', 'SHARE', 2023)).toEqual({ value: 10, status: 'official', origin: 'formula' });
    expect(src.actual('P', 'SHARE', 2023)).toEqual({
      value: 25,
      status: 'preliminary',
      origin: 'aggregated',
    });
  });

  it('needs every part from every child, and a non-zero denominator', () => {
    const partial = createValueSource(
      data(indicators, [val('IC', 'D1', 2023, 10), val('GO', 'D1', 2023, 100), val('IC', 'D2', 2023, 90)]),
    );
    expect(reasonsAt(partial, 'P', 'SHARE', 2023)).toEqual([
      { code: 'missing-input', indicator: 'IC' },
      { code: 'incomplete-children', indicator: 'GO', missing: ['D2'], of: 2 },
    ]);
    const zero = createValueSource(
      data(indicators, [
        val('IC', 'D1', 2023, 0),
        val('GO', 'D1', 2023, 0),
        val('IC', 'D2', 2023, 0),
        val('GO', 'D2', 2023, 0),
      ]),
    );
    const z = zero.resolve('P', 'SHARE', 2023);
    expect(z.ok ? null : z.reasons.map((x) => x.code)).toEqual(['missing-input', 'division-by-zero']);
  });

  it('says so when a ratio indicator has no formula', () => {
    const src = createValueSource(
      data([ind('R', { aggregation: 'ratio' })], [val('R', 'D1', 2023, 1), val('R', 'D2', 2023, 2)]),
    );
    expect(reasonsAt(src, 'P', 'R', 2023)).toEqual([{ code: 'ratio-without-formula', indicator: 'R' }]);
  });
});

describe('weighted-mean', () => {
  const pop = ind('POP', { unit: 'người', decimals: 0 });
  it('weights each child by the weight indicator', () => {
    const src = createValueSource(
      data(
        [pop, ind('INC', { aggregation: 'weighted-mean', weight: 'POP' })],
        [
          val('INC', 'D1', 2023, 10),
          val('POP', 'D1', 2023, 100),
          val('INC', 'D2', 2023, 20),
          val('POP', 'D2', 2023, 300),
        ],
      ),
    );
    expect(src.actual('P', 'INC', 2023)).toEqual({ value: 17.5, status: 'official', origin: 'aggregated' });
  });

  it('gives a reason without a weight indicator or with zero total weight', () => {
    const values = [
      val('INC', 'D1', 2023, 10),
      val('POP', 'D1', 2023, 0),
      val('INC', 'D2', 2023, 20),
      val('POP', 'D2', 2023, 0),
    ];
    const noWeight = createValueSource(data([pop, ind('INC', { aggregation: 'weighted-mean' })], values));
    expect(reasonsAt(noWeight, 'P', 'INC', 2023)).toEqual([{ code: 'no-weight', indicator: 'INC' }]);
    const zero = createValueSource(
      data([pop, ind('INC', { aggregation: 'weighted-mean', weight: 'POP' })], values),
    );
    expect(reasonsAt(zero, 'P', 'INC', 2023)).toEqual([{ code: 'zero-weight', weight: 'POP' }]);
  });
});

describe('none', () => {
  it('is never derived from the children', () => {
    const src = createValueSource(
      data([ind('N', { aggregation: 'none' })], [val('N', 'D1', 2023, 1), val('N', 'D2', 2023, 2)]),
    );
    expect(reasonsAt(src, 'P', 'N', 2023)).toEqual([{ code: 'not-aggregated', indicator: 'N' }]);
  });
});

describe('entered versus derived', () => {
  it('lets the entered figure win and carries the derived one when they differ', () => {
    const src = createValueSource(
      data([ind('GO')], [val('GO', 'P', 2023, 160), val('GO', 'D1', 2023, 100), val('GO', 'D2', 2023, 50)]),
    );
    expect(src.actual('P', 'GO', 2023)).toEqual({
      value: 160,
      status: 'official',
      origin: 'entered',
      derived: 150,
    });
    expect(compareEnteredAndDerived(src, 'P', 'GO', 2023)).toEqual({
      unit: 'P',
      indicator: 'GO',
      year: 2023,
      entered: { value: 160, status: 'official' },
      derived: { value: 150, status: 'official', origin: 'aggregated' },
      reasons: [],
      differs: true,
    });
  });

  it('sees no difference in float noise or below the indicator decimals', () => {
    const src = createValueSource(
      data([ind('GO')], [val('GO', 'P', 2023, 0.3), val('GO', 'D1', 2023, 0.1), val('GO', 'D2', 2023, 0.2)]),
    );
    expect(src.actual('P', 'GO', 2023)).toEqual({ value: 0.3, status: 'official', origin: 'entered' });
    const d = compareEnteredAndDerived(data([ind('GO')], [val('GO', 'P', 2023, 5)]), 'P', 'GO', 2023);
    expect(d.differs).toBe(false);
    expect(d.derived).toBeNull();
    expect(d.reasons).toEqual([
      { code: 'incomplete-children', indicator: 'GO', missing: ['D1', 'D2'], of: 2 },
    ]);
  });
});

describe('formula indicators', () => {
  const indicators = [
    ind('GO'),
    ind('POP', { unit: 'người', decimals: 0 }),
    ind('PC', { unit: 'triệu đồng/người', formula: 'GO * 1000 / POP', aggregation: 'none' }),
  ];
  it('computes from the same unit and year, with the weakest input status', () => {
    const src = createValueSource(
      data(indicators, [val('GO', 'D1', 2023, 500, 'estimate'), val('POP', 'D1', 2023, 10000)]),
    );
    expect(src.actual('D1', 'PC', 2023)).toEqual({ value: 50, status: 'estimate', origin: 'formula' });
    expect(src.actual('D1', 'PC', 2022)).toBeNull();
  });

  it('resolves inputs that are themselves aggregated', () => {
    const src = createValueSource(
      data(indicators, [
        val('GO', 'D1', 2023, 500),
        val('POP', 'D1', 2023, 10000),
        val('GO', 'D2', 2023, 700),
        val('POP', 'D2', 2023, 14000),
      ]),
    );
    expect(src.actual('P', 'PC', 2023)).toEqual({ value: 50, status: 'official', origin: 'formula' });
    expect(src.actualYears('P', 'PC')).toEqual([2023]);
  });

  it('gives a reason for a zero divisor, a missing input, or a cycle, and never hangs', () => {
    const src = createValueSource(
      data(
        [
          ...indicators,
          ind('A', { formula: 'B + 1', aggregation: 'none' }),
          ind('B', { formula: 'A', aggregation: 'none' }),
        ],
        [val('GO', 'D1', 2023, 500), val('POP', 'D1', 2023, 0)],
      ),
    );
    expect(reasonsAt(src, 'D1', 'PC', 2023)).toEqual([{ code: 'division-by-zero' }]);
    expect(reasonsAt(src, 'D2', 'PC', 2023)).toEqual([{ code: 'missing-input', indicator: 'GO' }]);
    expect(reasonsAt(src, 'D1', 'A', 2023)).toEqual([{ code: 'formula-cycle', indicator: 'A' }]);
  });

  it('survives a cycle in the unit hierarchy', () => {
    const looped: PlanData = {
      units: [unit('X', 'Y', 'district'), unit('Y', 'X', 'district')],
      indicators: [ind('GO')],
      plans: [],
      values: [val('GO', 'Z', 2023, 1)],
    };
    const r = createValueSource(looped).resolve('X', 'GO', 2023);
    expect(r.ok).toBe(false);
  });
});

describe('entered figures', () => {
  it('agree with indexEnteredValues for any mix of statuses, periods and duplicates', () => {
    const arbValue = fc.record({
      indicator: fc.constantFrom('GO', 'X'),
      unit: fc.constantFrom('P', 'D1', 'C1', 'ELSEWHERE'),
      year: fc.integer({ min: 2019, max: 2023 }),
      period: fc.constantFrom(undefined, null, '', 'Q1'),
      value: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(Number.NaN)),
      status: fc.constantFrom('official', 'preliminary', 'estimate', 'plan') as fc.Arbitrary<ValueStatus>,
    });
    fc.assert(
      fc.property(fc.array(arbValue, { maxLength: 30 }), (raw) => {
        const values = raw.map((v) => ({ ...v, period: v.period ?? null })) as Value[];
        const plain = indexEnteredValues(values);
        const src = createValueSource({
          units,
          indicators: [ind('GO', { aggregation: 'none' })],
          plans: [],
          values,
        });
        for (const u of ['P', 'D1', 'C1', 'ELSEWHERE'])
          for (const i of ['GO', 'X'])
            for (let y = 2018; y <= 2024; y++) {
              expect(src.actual(u, i, y)).toEqual(plain.actual(u, i, y));
              expect(src.plan(u, i, y)).toEqual(plain.plan(u, i, y));
            }
      }),
      { numRuns: 200 },
    );
  });
});

describe('any data set', () => {
  it('never throws and never yields a non-finite figure, whatever the hierarchy, formulas and values', () => {
    const codes = ['A', 'B', 'C', 'D'];
    const unitCodes = ['u0', 'u1', 'u2', 'u3', 'u4'];
    const arbIndicator = fc.record({
      code: fc.constantFrom(...codes),
      aggregation: fc.constantFrom('sum', 'ratio', 'weighted-mean', 'none') as fc.Arbitrary<
        Indicator['aggregation']
      >,
      weight: fc.option(fc.constantFrom(...codes, 'Z')),
      formula: fc.option(
        fc.constantFrom('A + B', 'A / B', 'C * 2 - D', 'A / (B - B)', 'Z + 1', 'A +', 'D / A * 100'),
      ),
    });
    const arbUnit = fc.record({
      code: fc.constantFrom(...unitCodes),
      parent: fc.option(fc.constantFrom(...unitCodes, 'nowhere')),
    });
    const arbValue = fc.record({
      indicator: fc.constantFrom(...codes),
      unit: fc.constantFrom(...unitCodes),
      year: fc.constantFrom(2021, 2022),
      value: fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(0), fc.constant(1e308)),
      status: fc.constantFrom('official', 'preliminary', 'estimate', 'plan') as fc.Arbitrary<ValueStatus>,
    });
    fc.assert(
      fc.property(
        fc.array(arbIndicator, { maxLength: 6 }),
        fc.array(arbUnit, { maxLength: 6 }),
        fc.array(arbValue, { maxLength: 25 }),
        (inds, us, values) => {
          const src = createValueSource({
            units: us.map((u) => unit(u.code, u.parent, 'x')),
            indicators: inds.map((i) => ind(i.code, i)),
            plans: [],
            values,
          });
          for (const u of [...unitCodes, 'nowhere'])
            for (const c of [...codes, 'Z'])
              for (const y of [2020, 2021, 2022]) {
                const v = src.actual(u, c, y);
                if (v) {
                  expect(Number.isFinite(v.value)).toBe(true);
                  expect(['official', 'preliminary', 'estimate']).toContain(v.status);
                  if (v.derived != null) expect(Number.isFinite(v.derived)).toBe(true);
                } else {
                  const r = src.resolve(u, c, y);
                  const words = r.ok ? [] : r.reasons.map((x) => describeDerivationReason(x, 'en'));
                  expect(words.length).toBeGreaterThan(0);
                  for (const w of words) expect(w).not.toMatch(/undefined|NaN|Infinity|\[object|null/);
                }
                src.compare(u, c, y);
                src.actualYears(u, c);
              }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a data set spanning three centuries', () => {
  it('still derives (the memo moves from a typed array to a map past 8 M cells)', () => {
    const kids = Array.from({ length: 28_000 }, (_, i) => unit(`K${i}`, 'P', 'commune'));
    const values = kids.map((k) => val('GO', k.code, 2200, 1));
    values.push(val('GO', 'K0', 1900, 5));
    const src = createValueSource({
      units: [unit('P', null, 'province'), ...kids],
      indicators: [ind('GO')],
      plans: [],
      values,
    });
    expect(src.actual('P', 'GO', 2200)).toEqual({ value: 28_000, status: 'official', origin: 'aggregated' });
    expect(src.actual('P', 'GO', 1900)).toBeNull();
    expect(src.actualYears('K0', 'GO')).toEqual([1900, 2200]);
  });
});

describe('years outside the data', () => {
  it('have no figure, entered or planned, for a known or an unknown cell; plan figures are read on the dense keys', () => {
    const src = createValueSource({
      units: [unit('A', null, 'district')],
      indicators: [ind('GO')],
      plans: [],
      values: [val('GO', 'A', 2021, 5), val('GO', 'A', 2023, 7, 'plan'), val('GO', 'X', 2022, 9, 'plan')],
    });
    expect(src.actual('A', 'GO', 2019)).toBeNull();
    expect(src.actual('A', 'GO', 2030)).toBeNull();
    expect(src.actual('X', 'GO', 2030)).toBeNull();
    expect(src.plan('A', 'GO', 2030)).toBeNull();
    expect(src.plan('A', 'GO', 2023)).toBe(7);
    expect(src.plan('A', 'GO', 2022)).toBeNull();
    expect(src.plan('X', 'GO', 2022)).toBe(9);
    expect(src.actual('A', 'GO', 2023)).toBeNull();
  });
});
