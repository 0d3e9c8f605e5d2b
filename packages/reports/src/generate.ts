/**
 * The one entry point the CLI and the API share: plan data in, report bytes out.
 */
import {
  createValueSource,
  evaluatePlan,
  type Lang,
  type Plan,
  type PlanData,
  type Ranking,
  rankUnits,
  type ValueSource,
} from '@chitieu/core';
import { buildReport } from './content/build.js';
import type { ReportDocument } from './content/document.js';
import { renderDocx } from './docx/render.js';
import { renderPdf } from './pdf/pdf.js';
import {
  type GeneratedReport,
  type GenerateReportInput,
  MIME,
  REPORT_FORMATS,
  REPORT_TYPES,
  ReportInputError,
  type ReportOptions,
  type ReportType,
} from './types.js';
import { renderXlsx } from './xlsx/appendix.js';

const FILE_STEM: Record<Lang, Record<ReportType, string>> = {
  vi: { midterm: 'bao-cao-so-ket', annual: 'bao-cao-danh-gia-nam', final: 'bao-cao-tong-ket' },
  en: { midterm: 'midterm-review', annual: 'annual-review', final: 'final-review' },
};

/** Letters, digits and dashes only, so the name is safe in a header and on any file system. */
const safe = (s: string) => s.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');

/** Check the request against the data; throws ReportInputError saying what is wrong. */
export function findPlan(data: PlanData, planCode: string, year: number, lang: Lang = 'vi'): Plan {
  const plan = data.plans.find((p) => p.code === planCode);
  const en = lang === 'en';
  if (!plan) {
    const known = data.plans.map((p) => p.code).join(', ') || '—';
    throw new ReportInputError(
      en
        ? `No plan "${planCode}" in the data (plans: ${known}).`
        : `Không có kế hoạch "${planCode}" trong dữ liệu (có: ${known}).`,
    );
  }
  if (!Number.isInteger(year) || year <= plan.baselineYear || year > plan.targetYear) {
    const span = `${plan.baselineYear + 1}–${plan.targetYear}`;
    throw new ReportInputError(
      en
        ? `Year ${year} is outside the term of plan ${plan.code} (${span}).`
        : `Năm ${year} nằm ngoài nhiệm kỳ của kế hoạch ${plan.code} (${span}).`,
    );
  }
  return plan;
}

/**
 * The plan unit's rank among its siblings for each target's indicator: by average growth since
 * the baseline for growth targets on levels, by value otherwise. Milestones are not ranked; a
 * unit without siblings gets no ranks.
 */
export function rankingsFor(
  data: PlanData,
  plan: Plan,
  values: ValueSource,
  year: number,
): Map<string, Ranking> {
  const out = new Map<string, Ranking>();
  const parent = data.units.find((u) => u.code === plan.unit)?.parent;
  if (!parent) return out;
  const cache = new Map<string, Ranking>();
  for (const target of plan.targets) {
    if (target.kind === 'milestone') continue;
    const by = target.kind === 'avg-growth' && target.input !== 'rates' ? 'growth' : 'value';
    const key = `${target.indicator}\u0000${by}`;
    let ranking = cache.get(key);
    if (!ranking) {
      ranking = rankUnits({
        data,
        values,
        indicator: target.indicator,
        year,
        by,
        parent,
        since: plan.baselineYear,
      });
      cache.set(key, ranking);
    }
    if (ranking.rows.some((r) => r.unit === plan.unit) && ranking.rows.length > 1)
      out.set(target.code, ranking);
  }
  return out;
}

/** Evaluate and lay out a report, without writing any format yet. */
export async function reportDocument(
  input: Omit<GenerateReportInput, 'format'> & ReportOptions,
): Promise<ReportDocument> {
  const lang = input.lang ?? 'vi';
  if (!REPORT_TYPES.includes(input.type)) {
    throw new ReportInputError(`Unknown report type "${input.type}" (${REPORT_TYPES.join(', ')}).`);
  }
  const plan = findPlan(input.data, input.planCode, input.year, lang);
  const values = createValueSource(input.data);
  const evaluation = evaluatePlan({
    plan,
    indicators: input.data.indicators,
    values,
    asOf: input.year,
    lang,
  });
  return buildReport({
    data: input.data,
    plan,
    evaluation,
    values,
    type: input.type,
    lang,
    options: input,
    rankings: rankingsFor(input.data, plan, values, input.year),
  });
}

/**
 * Generate a report in one format. The server and the CLI both call this.
 *
 * @example
 * const r = await generateReport({ data, planCode: 'NQ-XI', year: 2023, type: 'midterm', format: 'docx', lang: 'vi' });
 * r.fileName // "bao-cao-so-ket-NQ-XI-2023.docx"
 * r.mime     // "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
 */
export async function generateReport(input: GenerateReportInput): Promise<GeneratedReport> {
  if (!REPORT_FORMATS.includes(input.format)) {
    throw new ReportInputError(`Unknown format "${input.format}" (${REPORT_FORMATS.join(', ')}).`);
  }
  const lang = input.lang ?? 'vi';
  // The XLSX appendix needs no charts; skip rendering them.
  const doc = await reportDocument(input.format === 'xlsx' ? { ...input, charts: false } : input);
  const stem =
    input.format === 'xlsx'
      ? `${lang === 'en' ? 'appendix' : 'phu-luc'}-${safe(input.planCode)}-${input.year}`
      : `${FILE_STEM[lang][input.type]}-${safe(input.planCode)}-${input.year}`;
  const fileName = `${stem}.${input.format}`;
  const mime = MIME[input.format];
  if (input.format === 'xlsx') return { bytes: await renderXlsx(doc), mime, fileName };
  if (input.format === 'docx') return { bytes: await renderDocx(doc), mime, fileName };
  const pdf = await renderPdf(doc, input.pdfEngine ?? 'auto');
  return { bytes: pdf.bytes, mime, fileName, pdfEngine: pdf.engine };
}
