import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator, Plan, Target, Value } from '../model.js';
import { indexEnteredValues } from '../values/value-source.js';
import { boundsOf, evaluatePlan } from './evaluate.js';

/** A small town plan 2021–2025 with one target of every kind, evaluated at 2023 in the tests. */
const ind = (code: string, unit: string, over: Partial<Indicator> = {}): Indicator => ({
  code,
  name: { vi: code },
  unit,
  direction: 'up',
  decimals: 1,
  trend: 'compound',
  aggregation: 'sum',
  ...over,
});

const indicators: Indicator[] = [
  ind('GO', 'tỷ đồng'),
  ind('POV', '%', { direction: 'down', trend: 'linear' }),
  ind('INV', 'tỷ đồng'),
  ind('JOB', 'người'),
  ind('URB', '%', { trend: 'linear' }),
  ind('GRDP', '%/năm'),
  ind('MS', '%', { trend: 'linear' }),
  ind('ACC', 'vụ', { direction: 'down', trend: 'linear', bounds: [0, null] }),
  ind('GO2', 'tỷ đồng'),
];

const target = (
  code: string,
  indicator: string,
  kind: Target['kind'],
  over: Partial<Target> = {},
): Target => ({
  code,
  text: { vi: `Chỉ tiêu ${code}` },
  indicator,
  kind,
  ...over,
});

const plan: Plan = {
  code: 'NQ-XI',
  title: { vi: 'Nghị quyết Đại hội Đảng bộ thị xã lần thứ XI' },
  unit: '381',
  kind: 'party-resolution',
  baselineYear: 2020,
  targetYear: 2025,
  methodology: 'chitieu',
  targets: [
    target('1', 'GO', 'avg-growth', { value: 15, input: 'levels', group: 'Kinh tế' }),
    target('2', 'POV', 'change', { value: 1 }),
    target('3', 'INV', 'cumulative', { value: 1000 }),
    target('4', 'JOB', 'annual', { value: 2000 }),
    target('5', 'URB', 'level', { low: 33, high: 34 }),
    target('6', 'GRDP', 'avg-growth', { low: 6.5, high: 7, input: 'rates' }),
    target('7', 'MS', 'milestone', { expected: 'complete' }),
    target('8', 'ACC', 'level', { value: 0 }),
    target('9', 'XX', 'level', { value: 10 }),
    target('10', 'GO2', 'avg-growth', { value: 8 }),
  ],
};

const v = (indicator: string, year: number, value: number, status: Value['status'] = 'official'): Value => ({
  indicator,
  unit: '381',
  year,
  value,
  status,
});

const values: Value[] = [
  v('GO', 2019, 90),
  v('GO', 2020, 100),
  v('GO', 2021, 110),
  v('GO', 2022, 122),
  v('GO', 2023, 135.6939710911, 'estimate'),
  v('GO', 2024, 170),
  ...[5, 4.2, 3.2, 2.3].map((x, i) => v('POV', 2020 + i, x)),
  ...[180, 190, 180].map((x, i) => v('INV', 2021 + i, x)),
  ...[1800, 2100, 1900].map((x, i) => v('JOB', 2021 + i, x, i === 2 ? 'preliminary' : 'official')),
  v('URB', 2020, 30),
  v('URB', 2023, 40),
  v('GRDP', 2021, 6),
  v('GRDP', 2022, 7),
  v('MS', 2023, 60),
  v('ACC', 2022, 1),
  v('ACC', 2023, 0),
  v('GO2', 2023, 50),
  // Another unit's figure must not leak in.
  { ...v('GO', 2023, 1), unit: '382' },
];

const evaluate = (p: Plan = plan, asOf = 2023, vs: Value[] = values, lang: 'vi' | 'en' = 'vi') =>
  evaluatePlan({ plan: p, indicators, values: indexEnteredValues(vs), asOf, lang });
const row = (code: string, e = evaluate()) => {
  const r = e.targets.find((t) => t.code === code);
  if (!r) throw new Error(`no target ${code}`);
  return r;
};

