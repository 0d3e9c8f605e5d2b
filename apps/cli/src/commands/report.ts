import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import type { Lang, PlanData } from '@chitieu/core';
import { loadEvaluationData } from '@chitieu/db';
// Only the light option types here: the renderers (docx, exceljs, echarts, resvg) load in the action, so
// every other command — `serve` above all — starts without them.
import {
  type PdfEngine,
  REPORT_FORMATS,
  REPORT_TYPES,
  type ReportFormat,
  ReportInputError,
  type ReportType,
} from '@chitieu/reports/types';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { CliError, openConfiguredDatabase, requireConfig } from '../config-database.js';
import { messages, parseLang } from '../i18n/messages.js';
import { EXIT_BAD_INPUT, EXIT_OK, type Io, loadPlanData, parseYear, processIo } from '../output/io.js';

const SAY = {
  vi: {
    description:
      'lập báo cáo sơ kết, đánh giá năm, tổng kết (DOCX, PDF) hoặc phụ lục (XLSX) theo thể thức văn bản',
    file: 'tệp kế hoạch; bỏ trống để đọc từ cơ sở dữ liệu (DATABASE_URL)',
    plan: 'mã kế hoạch',
    year: 'năm đánh giá',
    type: 'loại báo cáo: midterm (sơ kết giữa nhiệm kỳ), annual (đánh giá năm), final (tổng kết nhiệm kỳ)',
    format: 'docx | pdf | xlsx (mặc định theo đuôi tệp -o, không có thì docx)',
    output: 'tệp kết quả (mặc định: tên chuẩn trong thư mục hiện tại)',
    lang: 'ngôn ngữ báo cáo: vi | en',
    pdfEngine: 'cách tạo PDF: auto (LibreOffice nếu có) | libreoffice | pdfmake',
    noCharts: 'không vẽ biểu đồ',
    number: 'số, ký hiệu văn bản, ví dụ 125-BC/TU',
    date: 'ngày ban hành, dạng 2023-06-30 (mặc định để trống ngày, tháng)',
    signer: 'người ký "THẨM QUYỀN|CHỨC VỤ|Họ tên", ví dụ "KT. CHỦ TỊCH|PHÓ CHỦ TỊCH|Nguyễn Văn A"',
    badSigner: (v: string) =>
      `--signer "${v}" không hợp lệ: cần "THẨM QUYỀN|CHỨC VỤ" hoặc "THẨM QUYỀN|CHỨC VỤ|Họ tên"`,
    needPlan: 'cần --plan MÃ_KẾ_HOẠCH',
    badYear: (v: string) => `--year "${v}" không hợp lệ: cần năm 4 chữ số`,
    badType: (v: string) => `--type "${v}" không hợp lệ: chọn ${REPORT_TYPES.join(', ')}`,
    badFormat: (v: string) => `--format "${v}" không hợp lệ: chọn ${REPORT_FORMATS.join(', ')}`,
    badEngine: (v: string) => `--pdf-engine "${v}" không hợp lệ: chọn auto, libreoffice, pdfmake`,
    badDate: (v: string) => `--date "${v}" không hợp lệ: cần dạng NĂM-THÁNG-NGÀY, ví dụ 2023-06-30`,
    notInDatabase: (code: string) => `không có kế hoạch "${code}" trong cơ sở dữ liệu`,
    written: (file: string, kb: number) => `Đã ghi ${file} (${kb} KB)`,
    engine: {
      libreoffice: 'PDF: chuyển từ DOCX bằng LibreOffice (đúng như bản Word)',
      pdfmake: 'PDF: dựng bằng pdfmake vì không có LibreOffice (gần đúng bản Word)',
      pdfmakeAsked: 'PDF: dựng bằng pdfmake theo --pdf-engine (gần đúng bản Word)',
    },
  },
  en: {
    description:
      'write a mid-term, annual or final review (DOCX, PDF) or its appendix (XLSX) in the official layout',
    file: 'plan file; leave out to read from the database (DATABASE_URL)',
    plan: 'plan code',
    year: 'evaluation year',
    type: 'report type: midterm, annual, final',
    format: 'docx | pdf | xlsx (default from the -o extension, else docx)',
    output: 'output file (default: the standard name in the current directory)',
    lang: 'report language: vi | en',
    pdfEngine: 'PDF path: auto (LibreOffice when installed) | libreoffice | pdfmake',
    noCharts: 'leave the charts out',
    number: 'document number and symbol, e.g. 125-BC/TU',
    date: 'issue date as 2023-06-30 (default: day and month left blank)',
    signer: 'who signs, "MANDATE|ROLE|Name", e.g. "KT. CHỦ TỊCH|PHÓ CHỦ TỊCH|Nguyễn Văn A"',
    badSigner: (v: string) => `--signer "${v}" is not valid: use "MANDATE|ROLE" or "MANDATE|ROLE|Name"`,
    needPlan: '--plan CODE is required',
    badYear: (v: string) => `--year "${v}" is not valid: a four-digit year is needed`,
    badType: (v: string) => `--type "${v}" is not valid: choose ${REPORT_TYPES.join(', ')}`,
    badFormat: (v: string) => `--format "${v}" is not valid: choose ${REPORT_FORMATS.join(', ')}`,
    badEngine: (v: string) => `--pdf-engine "${v}" is not valid: choose auto, libreoffice, pdfmake`,
    badDate: (v: string) => `--date "${v}" is not valid: use YEAR-MONTH-DAY, e.g. 2023-06-30`,
    notInDatabase: (code: string) => `no plan "${code}" in the database`,
    written: (file: string, kb: number) => `Wrote ${file} (${kb} KB)`,
    engine: {
      libreoffice: 'PDF: converted from the DOCX by LibreOffice (exact)',
      pdfmake: 'PDF: laid out by pdfmake, LibreOffice not found (close to the DOCX)',
      pdfmakeAsked: 'PDF: laid out by pdfmake as --pdf-engine asked (close to the DOCX)',
    },
  },
} satisfies Record<Lang, unknown>;

