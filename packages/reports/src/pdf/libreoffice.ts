/**
 * DOCX → PDF through LibreOffice (`soffice --headless --convert-to pdf`): the exact path, the PDF
 * looks like the DOCX opened in Writer. One private LibreOffice profile per process, and one
 * conversion at a time, because two instances on one profile block each other.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['soffice', 'libreoffice'];
const TIMEOUT_MS = 180_000;

let found: string | null | undefined;

/**
 * The LibreOffice executable: `CHITIEU_SOFFICE` when set, else `soffice` or `libreoffice` on PATH;
 * null when there is none.
 */
export function findSoffice(): string | null {
  if (found !== undefined) return found;
  const own = process.env.CHITIEU_SOFFICE;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const paths = own ? [own] : CANDIDATES.flatMap((name) => dirs.map((d) => join(d, name)));
  found = paths.find(isExecutable) ?? null;
  return found;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

let profileDir: string | null = null;
function profile(): string {
  if (!profileDir) {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-lo-profile-'));
    profileDir = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return profileDir;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Convert DOCX bytes to PDF bytes with LibreOffice. Rejects with LibreOffice's own message when it
 * fails or finds no output.
 *
 * @example const pdf = await docxToPdf(await renderDocx(doc));
 */
export function docxToPdf(docx: Uint8Array): Promise<Uint8Array> {
  const run = queue.then(() => convert(docx));
  queue = run.catch(() => undefined);
  return run;
}

async function convert(docx: Uint8Array): Promise<Uint8Array> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-pdf-'));
  try {
    const input = join(dir, 'report.docx');
    writeFileSync(input, docx);
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile()).href}`,
      '--headless',
      '--norestore',
      '--nologo',
      '--convert-to',
      'pdf:writer_pdf_Export',
      '--outdir',
      dir,
      input,
    ];
    const output = await new Promise<string>((resolve, reject) => {
      execFile(soffice, args, { timeout: TIMEOUT_MS }, (err, stdout, stderr) => {
        if (err) reject(new Error(`LibreOffice failed: ${stderr.trim() || err.message}`));
        else resolve(`${stdout}${stderr}`);
      });
    });
    try {
      return new Uint8Array(readFileSync(join(dir, 'report.pdf')));
    } catch {
      throw new Error(`LibreOffice wrote no PDF: ${output.trim()}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
