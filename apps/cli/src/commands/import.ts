import { basename } from 'node:path';
import type { Lang } from '@chitieu/core';
import { type DatabaseHandle, type ImportCounts, type ImportedKind, importPlanFile } from '@chitieu/db';
import type { Command } from 'commander';
import { describeDatabase, loadConfig } from '../config.js';
import { CliError, openConfiguredDatabase, requireConfig, runAction } from '../config-database.js';
import { commandLang } from '../i18n/lang.js';
import { messages } from '../i18n/messages.js';
import { EXIT_BAD_INPUT, notAPlanFile, loadPlanData as readPlanData } from '../output/io.js';
import { progressLine } from '../output/progress.js';

const SAY = {
  vi: {
    description: 'nạp tệp kế hoạch (JSON hoặc YAML) vào cơ sở dữ liệu (DATABASE_URL), trong một giao dịch',
    file: 'tệp kế hoạch chitieu.plan/1',
    json: 'in kết quả dạng JSON',
    lang: 'ngôn ngữ thông báo (vi, en)',
    done: (file: string, where: string) => `Đã nạp ${file} vào ${where}:`,
    row: (c: { added: number; updated: number; unchanged: number }) =>
      `thêm ${c.added}, cập nhật ${c.updated}, không đổi ${c.unchanged}`,
    rejected: (file: string, n: number) => `${file}: ${n} lỗi, không nạp gì`,
    kinds: {
      units: 'đơn vị',
      indicators: 'chỉ tiêu thống kê',
      plans: 'kế hoạch',
      targets: 'chỉ tiêu',
      programs: 'chương trình',
      tasks: 'nhiệm vụ',
      values: 'số liệu',
    },
  },
  en: {
    description: 'load a plan file (JSON or YAML) into the database (DATABASE_URL), in one transaction',
    file: 'a chitieu.plan/1 plan file',
    json: 'print the result as JSON',
    lang: 'language of messages (vi, en)',
    done: (file: string, where: string) => `Imported ${file} into ${where}:`,
    row: (c: { added: number; updated: number; unchanged: number }) =>
      `added ${c.added}, updated ${c.updated}, unchanged ${c.unchanged}`,
    rejected: (file: string, n: number) => `${file}: ${n} problem(s), nothing imported`,
    kinds: {
      units: 'units',
      indicators: 'indicators',
      plans: 'plans',
      targets: 'targets',
      programs: 'programs',
      tasks: 'tasks',
      values: 'values',
    },
  },
} satisfies Record<Lang, unknown>;

/**
 * Read, validate and import one plan file into an open database; throws a {@link CliError}
 * (exit code 2, bad input) listing every problem, and then nothing is written. Warnings (a value 10×
 * the year before, an estimate below the stored official figure) are printed on stderr — the file's
 * own as the reader finds them, then those against the stored figures — and the import goes on. `reason` is written
 * to the audit log with every change; a file that redefines a target of a plan with approved years
 * is refused without one.
 *
 * @example
 * const counts = await importFile(handle, 'demo/thi-xa-demo.yaml', 'vi', 'cli');
 * await importFile(handle, 'nq-sua-doi.yaml', 'vi', 'cli', { reason: 'Nghị quyết điều chỉnh' });
 */
export async function importFile(
  handle: DatabaseHandle,
  file: string,
  lang: Lang,
  actor: string,
  options: { reason?: string | null } = {},
): Promise<ImportCounts> {
  const refused = notAPlanFile(file, lang);
  if (refused) throw new CliError(refused, EXIT_BAD_INPUT);
  const progress = progressLine(lang);
  progress.step('read', file);
  // The same reader and listing as `evaluate`: every problem of the file with its path, or its warnings.
  const lines: string[] = [];
  const data = await readPlanData(file, lang, { out: () => {}, err: (line) => lines.push(line) });
  progress.done();
  if (!data) throw new CliError(lines.join('\n'), EXIT_BAD_INPUT);
  for (const line of lines) process.stderr.write(`${line}\n`);
  progress.step('write', String(data.values.length));
  const result = await importPlanFile(handle.db, data, {
    actor,
    lang,
    file: basename(file),
    reason: options.reason ?? null,
  }).finally(() => progress.done());
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${p.path}: ${p.message}`);
    const unreasoned = result.problems.some((p) => p.code === 'reason-required');
    throw new CliError(
      [
        SAY[lang].rejected(file, result.problems.length),
        ...lines,
        ...(unreasoned ? [messages(lang).importReasonHint] : []),
      ].join('\n'),
      EXIT_BAD_INPUT,
    );
  }
  // The reader already said the warnings it could find in the file alone, with their lines.
  const stored = result.warnings.filter((w) => !lines.some((l) => l.startsWith(`  ${w.path}: ${w.message}`)));
  if (stored.length > 0) {
    process.stderr.write(`${messages(lang).importWarnings(file, stored.length)}\n`);
    for (const w of stored) process.stderr.write(`  ${w.path}: ${w.message}\n`);
  }
  return result.counts;
}

/**
 * The import report for people.
 *
 * @example
 * formatCounts(counts, 'en') // '  units       added 2, updated 0, unchanged 0\n…'
 */
export function formatCounts(counts: ImportCounts, lang: Lang): string {
  const kinds = SAY[lang].kinds;
  const width = Object.values(kinds).reduce((w, k) => Math.max(w, k.length), 0);
  return (Object.keys(kinds) as ImportedKind[])
    .map((k) => `  ${kinds[k].padEnd(width)}  ${SAY[lang].row(counts[k])}`)
    .join('\n');
}

/** `chitieu import FILE [--reason TEXT]`: load a plan file into the configured database in one transaction. */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description(`${SAY.vi.description} / ${SAY.en.description}`)
    .argument('<file>', `${SAY.vi.file} / ${SAY.en.file}`)
    .option('--json', `${SAY.vi.json} / ${SAY.en.json}`)
    .option('--lang <lang>', `${SAY.vi.lang} / ${SAY.en.lang}`)
    .option('--reason <text>', `${messages('vi').importReasonOption} / ${messages('en').importReasonOption}`)
    .action((file: string, options: { json?: boolean; lang?: string; reason?: string }) =>
      runAction(async () => {
        // Said before the database is opened: an Excel file needs no database to be refused.
        const refused = notAPlanFile(file, commandLang(options.lang) ?? 'vi');
        if (refused) throw new CliError(refused, EXIT_BAD_INPUT);
        const config = requireConfig(
          loadConfig(options.lang ? { ...process.env, CHITIEU_LANG: options.lang } : undefined),
        );
        const { handle } = await openConfiguredDatabase(config);
        try {
          const counts = await importFile(handle, file, config.lang, 'cli', { reason: options.reason });
          console.log(
            options.json
              ? JSON.stringify({ file, counts }, null, 2)
              : `${SAY[config.lang].done(file, describeDatabase(config.database))}\n${formatCounts(counts, config.lang)}`,
          );
        } finally {
          await handle.destroy();
        }
      }),
    );
}
