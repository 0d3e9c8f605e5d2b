/**
 * Reports benchmark: the demo's 30-target party resolution, copied to 27 sibling districts of one
 * province with figures scaled per district (a fixed spread, so every run measures the same data).
 * Measures, in the same run: evaluation alone (the baseline), one mid-term DOCX with its charts and
 * rankings, the batch of 27 DOCX reports, and for reference one XLSX appendix and one PDF.
 * Goals: one DOCX under 1 s, the batch of 27 under 15 s.
 */
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  createValueSource,
  evaluatePlan,
  type Plan,
  type PlanData,
  type Unit,
  type Value,
} from '@chitieu/core';
import { readPlanFile } from '@chitieu/plan-file';
import { findSoffice, generateReport } from '@chitieu/reports';
import { type BenchTable, timeMs } from './lib.js';

export const name = 'reports';

const SIBLINGS = 27;
const DEMO = fileURLToPath(new URL('../demo/thi-xa-demo.yaml', import.meta.url));

/** 27 districts of one province, each with the demo's 30-target plan and its own figures. */
export async function provinceData(): Promise<PlanData> {
  const read = await readPlanFile(DEMO);
  if (!read.ok) throw new Error('demo plan file is invalid');
  const demo = read.data as PlanData;
  const template = demo.plans.find((p) => p.code === 'NQ-DH-XV');
  if (!template) throw new Error('demo plan NQ-DH-XV missing');
  const own = demo.values.filter((v) => v.unit === template.unit);
  // A fixed spread instead of random numbers: every run measures the same data.
  let k = 0;
  const rnd = () => ((k++ * 7919) % 1000) / 1000;
  const units: Unit[] = [{ code: 'P', name: 'Tỉnh Bình An', level: 'province' }];
  const plans: Plan[] = [];
  const values: Value[] = [];
  for (let i = 1; i <= SIBLINGS; i++) {
    const code = `D${String(i).padStart(2, '0')}`;
    units.push({
      code,
      name: i % 3 === 0 ? `Thị xã Số ${i}` : `Huyện Số ${i}`,
      level: 'district',
      parent: 'P',
    });
    plans.push({ ...template, code: `NQ-${code}`, unit: code });
    const scale = 0.6 + rnd() * 0.8;
    for (const v of own) {
      const percent = demo.indicators.find((x) => x.code === v.indicator)?.unit.trim() === '%';
      // Percentages move a little around the demo's; levels scale with the district's size.
      const value = percent
        ? Math.min(100, v.value * (0.9 + rnd() * 0.2))
        : v.value * scale * (0.95 + rnd() * 0.1);
      values.push({ ...v, unit: code, value });
    }
  }
  return { units, indicators: demo.indicators, plans, values };
}

export async function run(): Promise<BenchTable[]> {
  const data = await provinceData();
  const first = data.plans[0];
  if (!first) throw new Error('no plan');
  const base = { data, planCode: first.code, year: 2023, type: 'midterm' as const, lang: 'vi' as const };

  const evaluation = await timeMs(() => {
    const values = createValueSource(data);
    evaluatePlan({ plan: first, indicators: data.indicators, values, asOf: 2023 });
  }, 20);
  const evaluateAll = await timeMs(() => {
    const values = createValueSource(data);
    for (const plan of data.plans) evaluatePlan({ plan, indicators: data.indicators, values, asOf: 2023 });
  }, 5);
  let size = 0;
  const docx = await timeMs(async () => {
    size = (await generateReport({ ...base, format: 'docx' })).bytes.length;
  }, 5);
  // CPU time of the batch as well as wall time: on a machine shared with other work the wall time
  // grows with the load, the CPU time much less.
  let batchCpu = Number.NaN;
  const batch = await timeMs(
    async () => {
      const cpu0 = process.cpuUsage();
      for (const plan of data.plans) await generateReport({ ...base, planCode: plan.code, format: 'docx' });
      const cpu = process.cpuUsage(cpu0);
      batchCpu = (cpu.user + cpu.system) / 1000;
    },
    2,
    0,
  );
  const xlsx = await timeMs(() => generateReport({ ...base, format: 'xlsx' }), 5);
  const pdfmake = await timeMs(() => generateReport({ ...base, format: 'pdf', pdfEngine: 'pdfmake' }), 3);
  const lo = findSoffice()
    ? await timeMs(() => generateReport({ ...base, format: 'pdf', pdfEngine: 'libreoffice' }), 2)
    : Number.NaN;

  const verdict = (ms: number, goal: number) =>
    ms < goal ? `met (< ${goal} ms)` : `MISSED (goal < ${goal} ms)`;
  return [
    {
      title: `Reports: ${first.targets.length}-target mid-term review, ${SIBLINGS} sibling districts`,
      columns: ['work', 'median ms', 'x evaluation', 'note'],
      rows: [
        ['baseline: evaluate one plan', evaluation, 1, ''],
        [`baseline: evaluate all ${SIBLINGS} plans`, evaluateAll, evaluateAll / evaluation, ''],
        [
          'one DOCX (charts, rankings)',
          docx,
          docx / evaluation,
          `${Math.round(size / 1024)} KB; ${verdict(docx, 1000)}`,
        ],
        [`batch: ${SIBLINGS} DOCX`, batch, batch / evaluation, verdict(batch, 15_000)],
        [
          `batch: ${SIBLINGS} DOCX, CPU time`,
          batchCpu,
          batchCpu / evaluation,
          `${Math.round(batchCpu / SIBLINGS)} ms CPU per report`,
        ],
        ['one XLSX appendix', xlsx, xlsx / evaluation, ''],
        ['one PDF via pdfmake', pdfmake, pdfmake / evaluation, 'fallback'],
        [
          'one PDF via LibreOffice',
          lo,
          lo / evaluation,
          findSoffice() ? 'DOCX + soffice process' : 'LibreOffice not installed',
        ],
      ],
      notes: [
        'Goals (issue 6): one DOCX < 1 s; the batch of 27 < 15 s.',
        `Load average when measured: ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')} on ${cpus().length} CPUs (wall times grow with it).`,
      ],
    },
  ];
}
