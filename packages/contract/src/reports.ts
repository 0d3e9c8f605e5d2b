import { z } from 'zod';
import { langQuery } from './common.js';

/** sơ kết giữa nhiệm kỳ | đánh giá năm | tổng kết nhiệm kỳ (the report package's `ReportType`). */
export const REPORT_TYPES = ['midterm', 'annual', 'final'] as const;
export const REPORT_FORMATS = ['docx', 'xlsx', 'pdf'] as const;

export const reportParams = z.strictObject({
  code: z.string().min(1),
  type: z.enum(REPORT_TYPES),
});

export const reportQuery = z.strictObject({
  year: z.coerce.number().int().min(1900).max(2200),
  format: z.enum(REPORT_FORMATS).default('docx'),
  /** auto: LibreOffice when installed (exact), else pdfmake. */
  pdfEngine: z.enum(['auto', 'libreoffice', 'pdfmake']).default('auto'),
  charts: z.enum(['true', 'false']).default('true'),
  ...langQuery,
});
