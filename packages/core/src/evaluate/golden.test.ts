/**
 * Golden output: the exact JSON of evaluatePlan for the demo plan file and for synthetic plans that
 * reach every kind, direction, range, trend, clamp and missing-data path, at every as-of year of the
 * term, in Vietnamese and English. Stored in golden/*.snap (JSON text): any change of a number, a word, a field or
 * the order of fields shows as a diff. Regenerate only for an intended change of output
 * (`npx vitest run packages/core/src/evaluate/golden.test.ts -u`) and review the diff.
 */
import { fileURLToPath } from 'node:url';
import { readPlanFile } from '@chitieu/plan-file';
import { describe, expect, it } from 'vitest';
import type {
  Direction,
  Indicator,
  Lang,
  Plan,
  PlanData,
  Target,
  TargetKind,
  TrendModel,
  Unit,
  Value,
  ValueStatus,
} from '../model.js';
import { createValueSource } from '../values/derived-source.js';
import { seededRandom } from '../values/synthetic.js';
import { evaluatePlan } from './evaluate.js';

const YEARS = [2021, 2022, 2023, 2024, 2025];
const LANGS: Lang[] = ['vi', 'en'];

/** Every plan of a data set at every as-of year and language, as one JSON text. */
function evaluateAllAsJson(data: PlanData): string {
  const values = createValueSource(data);
  const out: unknown[] = [];
  for (const plan of data.plans)
    for (const asOf of YEARS)
      for (const lang of LANGS)
        out.push({
          asOf,
          lang,
          evaluation: evaluatePlan({ plan, indicators: data.indicators, values, asOf, lang }),
        });
  // One line per target: a change shows as a short diff, and the text is still the exact JSON.
  return `${JSON.stringify(out).replaceAll('},{"code":', '},\n{"code":').replaceAll('},{"asOf":', '},\n{"asOf":')}\n`;
}

interface Shape {
  kind: TargetKind;
  direction: Direction;
  unit: string;
  trend: TrendModel;
  rates?: boolean;
  bounds?: [number | null, number | null];
  /** How the figures run: a level and a yearly drift (ratio for compound, units for linear). */
  start: number;
  drift: number;
}

const SHAPES: Shape[] = [
  { kind: 'avg-growth', direction: 'up', unit: 'tỷ đồng', trend: 'compound', start: 1000, drift: 0.09 },
  { kind: 'avg-growth', direction: 'up', unit: '%', trend: 'linear', rates: true, start: 7, drift: 0.3 },
  { kind: 'avg-growth', direction: 'down', unit: 'người', trend: 'compound', start: 500, drift: -0.02 },
  { kind: 'level', direction: 'up', unit: '%', trend: 'linear', start: 60, drift: 9 },
  { kind: 'level', direction: 'down', unit: '%', trend: 'linear', start: 6, drift: -0.8 },
  { kind: 'level', direction: 'down', unit: 'vụ', trend: 'linear', start: 4, drift: -1.5 },
  { kind: 'level', direction: 'up', unit: 'tỷ đồng', trend: 'compound', start: -40, drift: 15 },
  { kind: 'cumulative', direction: 'up', unit: 'tỷ đồng', trend: 'compound', start: 200, drift: 0.1 },
  { kind: 'annual', direction: 'up', unit: 'người', trend: 'linear', start: 1800, drift: 60 },
  { kind: 'annual', direction: 'down', unit: 'ha', trend: 'linear', start: 30, drift: -2, bounds: [5, 40] },
  { kind: 'change', direction: 'down', unit: '%', trend: 'linear', start: 5, drift: -0.7 },
  { kind: 'change', direction: 'up', unit: '%', trend: 'linear', start: 40, drift: 1.2 },
  { kind: 'avg-growth', direction: 'up', unit: 'tỷ đồng', trend: 'compound', start: 0, drift: 0.1 },
  { kind: 'avg-growth', direction: 'up', unit: 'tỷ đồng', trend: 'linear', start: -50, drift: 40 },
  { kind: 'milestone', direction: 'up', unit: '%', trend: 'linear', start: 0, drift: 30 },
];

