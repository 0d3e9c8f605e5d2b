import { REPORT_FORMATS, REPORT_TYPES } from '@chitieu/reports/types';
import { z } from 'zod';
import { langQuery } from '../kit.js';

export const reportParams = z.object({
  code: z.string().min(1),
  type: z.enum(REPORT_TYPES as [string, ...string[]]),
});

export const reportQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2200),
  format: z.enum(REPORT_FORMATS as [string, ...string[]]).default('docx'),
  /** auto: LibreOffice when installed (exact), else pdfmake. */
  pdfEngine: z.enum(['auto', 'libreoffice', 'pdfmake']).default('auto'),
  charts: z.enum(['true', 'false']).default('true'),
  ...langQuery,
});