describe('evaluatePlan — the mid-term review 2023 of a 2021–2025 plan', () => {
  it('Given GO growing 10,71 %/year against 15 % (2023 an estimate), When evaluated, Then the docs/plan-format.md row', () => {
    const r = row('1');
    expect(r).toMatchObject({
      code: '1',
      kind: 'avg-growth',
      status: 'ok',
      year: 2023,
      actual: 10.71,
      achievementPercent: 71.4,
      band: 1,
      met: false,
      observedGrowthPercent: 10.71,
      requiredGrowthPercent: 21.75,
      forecast: { achievementPercent: 71.4, class: 'at-risk', actual: 10.71 },
      estimate: true,
      goal: 15,
      indicator: 'GO',
      group: 'Kinh tế',
    });
    expect(r.achievement).toBeCloseTo(0.714, 10);
    expect(r.forecast.effort).toEqual({
      kind: 'growth',
      requiredPerYear: 21.75,
      achievedPerYear: 10.71,
      remainingYears: 2,
    });
  });
  it('Given targets in plan order, When evaluated, Then the rows keep that order', () => {
    expect(evaluate().targets.map((t) => t.code)).toEqual(plan.targets.map((t) => t.code));
  });
  it('Given a value after the as-of year and one before the baseline, When evaluated, Then neither is read', () => {
    // GO has 2024 = 170 and 2019 = 90; t must stay 2023 and the baseline 2020.
    expect(row('1').year).toBe(2023);
    expect(row('1').actual).toBe(10.71);
  });
  it('Given a review after the target year, When evaluated, Then years beyond T are not read', () => {
    const late = { ...plan, targetYear: 2023 };
    expect(row('1', evaluate(late, 2024)).year).toBe(2023);
  });
  it('Given each kind, When evaluated, Then `actual` is the figure docs/plan-format.md names', () => {
    const e = evaluate();
    expect(row('2', e).actual).toBeCloseTo(0.9, 12); // c_obs
    expect(row('3', e).actual).toBe(550); // S_t
    expect(row('4', e).actual).toBeCloseTo(1933.333, 3); // mean
    expect(row('5', e).actual).toBe(40); // v_t
    expect(row('6', e).actual).toBe(6.5); // g_obs in percent, 2 decimals
    expect(row('7', e).actual).toBe(60); // progress
  });
  it('Given a cumulative target, When evaluated, Then the pace is reported in percent', () => {
    expect(row('3')).toMatchObject({ achievementPercent: 55, pacePercent: 91.7, band: 1 });
  });
  it('Given a range 33–34 % (level, up), When evaluated, Then measured against 33', () => {
    expect(row('5')).toMatchObject({ goal: 33, achievementPercent: 121.2, met: true });
  });
  it('Given rates averaging 6,4988 % against 6,5–7 %, When evaluated, Then 99,98 % shows as 100,0 and counts as met', () => {
    expect(row('6')).toMatchObject({ goal: 6.5, achievementPercent: 100, band: 0, met: true, year: 2022 });
  });
  it('Given a preliminary figure among the years used, When evaluated, Then estimate is true', () => {
    expect(row('4').estimate).toBe(true);
    expect(row('3').estimate).toBe(false);
  });
  it('Given "không để xảy ra" with 0 cases, When evaluated, Then met and, with bounds [0, …], forecast complete', () => {
    expect(row('8')).toMatchObject({
      achievementPercent: 100,
      met: true,
      forecast: { value: 0, class: 'complete' },
    });
  });
  it('Given a missing indicator and a missing baseline, When evaluated, Then insufficient-data with words, nulls, and no band', () => {
    expect(row('9')).toMatchObject({
      status: 'insufficient-data',
      reason: 'không tìm thấy chỉ tiêu thống kê XX',
      reasonCode: 'no-indicator',
      achievement: null,
      achievementPercent: null,
      band: null,
      met: null,
      forecast: { class: 'insufficient-data' },
    });
    expect(row('10')).toMatchObject({
      status: 'insufficient-data',
      reason: 'không có số liệu năm gốc 2020',
      year: 2023,
      actual: null,
      observedGrowthPercent: null,
      requiredGrowthPercent: null,
    });
  });
  it('Given lang en, When evaluated, Then reasons are in English', () => {
    expect(row('10', evaluate(plan, 2023, values, 'en')).reason).toBe('no baseline value for 2020');
  });
  it('Given the whole plan, When summarised, Then bands count only ok targets and insufficient data stands apart', () => {
    expect(evaluate().summary).toEqual({
      total: 10,
      bands: [
        { minPercent: 80, count: 5 },
        { minPercent: 50, count: 3 },
        { minPercent: null, count: 0 },
      ],
      met: 3,
      insufficientData: 2,
      forecast: { exceed: 1, complete: 3, atRisk: 4, insufficientData: 2 },
    });
  });
  it('Given a target with no number, When evaluated, Then no-target-value', () => {
    const p = {
      ...plan,
      targets: [{ code: 'x', text: { vi: 'x' }, indicator: 'GO', kind: 'level' } as Target],
    };
    expect(row('x', evaluate(p))).toMatchObject({
      status: 'insufficient-data',
      reasonCode: 'no-target-value',
    });
  });
  it('Given an as-of year before any figure, When evaluated, Then no-actual', () => {
    expect(row('5', evaluate(plan, 2019))).toMatchObject({
      status: 'insufficient-data',
      reasonCode: 'no-actual',
    });
  });
});

