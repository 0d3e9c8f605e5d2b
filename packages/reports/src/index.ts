export { buildReport, pickKeyTargets } from './content/build.js';
export type {
  Appendix,
  AppendixRow,
  Block,
  ChartImage,
  OfficialHeading,
  ReportDocument,
} from './content/document.js';
export { layoutOf, officialHeading } from './content/heading.js';
export { renderDocx } from './docx/render.js';
export { findPlan, generateReport, rankingsFor, reportDocument } from './generate.js';
export {
  ConversionQueueFullError,
  configureConversions,
  conversionQueueFull,
  DEFAULT_MAX_PENDING_CONVERSIONS,
  docxToPdf,
  findSoffice,
  reserveConversion,
} from './pdf/libreoffice.js';
export { renderPdf } from './pdf/pdf.js';
export { renderPdfmake } from './pdf/pdfmake-render.js';
export * from './types.js';
export { renderXlsx } from './xlsx/appendix.js';