export interface ReportCliOptions {
  plan?: string;
  year?: string;
  type?: string;
  format?: string;
  output?: string;
  lang?: string;
  pdfEngine?: string;
  charts?: boolean;
  number?: string;
  date?: string;
  signer?: string;
}

const isOneOf = <T extends string>(list: readonly T[], v: string): v is T =>
  (list as readonly string[]).includes(v);

/** Write the whole file next to its destination, then rename: a reader never sees half a report. */
function writeAtomically(path: string, bytes: Uint8Array): void {
  const tmp = `${path}.${process.pid}.part`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** A plan's data from the configured database (every unit and value the plan needs). */
async function fromDatabase(planCode: string, lang: Lang): Promise<PlanData> {
  const config = requireConfig(loadConfig({ ...process.env, CHITIEU_LANG: lang }));
  const { handle } = await openConfiguredDatabase(config);
  try {
    const data = await loadEvaluationData(handle.db, planCode);
    if (!data) throw new CliError(SAY[lang].notInDatabase(planCode), EXIT_BAD_INPUT);
    return data;
  } finally {
    await handle.destroy();
  }
}

/**
 * `chitieu report [FILE] --plan CODE --year YEAR [--type midterm|annual|final] [--format docx|pdf|xlsx]
 * [-o PATH] [--lang vi|en]`. Returns the exit code: 0, or 2 for bad input, having said why on `io.err`.
 *
 * @example await runReport('demo/thi-xa-demo.yaml', { plan: 'NQ-DH-XV', year: '2023', output: 'bao-cao.docx' }) // 0
 */
export async function runReport(
  file: string | undefined,
  opts: ReportCliOptions,
  io: Io = processIo,
): Promise<number> {
  const lang = parseLang(opts.lang);
  if (!lang) {
    io.err(`--lang "${opts.lang}": vi | en`);
    return EXIT_BAD_INPUT;
  }
  const m = SAY[lang];
  const bad = (message: string) => {
    io.err(message);
    return EXIT_BAD_INPUT;
  };
  if (!opts.plan) return bad(m.needPlan);
  const year = parseYear(opts.year);
  if (year === null) return bad(m.badYear(String(opts.year ?? '')));
  const type = opts.type ?? 'midterm';
  if (!isOneOf(REPORT_TYPES, type)) return bad(m.badType(type));
  const format = opts.format ?? (opts.output ? extname(opts.output).slice(1).toLowerCase() : 'docx');
  if (!isOneOf(REPORT_FORMATS, format)) return bad(m.badFormat(format));
  const engine = opts.pdfEngine ?? 'auto';
  if (engine !== 'auto' && engine !== 'libreoffice' && engine !== 'pdfmake') return bad(m.badEngine(engine));
  if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) return bad(m.badDate(opts.date));

  const signerParts = opts.signer?.split('|').map((x) => x.trim());
  if (
    signerParts &&
    (signerParts.length < 2 || signerParts.length > 3 || signerParts.some((x) => x === ''))
  ) {
    return bad(m.badSigner(String(opts.signer)));
  }
  const signer = signerParts
    ? {
        mandate: signerParts[0] ?? '',
        role: signerParts[1] ?? '',
        ...(signerParts[2] ? { name: signerParts[2] } : {}),
      }
    : null;

  // Said before the work: a report takes seconds to lay out.
  if (opts.output && !existsSync(dirname(opts.output)))
    return bad(messages(lang).noFolder(opts.output, dirname(opts.output)));
  const data = file ? await loadPlanData(file, lang, io) : await fromDatabase(opts.plan, lang);
  if (!data) return EXIT_BAD_INPUT;
  try {
    const { generateReport } = await import('@chitieu/reports');
    const report = await generateReport({
      data,
      planCode: opts.plan,
      year,
      type: type as ReportType,
      format: format as ReportFormat,
      lang,
      pdfEngine: engine as PdfEngine | 'auto',
      charts: opts.charts !== false,
      heading: {
        ...(opts.number ? { number: opts.number } : {}),
        ...(opts.date ? { date: opts.date } : {}),
        ...(signer ? { signer } : {}),
      },
    });
    const path = opts.output ?? report.fileName;
    const dir = dirname(path);
    if (!existsSync(dir)) return bad(messages(lang).noFolder(path, dir));
    try {
      writeAtomically(path, report.bytes);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return bad(messages(lang).cannotWrite(path, code ?? (err as Error).message));
    }
    io.out(m.written(path, Math.ceil(report.bytes.length / 1024)));
    if (report.pdfEngine === 'pdfmake') io.out(engine === 'auto' ? m.engine.pdfmake : m.engine.pdfmakeAsked);
    else if (report.pdfEngine) io.out(m.engine.libreoffice);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof ReportInputError) return bad(err.message);
    throw err;
  }
}