describe('evaluatePlan — plan settings', () => {
  it('Given bands 100 / 80 / 50 with labels, When summarised, Then four bands with the labels', () => {
    const p: Plan = {
      ...plan,
      bands: [100, 80, 50],
      bandLabels: [{ vi: 'Hoàn thành' }, { vi: 'Khá' }, { vi: 'Trung bình' }, { vi: 'Yếu' }],
    };
    expect(evaluate(p).summary.bands).toEqual([
      { minPercent: 100, count: 3, label: 'Hoàn thành' },
      { minPercent: 80, count: 2, label: 'Khá' },
      { minPercent: 50, count: 3, label: 'Trung bình' },
      { minPercent: null, count: 0, label: 'Yếu' },
    ]);
  });
  it('Given forecast thresholds exceed 150 / complete 90, When evaluated, Then classes follow them', () => {
    const e = evaluate({ ...plan, forecast: { exceed: 150, complete: 90 } });
    expect(row('5', e).forecast.class).toBe('complete'); // 141,4 %
    expect(row('2', e).forecast.class).toBe('complete'); // 90,4 %
  });
  it('Given an annual plan figure for 2024, When evaluated, Then the forecast uses it first', () => {
    const withPlan = [
      ...values,
      { indicator: 'URB', unit: '381', year: 2024, value: 30, status: 'plan' as const },
    ];
    const r = row('5', evaluate(plan, 2023, withPlan));
    expect(r.forecast.path?.[0]).toEqual({ year: 2024, value: 30, source: 'plan' });
    expect(r.actual).toBe(40); // plan values are never actuals
  });
});

describe('boundsOf', () => {
  it('Given explicit bounds, a percentage, a count and a signed amount, When asked, Then own, 0–100, floor 0, open', () => {
    expect(boundsOf({ unit: 'tỷ đồng', bounds: [10, 20] })).toEqual([10, 20]);
    expect(boundsOf({ unit: '%', bounds: null })).toEqual([0, 100]);
    expect(boundsOf({ unit: 'vụ', bounds: null }, [1, 0])).toEqual([0, null]);
    expect(boundsOf({ unit: 'triệu USD', bounds: null }, [-5, 3])).toBeNull();
  });
  it('Given "không để xảy ra cháy rừng" falling 1 → 0 with no bounds set, When forecast, Then never below 0 fires', () => {
    const fires = indicators.map((i) => (i.code === 'ACC' ? { ...i, bounds: null } : i));
    const e = evaluatePlan({ plan, indicators: fires, values: indexEnteredValues(values), asOf: 2023 });
    expect(row('8', e).forecast.path?.map((p) => p.value)).toEqual([0, 0]);
  });
});

