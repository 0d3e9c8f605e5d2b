import type { Lang, PlanData } from '@chitieu/core';

/** sơ kết giữa nhiệm kỳ | đánh giá năm | tổng kết nhiệm kỳ */
export type ReportType = 'midterm' | 'annual' | 'final';
export const REPORT_TYPES: readonly ReportType[] = ['midterm', 'annual', 'final'];
export type ReportFormat = 'docx' | 'xlsx' | 'pdf';
export const REPORT_FORMATS: readonly ReportFormat[] = ['docx', 'xlsx', 'pdf'];
/** Party documents (Hướng dẫn 36-HD/VPTW) or State documents (Nghị định 30/2020/NĐ-CP). */
export type Layout = 'party' | 'state';
export type PdfEngine = 'libreoffice' | 'pdfmake';

/** Who signs: "T/M BAN THƯỜNG VỤ / BÍ THƯ", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH". */
export interface Signer {
  /** First line, e.g. "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH". */
  mandate: string;
  /** Second line, e.g. "BÍ THƯ", "PHÓ CHỦ TỊCH". */
  role: string;
  name?: string | null;
}

/** Everything of the official heading a user may set; the rest is derived from the plan and its unit. */
export interface HeadingOptions {
  layout?: Layout;
  /** Issuing body lines, top first, e.g. ["ĐẢNG BỘ TỈNH THANH HÓA", "THỊ ỦY BỈM SƠN"]. */
  issuer?: string[];
  /** Số và ký hiệu, e.g. "125-BC/TU"; default leaves the number blank: "     -BC/TU". */
  number?: string;
  /** Place name in the date line; default the unit's name without its level ("Bỉm Sơn"). */
  place?: string;
  /** ISO date "2023-06-30"; default leaves day and month blank for the signer. */
  date?: string;
  signer?: Signer;
  /** Nơi nhận, one line each (without the leading dash). */
  recipients?: string[];
}

export interface ReportOptions {
  /** Codes of targets whose series and ranking get a chart; default: up to 3 chosen by `pickKeyTargets`. */
  keyTargets?: string[];
  /** Charts on (default) or off. */
  charts?: boolean;
  heading?: HeadingOptions;
  /** PDF engine: `auto` (default) uses LibreOffice when installed, else pdfmake. */
  pdfEngine?: PdfEngine | 'auto';
}

export interface GenerateReportInput extends ReportOptions {
  data: PlanData;
  planCode: string;
  /** The evaluation (as-of) year. */
  year: number;
  type: ReportType;
  format: ReportFormat;
  lang?: Lang;
}

export interface GeneratedReport {
  bytes: Uint8Array;
  mime: string;
  /** A safe default file name, e.g. "bao-cao-so-ket-NQ-XI-2023.docx". */
  fileName: string;
  /** Which path made the PDF (only for `format: 'pdf'`). */
  pdfEngine?: PdfEngine;
}

export const MIME: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** A problem with the request (unknown plan, year outside the term): the caller's input, said in words. */
export class ReportInputError extends Error {
  override name = 'ReportInputError';
}
