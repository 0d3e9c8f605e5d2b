import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanData } from '@chitieu/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateReport } from '../generate.js';
import { ARTIFACTS, demoData } from '../testkit.js';
import { findSoffice } from './libreoffice.js';

let data: PlanData;
beforeAll(async () => {
  data = await demoData();
  mkdirSync(ARTIFACTS, { recursive: true });
});

const hasTool = (name: string) => {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
// CI installs LibreOffice and poppler: there these tests must run (and fail if the tools are missing).
const canConvert = (findSoffice() !== null && hasTool('pdftoppm')) || process.env.CI === 'true';

/** Share of dark pixels on a page rendered as greyscale PGM by pdftoppm. */
function inkShare(pdf: string, page: number): number {
  const out = join(ARTIFACTS, `ink-${page}`);
  execFileSync('pdftoppm', [
    '-gray',
    '-r',
    '30',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdf,
    out,
  ]);
  const pgm = readFileSync(`${out}.pgm`);
  // Header "P5\n<w> <h>\n255\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PGM file');
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const p of pixels) if (p < 128) dark++;
  return dark / pixels.length;
}

const pageCount = (pdf: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1] ?? Number.NaN);

describe('PDF through LibreOffice (exact path)', () => {
  it.runIf(canConvert)(
    'converts the DOCX: several pages, page 1 not blank, PNGs kept as artifacts',
    async () => {
      const r = await generateReport({
        data,
        planCode: 'NQ-DH-XV',
        year: 2023,
        type: 'midterm',
        format: 'pdf',
        pdfEngine: 'libreoffice',
      });
      expect(r.pdfEngine).toBe('libreoffice');
      expect(r.fileName).toBe('bao-cao-so-ket-NQ-DH-XV-2023.pdf');
      expect(Buffer.from(r.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
      const pdf = join(ARTIFACTS, r.fileName);
      writeFileSync(pdf, r.bytes);
      const pages = pageCount(pdf);
      expect(pages).toBeGreaterThanOrEqual(5);
      expect(pages).toBeLessThanOrEqual(30);
      expect(inkShare(pdf, 1)).toBeGreaterThan(0.01);
      expect(inkShare(pdf, pages)).toBeGreaterThan(0.005); // the appendix's last page has the table
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(ARTIFACTS, 'bao-cao-so-ket-page')]);
    },
  );
});

describe('PDF fallback through pdfmake', () => {
  it('lays out A4 portrait pages and a landscape appendix with the bundled font', async () => {
    const r = await generateReport({
      data,
      planCode: 'NQ-HDND-KTXH',
      year: 2023,
      type: 'annual',
      format: 'pdf',
      pdfEngine: 'pdfmake',
    });
    expect(r.pdfEngine).toBe('pdfmake');
    expect(r.fileName).toBe('bao-cao-danh-gia-nam-NQ-HDND-KTXH-2023.pdf');
    const raw = Buffer.from(r.bytes).toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    const boxes = raw.match(/\/MediaBox \[[^\]]*\]/g) ?? [];
    expect(boxes.filter((b) => b === '/MediaBox [0 0 595.28 841.89]').length).toBeGreaterThanOrEqual(3);
    expect(boxes).toContain('/MediaBox [0 0 841.89 595.28]');
    expect(raw).toContain('LiberationSerif');
    writeFileSync(join(ARTIFACTS, `pdfmake-${r.fileName}`), r.bytes);
  });
});