describe('evaluatePlan — sdg-progress', () => {
  it('Given an SDG plan, When evaluated, Then each row has sdgProgress and the summary counts them', () => {
    const sdgPlan: Plan = {
      ...plan,
      methodology: 'sdg-progress',
      targets: [
        { code: 'a', text: { vi: 'a' }, indicator: 'URB', kind: 'level', value: 45 },
        { code: 'b', text: { vi: 'b' }, indicator: 'URB', kind: 'level', value: null },
        { code: 'c', text: { vi: 'c' }, indicator: 'GO', kind: 'avg-growth', value: 15 },
        { code: 'd', text: { vi: 'd' }, indicator: 'URB', kind: 'level', value: 35 },
        { code: 'e', text: { vi: 'e' }, indicator: 'XX', kind: 'level', value: 1 },
      ],
    };
    const e = evaluate(sdgPlan);
    expect(e.methodology).toBe('sdg-progress');
    // URB 30 → 40 over 3 years toward 45 by 2025: CAGR 10,06 % / required 8,45 % → 1,19.
    expect(row('a', e).sdgProgress?.status).toBe('substantial');
    expect(row('a', e).sdgProgress?.ratio).toBeCloseTo(1.1914, 3);
    expect(row('b', e).sdgProgress).toMatchObject({ status: 'substantial' }); // p = 10,06 % without target
    expect(row('c', e).sdgProgress?.ratio).toBeCloseTo(0.714, 3); // 10,71 / 15
    expect(row('c', e).sdgProgress?.status).toBe('moderate');
    expect(row('d', e).sdgProgress).toEqual({ status: 'target-achieved', ratio: null });
    expect(row('e', e).sdgProgress).toEqual({ status: 'insufficient-data', ratio: null });
    expect(e.summary.sdgProgress).toEqual({
      'target-achieved': 1,
      substantial: 2,
      moderate: 1,
      limited: 0,
      deterioration: 0,
      'insufficient-data': 1,
    });
  });
  it('Given a chitieu plan, When evaluated, Then no sdgProgress anywhere', () => {
    const e = evaluate();
    expect(e.summary.sdgProgress).toBeUndefined();
    expect(e.targets.every((t) => t.sdgProgress === undefined)).toBe(true);
  });
});

/** Every number finite, nothing undefined: the JSON round trip must give back the same object. */
function assertClean(x: unknown, path = '$'): void {
  if (typeof x === 'number') {
    if (!Number.isFinite(x) || Object.is(x, -0)) throw new Error(`${path} = ${x}`);
  } else if (x === undefined) {
    throw new Error(`${path} is undefined`);
  } else if (typeof x === 'string') {
    if (/NaN|Infinity|undefined|\[object/.test(x)) throw new Error(`${path} = ${x}`);
  } else if (Array.isArray(x)) {
    for (const [i, v] of x.entries()) assertClean(v, `${path}[${i}]`);
  } else if (x !== null && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) assertClean(v, `${path}.${k}`);
  }
}

