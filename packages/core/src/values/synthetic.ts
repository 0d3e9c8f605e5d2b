/**
 * A synthetic national data set shaped like Vietnam's (1 nation, 34 provinces, ~700 districts,
 * 3.321 communes), for tests and benchmarks of the value source and rankings at full scale. Figures are
 * entered at commune level only, so everything above is derived. Deterministic (fixed seed).
 */
import type { Indicator, PlanData, Unit, Value } from '../model.js';

export interface SyntheticOptions {
  provinces?: number;
  districts?: number;
  communes?: number;
  /** Summed money indicators; with the fixed ones (POP, IC, SHARE, PC, INC, RATE…) the total is this + 10. */
  sumIndicators?: number;
  years?: number[];
}

/**
 * @example syntheticNationalData().units.length // 1 + 34 + 700 + 3321 = 4056
 */
export function syntheticNationalData(opts: SyntheticOptions = {}): PlanData {
  const nP = opts.provinces ?? 34;
  const nD = opts.districts ?? 700;
  const nC = opts.communes ?? 3321;
  const nSum = opts.sumIndicators ?? 30;
  const years = opts.years ?? [2020, 2021, 2022, 2023, 2024];
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };

  const units: Unit[] = [{ code: 'VN', name: 'Việt Nam', level: 'nation', parent: null }];
  for (let p = 0; p < nP; p++)
    units.push({ code: `P${p}`, name: `Tỉnh ${p}`, level: 'province', parent: 'VN' });
  for (let d = 0; d < nD; d++)
    units.push({ code: `D${d}`, name: `Huyện ${d}`, level: 'district', parent: `P${d % nP}` });
  const communes: string[] = [];
  for (let c = 0; c < nC; c++) {
    communes.push(`C${c}`);
    units.push({ code: `C${c}`, name: `Xã ${c}`, level: 'commune', parent: `D${c % nD}` });
  }

  const base = { direction: 'up' as const, decimals: 1, trend: 'compound' as const };
  const indicators: Indicator[] = [
    { ...base, code: 'POP', name: { vi: 'Dân số' }, unit: 'người', decimals: 0, aggregation: 'sum' },
    { ...base, code: 'IC', name: { vi: 'Giá trị công nghiệp' }, unit: 'tỷ đồng', aggregation: 'sum' },
    {
      ...base,
      code: 'SHARE',
      name: { vi: 'Tỷ trọng công nghiệp' },
      unit: '%',
      decimals: 2,
      trend: 'linear',
      aggregation: 'ratio',
      formula: 'IC / GO0 * 100',
    },
    {
      ...base,
      code: 'PC',
      name: { vi: 'Bình quân đầu người' },
      unit: 'triệu đồng/người',
      aggregation: 'ratio',
      formula: 'GO0 * 1000 / POP',
    },
    {
      ...base,
      code: 'INC',
      name: { vi: 'Thu nhập bình quân' },
      unit: 'triệu đồng/người',
      aggregation: 'weighted-mean',
      weight: 'POP',
    },
  ];
  for (let i = 0; i < nSum; i++)
    indicators.push({
      ...base,
      code: `GO${i}`,
      name: { vi: `Giá trị ${i}` },
      unit: 'tỷ đồng',
      aggregation: 'sum',
    });
  for (let i = 0; i < 5; i++)
    indicators.push({
      ...base,
      code: `RATE${i}`,
      name: { vi: `Tỷ lệ ${i}` },
      unit: '%',
      decimals: 2,
      trend: 'linear',
      aggregation: 'none',
      // The generator draws levels of 50–1000+ for every entered indicator: declared open, or a %
      // indicator would be a share in 0–100 and the plan-file reader would refuse these figures.
      bounds: [null, null],
    });

  const entered = indicators.filter((i) => !i.formula).map((i) => i.code);
  const values: Value[] = [];
  for (const c of communes) {
    for (const code of entered) {
      let level = 50 + rand() * 1000;
      for (const year of years) {
        level *= 1 + rand() * 0.12 - 0.02;
        const status = year === years[years.length - 1] ? 'estimate' : 'official';
        values.push({ indicator: code, unit: c, year, value: Math.round(level * 10) / 10, status });
      }
    }
  }
  const plans = units
    .filter((u) => u.level === 'province')
    .map((u) => ({
      code: `NQ-${u.code}`,
      title: { vi: `Nghị quyết ${u.name}` },
      unit: u.code,
      kind: 'party-resolution' as const,
      baselineYear: years[0] ?? 2020,
      targetYear: (years[0] ?? 2020) + 5,
      methodology: 'chitieu' as const,
      targets: [
        {
          code: '1',
          text: { vi: 'GO' },
          indicator: 'GO0',
          kind: 'avg-growth' as const,
          value: 7,
          input: 'levels' as const,
        },
      ],
    }));
  return { units, indicators, plans, values };
}

/**
 * mulberry32: a small seeded generator of numbers in [0, 1), so synthetic data are the same on every
 * run (benchmarks, golden tests).
 *
 * @example const rnd = seededRandom(1); rnd() === seededRandom(1)() // true
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