/** One goal per target, drawn to land on every side of the bands and the forecast classes. */
function goalOf(s: Shape, rnd: () => number, i: number): Partial<Target> {
  const scale = 0.6 + rnd() * 0.8;
  const variant = i % 6;
  if (s.kind === 'milestone') return variant % 2 === 0 ? { expected: 'complete' } : {};
  if (variant === 5) return {}; // no number: insufficient data
  if (s.kind === 'avg-growth') {
    const g = (s.rates ? s.start : Math.abs(s.drift) * 100) * scale;
    if (variant === 1) return { low: round1(g), high: round1(g + 1) };
    return { value: round1(s.direction === 'down' && variant === 2 ? -g : g) };
  }
  if (s.kind === 'change') {
    const c = Math.abs(s.drift) * scale;
    return variant === 1 ? { low: round1(c), high: round1(c + 0.5) } : { value: round1(c) };
  }
  const level =
    s.kind === 'cumulative'
      ? s.start * 5.5 * scale
      : s.trend === 'compound'
        ? s.start * 1.4
        : s.start + s.drift * 4;
  if (s.unit === 'vụ' && variant === 0) return { value: 0 };
  if (variant === 1) return { low: round1(level * scale), high: round1(level * scale * 1.1) };
  return { value: round1(level * scale) };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Figures 2020–2023 (some missing, some estimates), plan figures for 2024–2025 on some indicators. */
function figures(s: Shape, indicator: string, unit: string, rnd: () => number, gap: number): Value[] {
  const out: Value[] = [];
  let level = s.start * (0.8 + rnd() * 0.4);
  for (let year = 2020; year <= 2025; year++) {
    const status: ValueStatus =
      year >= 2024 ? 'plan' : year === 2023 ? 'estimate' : year === 2022 ? 'preliminary' : 'official';
    const skip =
      (gap === 1 && year === 2020) ||
      (gap === 2 && year === 2022) ||
      (gap === 3 && year >= 2021) ||
      (status === 'plan' && gap !== 4);
    const value = s.rates
      ? s.start + (rnd() - 0.5) * 4
      : s.kind === 'milestone'
        ? Math.min(100, (year - 2020) * s.drift * rnd() * 1.5)
        : level;
    if (!skip && !(s.rates && year === 2020))
      out.push({ indicator, unit, year, value: Math.round(value * 100) / 100, status });
    if (gap === 0 && year === 2022 && !s.rates)
      out.push({ indicator, unit, year, value: Math.round(value * 90) / 100, status: 'official' });
    level = s.trend === 'compound' ? level * (1 + s.drift * (0.5 + rnd())) : level + s.drift * (0.5 + rnd());
  }
  return out;
}

/** Synthetic plans: four units, one target per shape and variant, each methodology and band setting. */
function syntheticPlans(): PlanData {
  const rnd = seededRandom(20250101);
  const units: Unit[] = [
    { code: 'T', name: 'Tỉnh', level: 'province', parent: null },
    ...['A', 'B', 'C', 'D'].map((c) => ({ code: c, name: `Huyện ${c}`, level: 'district', parent: 'T' })),
  ];
  const indicators: Indicator[] = [];
  const targets: Target[] = [];
  SHAPES.forEach((s, k) => {
    for (let variant = 0; variant < 6; variant++) {
      const code = `S${k}V${variant}`;
      indicators.push({
        code,
        name: { vi: `Chỉ tiêu ${code}`, en: `Indicator ${code}` },
        unit: s.unit,
        direction: s.direction,
        decimals: s.unit === '%' ? 2 : 1,
        trend: s.trend,
        aggregation: s.unit === '%' ? 'none' : 'sum',
        ...(s.bounds ? { bounds: s.bounds } : {}),
      });
      targets.push({
        code: `${k + 1}.${variant + 1}`,
        group: ['Kinh tế', 'Xã hội', 'Môi trường'][k % 3] ?? null,
        text: { vi: `Mục tiêu ${code}` },
        indicator: code,
        kind: s.kind,
        ...(s.kind === 'avg-growth' ? { input: s.rates ? ('rates' as const) : ('levels' as const) } : {}),
        ...goalOf(s, rnd, variant),
      });
    }
  });
  targets.push({
    code: 'X',
    text: { vi: 'Không có chỉ tiêu thống kê' },
    indicator: 'NONE',
    kind: 'level',
    value: 1,
  });
  const values: Value[] = [];
  units.slice(1).forEach((u, ui) => {
    indicators.forEach((ind, ii) => {
      const shape = SHAPES[Math.floor(ii / 6)] as Shape;
      for (const v of figures(shape, ind.code, u.code, rnd, (ii + ui) % 5)) values.push(v);
    });
  });
  const plan = (unit: string, over: Partial<Plan>): Plan => ({
    code: `KH-${unit}`,
    title: { vi: `Kế hoạch ${unit}`, en: `Plan ${unit}` },
    unit,
    kind: 'socio-economic-plan',
    baselineYear: 2020,
    targetYear: 2025,
    methodology: 'chitieu',
    targets,
    ...over,
  });
  const plans: Plan[] = [
    plan('A', {}),
    plan('B', {
      bands: [100, 80, 50],
      bandLabels: [
        { vi: 'Vượt' },
        { vi: 'Khá', en: 'Good' },
        { vi: 'Trung bình' },
        { vi: 'Yếu', en: 'Weak' },
      ],
      forecast: { exceed: 110, complete: 95 },
    }),
    plan('C', { methodology: 'sdg-progress' }),
    plan('D', { baselineYear: 2021, targetYear: 2024 }),
    plan('T', {}),
  ];
  return { units, indicators, plans, values };
}

describe('golden evaluation output', () => {
  it('the demo plan file, 2021–2025, vi and en', async () => {
    const file = fileURLToPath(new URL('../../../../demo/thi-xa-demo.yaml', import.meta.url));
    const r = await readPlanFile(file);
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    await expect(evaluateAllAsJson(r.data)).toMatchFileSnapshot('./golden/demo.snap');
  });

  it('synthetic plans of every kind and edge, 2021–2025, vi and en', async () => {
    await expect(evaluateAllAsJson(syntheticPlans())).toMatchFileSnapshot('./golden/synthetic.snap');
  });
});
