import { extname } from 'node:path';
import type { Lang, PlanData } from '@chitieu/core';
import { type PlanFileProblem, readPlanFile } from '@chitieu/plan-file';
import { message, type Problem } from '@chitieu/rules';
import { commandLang } from '../i18n/lang.js';
import { type Messages, messages } from '../i18n/messages.js';

/** Where a command writes: the process's streams, or strings in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/**
 * Exit codes: 0 done; 1 the work failed (database unreachable, a file that cannot be written for a
 * reason other than the path given); 2 bad input (invalid file, unknown code, bad option value, a
 * missing option or unknown command, an output folder that does not exist). docs/plan-format.md.
 */
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
    const [only] = result.problems;
    // A file that cannot be read at all (missing, binary, another encoding) is one sentence.
    if (result.problems.length === 1 && only && only.path === '' && only.line === undefined)
      io.err(only.message);
    else {
      io.err(m.invalidFile(file, result.problems.length));
      for (const p of result.problems) io.err(problemLine(p, m));
    }
    return null;
  }
  if (result.warnings.length > 0) {
    io.err(m.warnings(file, result.warnings.length));
    for (const p of result.warnings) io.err(problemLine(p, m));
  }
  return result.data;
}

/** `  path: message (line 3, column 5)` */
function problemLine(p: PlanFileProblem, m: Messages): string {
  const where = p.line ? m.at(p.line, p.column) : '';
  return `  ${p.path ? `${p.path}: ` : ''}${p.message}${where}`;
}

/** Spreadsheets and CSV are not plan files (yet): said in one sentence before anything is read. */
const NOT_PLAN_FILES = new Set(['.xlsx', '.xls', '.xlsm', '.ods', '.csv', '.tsv', '.docx', '.pdf']);

/**
 * The sentence refusing a file chitieu cannot read as a plan file by its extension, or null.
 *
 * @example notAPlanFile('so-lieu.xlsx', 'en') // 'so-lieu.xlsx: chitieu reads plan files …'
 */
export function notAPlanFile(file: string, lang: Lang): string | null {
  const ext = extname(file).toLowerCase();
  return NOT_PLAN_FILES.has(ext) ? messages(lang).notPlanFile(file, ext) : null;
}

/** A rule's problem (year, bounds …) in words, for a command that checks an option against the rules. */
export function ruleSentence(p: Problem, lang: Lang): string {
  return message(p.code, p.params ?? {}, lang);
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
  const lang = commandLang(opts.lang);
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