export function registerReport(program: Command): void {
  const both = (
    k:
      | 'description'
      | 'file'
      | 'plan'
      | 'year'
      | 'type'
      | 'format'
      | 'output'
      | 'lang'
      | 'pdfEngine'
      | 'noCharts'
      | 'number'
      | 'date'
      | 'signer',
  ) => `${SAY.vi[k]} / ${SAY.en[k]}`;
  program
    .command('report')
    .description(both('description'))
    .argument('[file]', both('file'))
    .requiredOption('--plan <code>', both('plan'))
    .requiredOption('--year <year>', both('year'))
    .option('--type <type>', both('type'), 'midterm')
    .option('--format <format>', both('format'))
    .option('-o, --output <path>', both('output'))
    .option('--lang <lang>', both('lang'))
    .option('--pdf-engine <engine>', both('pdfEngine'), 'auto')
    .option('--no-charts', both('noCharts'))
    .option('--number <number>', both('number'))
    .option('--date <date>', both('date'))
    .option('--signer <signer>', both('signer'))
    .action(async (file: string | undefined, opts: ReportCliOptions) => {
      try {
        process.exitCode = await runReport(file, opts);
      } catch (err) {
        if (err instanceof CliError) {
          processIo.err(`chitieu: ${err.message}`);
          process.exitCode = err.exitCode;
          return;
        }
        throw err;
      }
    });
}