describe('evaluatePlan — properties', () => {
  const num = fc.oneof(
    fc.constantFrom(0, -0, 1, -1, 100, 0.001),
    fc.integer({ min: -1000, max: 100000 }),
    fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  );
  const codes = ['A', 'B', 'C', 'P'];
  const indicatorArb = (code: string) =>
    fc.record({
      code: fc.constant(code),
      name: fc.constant({ vi: code }),
      unit: fc.constantFrom('%', 'tỷ đồng', '%/năm'),
      direction: fc.constantFrom('up' as const, 'down' as const),
      decimals: fc.constant(1),
      trend: fc.constantFrom('compound' as const, 'linear' as const),
      aggregation: fc.constant('sum' as const),
      bounds: fc.option(fc.tuple(fc.option(num), fc.option(num)), { nil: null }),
    });
  const targetArb = fc.record({
    code: fc.string({ minLength: 1, maxLength: 3 }),
    text: fc.constant({ vi: 't' }),
    indicator: fc.constantFrom(...codes, 'MISSING'),
    kind: fc.constantFrom(
      'level',
      'avg-growth',
      'cumulative',
      'annual',
      'change',
      'milestone',
    ) as fc.Arbitrary<Target['kind']>,
    value: fc.option(num, { nil: null, freq: 6 }),
    low: fc.option(num, { nil: null }),
    high: fc.option(num, { nil: null }),
    input: fc.constantFrom('levels' as const, 'rates' as const, null),
    expected: fc.constantFrom('exceed' as const, 'complete' as const, 'at-risk' as const, null),
  });
  // Dense yearly series per indicator (2017–2028, some gaps), so that most targets are computable.
  const seriesArb = fc.array(fc.option(num, { nil: null, freq: 5 }), { minLength: 12, maxLength: 12 });
  const statusArb = fc.constantFrom(
    'official' as const,
    'preliminary' as const,
    'estimate' as const,
    'plan' as const,
  );
  const valuesArb = fc
    .tuple(...codes.map(() => fc.tuple(seriesArb, fc.array(statusArb, { minLength: 12, maxLength: 12 }))))
    .map((perIndicator) =>
      perIndicator.flatMap(([xs, statuses], i) =>
        xs.flatMap((value, k): Value[] =>
          value === null
            ? []
            : [
                {
                  indicator: codes[i] ?? 'A',
                  unit: 'U',
                  year: 2017 + k,
                  value,
                  status: statuses[k] ?? 'official',
                },
              ],
        ),
      ),
    );
  const scenario = fc.record({
    indicators: fc.tuple(...codes.map(indicatorArb)),
    targets: fc.array(targetArb, { maxLength: 8 }),
    values: valuesArb,
    baselineYear: fc.integer({ min: 2018, max: 2022 }),
    termYears: fc.integer({ min: 1, max: 6 }),
    asOf: fc.integer({ min: 2016, max: 2030 }),
    methodology: fc.constantFrom('chitieu' as const, 'sdg-progress' as const),
    bands: fc.option(fc.array(num, { maxLength: 4 }), { nil: null }),
    forecast: fc.option(
      fc.record({ exceed: fc.option(num, { nil: null }), complete: fc.option(num, { nil: null }) }),
      {
        nil: null,
      },
    ),
    lang: fc.constantFrom('vi' as const, 'en' as const),
  });

  it('Given any finite inputs, When evaluated, Then no NaN, Infinity, −0 or undefined reaches the output, and it survives JSON', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const p: Plan = {
          code: 'P',
          title: { vi: 'P' },
          unit: 'U',
          kind: 'other',
          baselineYear: s.baselineYear,
          targetYear: s.baselineYear + s.termYears,
          methodology: s.methodology,
          bands: s.bands,
          forecast: s.forecast,
          targets: s.targets,
        };
        const e = evaluatePlan({
          plan: p,
          indicators: s.indicators as Indicator[],
          values: indexEnteredValues(s.values),
          asOf: s.asOf,
          lang: s.lang,
        });
        assertClean(e);
        expect(JSON.parse(JSON.stringify(e))).toStrictEqual(e);
        expect(e.targets.length).toBe(s.targets.length);
        const counted = e.summary.bands.reduce((n, b) => n + b.count, 0);
        expect(counted + e.summary.insufficientData).toBe(e.summary.total);
      }),
      { numRuns: 1500 },
    );
  });

  it('Given d=+1 level targets, When a higher actual is reported, Then achievement never falls', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e6, noNaN: true })),
        (a, b, goal) => {
          const p: Plan = {
            ...plan,
            targets: [{ code: 'L', text: { vi: 'L' }, indicator: 'GO', kind: 'level', value: goal }],
          };
          const at = (x: number) =>
            evaluate(p, 2023, [{ indicator: 'GO', unit: '381', year: 2023, value: x, status: 'official' }])
              .targets[0]?.achievement ?? Number.NaN;
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(at(hi)).toBeGreaterThanOrEqual(at(lo));
        },
      ),
    );
  });
});
