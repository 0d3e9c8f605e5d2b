/**
 * The appendix as an XLSX workbook: the same table as the DOCX appendix, with real numbers in the
 * cells (displayed with each indicator's decimals) so officers can recompute and re-sort.
 */
import ExcelJS from 'exceljs';
import type { ReportDocument } from '../content/document.js';

const FONT = 'Times New Roman';

/** Excel number format for `d` decimals; Excel shows it with the reader's own separators. */
export const numFmt = (d: number) => (d > 0 ? `#,##0.${'0'.repeat(d)}` : '#,##0');

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Write the appendix workbook.
 *
 * @example
 * const bytes = await renderXlsx(doc); // sheet "Phụ lục": title rows, header row 5, one row per target
 */
export async function renderXlsx(doc: ReportDocument): Promise<Uint8Array> {
  const a = doc.appendix;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chitieu';
  wb.title = a.title;
  wb.subject = doc.meta.subject;
  wb.keywords = doc.meta.keywords;
  const ws = wb.addWorksheet(a.label, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.79, right: 0.59, top: 0.79, bottom: 0.79, header: 0.39, footer: 0.39 },
    },
    headerFooter: { oddHeader: '&C&P' },
  });
  const n = a.columns.length;
  ws.columns = a.columns.map((c) => ({ width: Math.max(6, Math.round(c.width * 1.6)) }));

  const title = (text: string, opts: { bold?: boolean; italic?: boolean }) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, n);
    const c = row.getCell(1);
    c.font = { name: FONT, size: 13, bold: opts.bold ?? false, italic: opts.italic ?? false };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    row.height = 20;
  };
  title(a.label.toLocaleUpperCase('vi'), { bold: true });
  title(a.title, { bold: true });
  title(a.subtitle, { italic: true });
  ws.addRow([]);

  const header = ws.addRow(a.columns.map((c) => c.header));
  header.height = 42;
  header.eachCell((c) => {
    c.font = { name: FONT, size: 11, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = BORDER;
  });
  ws.views = [{ state: 'frozen', ySplit: header.number, xSplit: 2 }];
  ws.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number, column: n } };

  for (const r of a.rows) {
    if (r.kind === 'group') {
      const row = ws.addRow([r.no, r.text]);
      ws.mergeCells(row.number, 2, row.number, n);
      for (let i = 1; i <= n; i++) {
        const c = row.getCell(i);
        c.font = { name: FONT, size: 11, bold: true };
        c.border = BORDER;
        c.alignment = { horizontal: i === 1 ? 'center' : 'left', vertical: 'middle' };
      }
      continue;
    }
    const row = ws.addRow(r.cells.map((text, i) => r.numbers[i] ?? (text === '' ? null : text)));
    row.eachCell({ includeEmpty: true }, (c, col) => {
      const i = col - 1;
      const d = r.decimals[i];
      c.font = { name: FONT, size: 11 };
      c.border = BORDER;
      const numeric = r.numbers[i] != null;
      if (numeric && d != null) c.numFmt = numFmt(d);
      c.alignment = {
        horizontal: numeric ? 'right' : i === 1 ? 'left' : 'center',
        vertical: 'middle',
        wrapText: true,
      };
    });
  }
  for (const note of a.notes) {
    const row = ws.addRow([note]);
    ws.mergeCells(row.number, 1, row.number, n);
    row.getCell(1).font = { name: FONT, size: 11, italic: true };
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
