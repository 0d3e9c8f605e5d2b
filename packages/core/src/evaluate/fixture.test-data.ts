import type { Indicator, Plan, Target, Value } from '../model.js';

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

export const indicators: Indicator[] = [
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

export const plan: Plan = {
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

export const values: Value[] = [
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
