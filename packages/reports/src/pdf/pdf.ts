import type { ReportDocument } from '../content/document.js';
import { renderDocx } from '../docx/render.js';
import type { PdfEngine } from '../types.js';
import { findSoffice, reserveConversion } from './libreoffice.js';
import { renderPdfmake } from './pdfmake-render.js';

/**
 * PDF through LibreOffice when it is installed (exact: the DOCX as Writer prints it), else pdfmake
 * with the bundled serif font. The result says which path was taken. Throws
 * `ConversionQueueFullError` when LibreOffice's queue is full.
 *
 * @example const { bytes, engine } = await renderPdf(doc, 'auto'); // engine: 'libreoffice' | 'pdfmake'
 */
export async function renderPdf(
  doc: ReportDocument,
  engine: PdfEngine | 'auto' = 'auto',
): Promise<{ bytes: Uint8Array; engine: PdfEngine }> {
  const useLibreOffice = engine === 'libreoffice' || (engine === 'auto' && findSoffice() !== null);
  if (useLibreOffice) {
    // The place in the queue first: a full queue refuses before the DOCX is rendered for nothing.
    const slot = reserveConversion();
    try {
      return { bytes: await slot.convert(await renderDocx(doc)), engine: 'libreoffice' };
    } finally {
      slot.release();
    }
  }
  return { bytes: await renderPdfmake(doc), engine: 'pdfmake' };
}
