/**
 * DOCX → PDF through LibreOffice (`soffice --headless --convert-to pdf`): the exact path, the PDF
 * looks like the DOCX opened in Writer. One private LibreOffice profile per process, and one
 * conversion at a time, because two instances on one profile block each other. The queue is
 * bounded: past `maxPending` conversions (running or waiting) a new one is refused at once with
 * {@link ConversionQueueFullError}, so a flood of requests cannot pile up LibreOffice runs.
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

/** Conversions that may be running or waiting at once, unless {@link configureConversions} says otherwise. */
export const DEFAULT_MAX_PENDING_CONVERSIONS = 4;

let queue: Promise<unknown> = Promise.resolve();
let pending = 0;
let maxPending = DEFAULT_MAX_PENDING_CONVERSIONS;
/** Running estimate of one conversion's duration, for Retry-After (LibreOffice's cold start is slow). */
let averageMs = 10_000;

/** The conversion queue is full; try again after `retryAfterSeconds`. */
export class ConversionQueueFullError extends Error {
  override name = 'ConversionQueueFullError';
  constructor(readonly retryAfterSeconds: number) {
    super(`PDF conversion queue full (${maxPending} pending); retry after ${retryAfterSeconds} s`);
  }
}

/**
 * Bound the conversion queue: at most `maxPending` conversions running or waiting (at least 1).
 *
 * @example configureConversions({ maxPending: 8 });
 */
export function configureConversions(options: { maxPending: number }): void {
  maxPending = Math.max(1, Math.trunc(options.maxPending));
}

/** When a conversion asked for now could expect to start, in seconds (1 to 600). */
function retryAfterSeconds(): number {
  return Math.min(600, Math.max(1, Math.ceil((pending * averageMs) / 1000)));
}

/**
 * The error a conversion asked for now would get, or null when the queue has room: lets a caller
 * refuse before it does the work that leads to a conversion.
 *
 * @example const full = conversionQueueFull(); if (full) throw full;
 */
export function conversionQueueFull(): ConversionQueueFullError | null {
  return pending >= maxPending ? new ConversionQueueFullError(retryAfterSeconds()) : null;
}

/** A place in the conversion queue, held from before the DOCX is rendered until the PDF is out. */
export interface ConversionSlot {
  /** Convert in this slot (once); the slot is released when it settles. */
  convert(docx: Uint8Array): Promise<Uint8Array>;
  /** Give the place up without converting (the DOCX could not be made). Safe to call twice. */
  release(): void;
}

/**
 * Take a place in the conversion queue, or throw {@link ConversionQueueFullError} when it is full.
 *
 * @example
 * const slot = reserveConversion();
 * try { pdf = await slot.convert(await renderDocx(doc)); } finally { slot.release(); }
 */
export function reserveConversion(): ConversionSlot {
  const full = conversionQueueFull();
  if (full) throw full;
  pending++;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    pending--;
  };
  return {
    convert(docx) {
      if (released) return Promise.reject(new Error('conversion slot already used'));
      const run = queue.then(async () => {
        const started = Date.now();
        try {
          return await convert(docx);
        } finally {
          averageMs = 0.7 * averageMs + 0.3 * (Date.now() - started);
        }
      });
      queue = run.catch(() => undefined);
      return run.finally(release);
    },
    release,
  };
}

/**
 * Convert DOCX bytes to PDF bytes with LibreOffice. Rejects with LibreOffice's own message when it
 * fails or finds no output, and with {@link ConversionQueueFullError} when the queue is full.
 *
 * @example const pdf = await docxToPdf(await renderDocx(doc));
 */
export function docxToPdf(docx: Uint8Array): Promise<Uint8Array> {
  try {
    return reserveConversion().convert(docx);
  } catch (err) {
    return Promise.reject(err);
  }
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
