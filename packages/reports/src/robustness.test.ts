import {
  createValueSource,
  evaluatePlan,
  type Indicator,
  type Plan,
  type PlanData,
  sdgStatusLabel,
  type Target,
  type TargetKind,
  type Unit,
  type Value,
  type ValueStatus,
} from '@chitieu/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateReport } from './generate.js';
import { unzip } from './testkit.js';

const KINDS: TargetKind[] = ['level', 'avg-growth', 'cumulative', 'annual', 'change', 'milestone'];
const STATUSES: ValueStatus[] = ['official', 'preliminary', 'estimate', 'plan'];
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];

/** Any small data set a user could load: odd numbers, gaps, zeros, negatives, ranges, no groups. */
const dataSet = fc
  .record({
    siblings: fc.integer({ min: 0, max: 3 }),
    indicators: fc.array(
      fc.record({
        percent: fc.boolean(),
        down: fc.boolean(),
        decimals: fc.integer({ min: 0, max: 2 }),
        linear: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    targets: fc.array(
      fc.record({
        kind: fc.constantFrom(...KINDS),
        indicator: fc.nat(),
        value: fc.option(fc.constantFrom(0, 1, 5, 12.5, 100, 2500, -3), { nil: null }),
        range: fc.boolean(),
        group: fc.option(fc.constantFrom('Kinh tế', 'Văn hóa - xã hội', 'Môi trường'), { nil: null }),
        rates: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    values: fc.array(
      fc.record({
        unit: fc.nat(),
        indicator: fc.nat(),
        year: fc.constantFrom(...YEARS),
        value: fc.oneof(fc.constantFrom(0, -1, 100), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
        status: fc.constantFrom(...STATUSES),
      }),
      { maxLength: 40 },
    ),
    party: fc.boolean(),
    sdg: fc.boolean(),
    tasks: fc.array(
      fc.record({
        progress: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        due: fc.option(fc.constantFrom('2022-06-30', '2024-12-31'), { nil: null }),
      }),
      { maxLength: 3 },
    ),
  })
  .map((r): PlanData => {
    const units: Unit[] = [{ code: 'P', name: 'Tỉnh Thử', level: 'province' }];
    for (let i = 0; i <= r.siblings; i++) {
      units.push({
        code: `D${i}`,
        name: i === 0 ? 'Huyện Gốc' : `Xã lạ ${i}`,
        level: 'district',
        parent: 'P',
      });
    }
    const indicators: Indicator[] = r.indicators.map((x, i) => ({
      code: `I${i}`,
      name: { vi: `Chỉ tiêu ${i}` },
      unit: x.percent ? '%' : 'tỷ đồng',
      direction: x.down ? 'down' : 'up',
      decimals: x.decimals,
      trend: x.linear ? 'linear' : 'compound',
      aggregation: 'none',
    }));
    const targets: Target[] = r.targets.map((x, i) => ({
      code: String(i + 1),
      group: x.group,
      text: { vi: `Mục tiêu ${i + 1}` },
      indicator: `I${x.indicator % indicators.length}`,
      kind: x.kind,
      value: x.range ? null : x.value,
      low: x.range ? x.value : null,
      high: x.range && x.value != null ? x.value + 1 : null,
      input: x.kind === 'avg-growth' ? (x.rates ? 'rates' : 'levels') : null,
    }));
    const plan: Plan = {
      code: 'KH',
      title: { vi: 'Kế hoạch thử' },
      unit: 'D0',
      kind: r.party ? 'party-resolution' : 'socio-economic-plan',
      baselineYear: 2020,
      targetYear: 2025,
      methodology: r.sdg ? 'sdg-progress' : 'chitieu',
      targets,
      programs: [
        {
          code: 'CT',
          kind: 'program',
          title: { vi: 'Chương trình thử' },
          tasks: r.tasks.map((x, i) => ({
            code: `T${i}`,
            title: { vi: `Việc ${i}` },
            progress: x.progress,
            due: x.due,
          })),
        },
      ],
    };
    const values: Value[] = r.values.map((v) => ({
      indicator: `I${v.indicator % indicators.length}`,
      unit: `D${v.unit % (r.siblings + 1)}`,
      year: v.year,
      value: v.value,
      status: v.status,
    }));
    return { units, indicators, plans: [plan], values };
  });

const stats = { runs: 0, charts: 0, evaluated: 0 };
const BAD_TEXT = /NaN|undefined|\bnull\b|\[object Object\]|Infinity/;

describe('any data set gives a clean report', () => {
  it('DOCX never throws and never prints NaN, undefined, null or [object Object]', async () => {
    await fc.assert(
      fc.asyncProperty(
        dataSet,
        fc.constantFrom('vi', 'en') as fc.Arbitrary<'vi' | 'en'>,
        fc.boolean(),
        async (data, lang, charts) => {
          const r = await generateReport({
            data,
            planCode: 'KH',
            year: 2023,
            type: 'midterm',
            format: 'docx',
            lang,
            charts,
          });
          const { text } = await unzip(r.bytes);
          const xml = text.get('word/document.xml') ?? '';
          stats.runs++;
          // SDG plans speak of progress statuses in the appendix, never of bands.
          const plan = data.plans[0];
          if (plan?.methodology === 'sdg-progress') {
            const values = createValueSource(data);
            const ev = evaluatePlan({ plan, indicators: data.indicators, values, asOf: 2023, lang });
            for (const te of ev.targets) {
              if (te.sdgProgress) expect(xml).toContain(`>${sdgStatusLabel(te.sdgProgress.status, lang)}<`);
            }
          }
          if (xml.includes('<w:drawing>')) stats.charts++;
          if (/bằng \d|of the goal/.test(xml)) stats.evaluated++;
          const visible = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
          expect(visible).not.toMatch(BAD_TEXT);
          expect(xml).not.toMatch(/<w:t(?: [^>]*)?><\/w:t>/);
        },
      ),
      { numRuns: 30 },
    );
    // The generator must reach the interesting paths, or the property proves little.
    expect(stats.evaluated).toBeGreaterThan(0);
    expect(stats.charts).toBeGreaterThan(0);
  });

  it('XLSX never throws and holds only finite numbers', async () => {
    const ExcelJS = (await import('exceljs')).default;
    await fc.assert(
      fc.asyncProperty(dataSet, async (data) => {
        const r = await generateReport({ data, planCode: 'KH', year: 2023, type: 'annual', format: 'xlsx' });
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(r.bytes) as unknown as ArrayBuffer);
        wb.eachSheet((ws) =>
          ws.eachRow((row) =>
            row.eachCell((c) => {
              if (typeof c.value === 'number') expect(Number.isFinite(c.value)).toBe(true);
              else expect(String(c.value)).not.toMatch(BAD_TEXT);
            }),
          ),
        );
      }),
      { numRuns: 30 },
    );
  });
});
