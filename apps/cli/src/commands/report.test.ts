import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPlanFile, migrateToLatest, openDatabase } from '@chitieu/db';
import { readPlanFile } from '@chitieu/plan-file';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../output/io.js';
import { runReport } from './report.js';

const DEMO = fileURLToPath(new URL('../../../../demo/thi-xa-demo.yaml', import.meta.url));

/** What a command printed, line by line. */
function capture(): Io & { stdout: string; stderr: string } {
  const said = { stdout: '', stderr: '' };
  return Object.assign(said, {
    out(text: string) {
      said.stdout = `${said.stdout}${text}\n`;
    },
    err(text: string) {
      said.stderr = `${said.stderr}${text}\n`;
    },
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chitieu-report-'));
});

describe('chitieu report FILE', () => {
  it('writes the DOCX named by -o and says so', async () => {
    const io = capture();
    const out = join(dir, 'bao-cao.docx');
    const signer = 'K/T BÍ THƯ|PHÓ BÍ THƯ|Nguyễn Văn B';
    const code = await runReport(
      DEMO,
      { plan: 'NQ-DH-XV', year: '2023', type: 'midterm', output: out, signer },
      io,
    );
    expect(code).toBe(0);
    expect(io.stdout).toMatch(/^Đã ghi .*bao-cao\.docx \(\d+ KB\)\n$/);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(dir).some((f) => f.endsWith('.part'))).toBe(false);
  });

  it('takes the format from the -o extension: the XLSX appendix', async () => {
    const io = capture();
    const out = join(dir, 'phu-luc.xlsx');
    expect(await runReport(DEMO, { plan: 'NQ-DH-XV', year: '2023', output: out }, io)).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('says which path made the PDF', async () => {
    const io = capture();
    const out = join(dir, 'report.pdf');
    const code = await runReport(
      DEMO,
      {
        plan: 'NQ-HDND-KTXH',
        year: '2023',
        type: 'annual',
        output: out,
        lang: 'en',
        pdfEngine: 'pdfmake',
        charts: false,
      },
      io,
    );
    expect(code).toBe(0);
    expect(io.stdout).toContain('PDF: laid out by pdfmake as --pdf-engine asked');
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses bad input with exit code 2 and a sentence, writing nothing', async () => {
    const cases: [Parameters<typeof runReport>[1], string][] = [
      [{ plan: 'NQ-DH-XV', year: '23' }, '--year "23" không hợp lệ'],
      [{ plan: 'NQ-DH-XV', year: '2023', type: 'weekly' }, '--type "weekly" không hợp lệ'],
      [{ plan: 'NQ-DH-XV', year: '2023', output: join(dir, 'x.odt') }, '--format "odt" không hợp lệ'],
      [{ plan: 'NQ-X', year: '2023', output: join(dir, 'x.docx') }, 'Không có kế hoạch "NQ-X"'],
      [{ plan: 'NQ-DH-XV', year: '2030', output: join(dir, 'y.docx') }, 'Năm 2030 nằm ngoài nhiệm kỳ'],
      [{ plan: 'NQ-DH-XV', year: '2023', date: '30/06/2023' }, '--date "30/06/2023" không hợp lệ'],
      [{ plan: 'NQ-DH-XV', year: '2023', signer: 'BÍ THƯ' }, '--signer "BÍ THƯ" không hợp lệ'],
    ];
    for (const [opts, message] of cases) {
      const io = capture();
      expect(await runReport(DEMO, opts, io)).toBe(2);
      expect(io.stderr).toContain(message);
    }
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
    expect(existsSync(join(dir, 'y.docx'))).toBe(false);
  });
});

describe('chitieu report without a file: from the database', () => {
  const saved = process.env.DATABASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  });

  it('reads the plan imported into DATABASE_URL and writes the same kind of report', async () => {
    const path = join(dir, 'chitieu.db');
    const handle = openDatabase({ dialect: 'sqlite', path });
    try {
      await migrateToLatest(handle);
      const file = await readPlanFile(DEMO);
      if (!file.ok) throw new Error('demo plan file invalid');
      const imported = await importPlanFile(handle.db, file.data);
      expect(imported.ok).toBe(true);
    } finally {
      await handle.destroy();
    }
    process.env.DATABASE_URL = `sqlite:${path}`;
    const io = capture();
    const out = join(dir, 'from-db.docx');
    expect(await runReport(undefined, { plan: 'NQ-DH-XV', year: '2023', output: out }, io)).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    await expect(
      runReport(undefined, { plan: 'NOPE', year: '2023', output: join(dir, 'n.docx') }, io),
    ).rejects.toThrow('không có kế hoạch "NOPE" trong cơ sở dữ liệu');
  });
});
