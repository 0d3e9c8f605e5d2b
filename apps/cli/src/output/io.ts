import type { Lang, PlanData } from '@chitieu/core';
import { readPlanFile } from '@chitieu/plan-file';
import { type Messages, messages, parseLang } from '../i18n/messages.js';

/** Where a command writes: the process's streams, or strings in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Exit codes: 0 done, 2 bad input (invalid file, unknown code, bad option value). */
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;

/**
 * Read and validate a plan file. On any problem, print every one of them ("path: message") and
 * return null, so the caller exits with code 2 and nothing half-read is used.
 */
export async function loadPlanData(file: string, lang: Lang, io: Io): Promise<PlanData | null> {
  const m = messages(lang);
  let result: Awaited<ReturnType<typeof readPlanFile>>;
  try {
    result = await readPlanFile(file, { lang });
  } catch (err) {
    io.err(m.cannotRead(file, err instanceof Error ? err.message : String(err)));
    return null;
  }
  if (!result.ok) {
    io.err(m.invalidFile(file, result.problems.length));
    for (const p of result.problems) {
      const where = p.line ? m.at(p.line, p.column) : '';
      io.err(`  ${p.path ? `${p.path}: ` : ''}${p.message}${where}`);
    }
    return null;
  }
  return result.data;
}

/** A year option: four digits, else null (the caller reports it). */
export function parseYear(value: string | number | undefined): number | null {
  if (value === undefined) return null;
  const s = String(value).trim();
  return /^\d{4}$/.test(s) ? Number(s) : null;
}

/**
 * The options every reading command shares: `--lang` (vi by default) and `--year`. A bad value is
 * said on `io.err` and gives null, so the caller exits with code 2.
 */
export function commonOptions(
  opts: { lang?: string; year?: string },
  io: Io,
): { lang: Lang; m: Messages; year: number } | null {
  const lang = parseLang(opts.lang);
  if (!lang) {
    io.err(messages('vi').badLang(String(opts.lang)));
    return null;
  }
  const m = messages(lang);
  const year = parseYear(opts.year);
  if (year === null) {
    io.err(m.badYear(String(opts.year ?? '')));
    return null;
  }
  return { lang, m, year };
}
