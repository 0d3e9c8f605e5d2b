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
export { docxToPdf, findSoffice } from './pdf/libreoffice.js';
export { renderPdf } from './pdf/pdf.js';
export { renderPdfmake } from './pdf/pdfmake-render.js';
export * from './types.js';
export { renderXlsx } from './xlsx/appendix.js';
