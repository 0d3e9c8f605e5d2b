import { readFile } from 'node:fs/promises';
import type { Lang, PlanData } from '@chitieu/core';
import { type DatabaseHandle, type ImportCounts, type ImportedKind, importPlanFile } from '@chitieu/db';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { describeDatabase, loadConfig } from '../config.js';
import { CliError, openConfiguredDatabase, requireConfig, runAction } from '../config-database.js';

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
    unreadable: (file: string, why: string) => `không đọc được ${file}: ${why}`,
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
    unreadable: (file: string, why: string) => `cannot read ${file}: ${why}`,
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
 * Read a plan file for import: the data, or every problem with its path.
 * (Until @chitieu/plan-file's validating reader lands, this only parses JSON/YAML.)
 */
export async function readPlanForImport(
  file: string,
  lang: Lang,
): Promise<{ ok: true; data: PlanData } | { ok: false; problems: { path: string; message: string }[] }> {
  let doc: unknown;
  try {
    doc = parseYaml(await readFile(file, 'utf8'));
  } catch (err) {
    throw new CliError(
      SAY[lang].unreadable(file, err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err)),
    );
  }
  const d = (doc ?? {}) as Partial<PlanData>;
  return {
    ok: true,
    data: {
      units: d.units ?? [],
      indicators: d.indicators ?? [],
      plans: d.plans ?? [],
      values: d.values ?? [],
    },
  };
}

/**
 * Import one plan file into an open database; throws a {@link CliError} listing the problems.
 *
 * @example
 * const counts = await importFile(handle, 'demo/thi-xa-demo.yaml', 'vi', 'cli');
 */
export async function importFile(
  handle: DatabaseHandle,
  file: string,
  lang: Lang,
  actor: string,
): Promise<ImportCounts> {
  const read = await readPlanForImport(file, lang);
  const result = read.ok ? await importPlanFile(handle.db, read.data, { actor, lang }) : read;
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${p.path}: ${p.message}`);
    throw new CliError([SAY[lang].rejected(file, result.problems.length), ...lines].join('\n'));
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
  const width = Math.max(...Object.values(kinds).map((k) => k.length));
  return (Object.keys(kinds) as ImportedKind[])
    .map((k) => `  ${kinds[k].padEnd(width)}  ${SAY[lang].row(counts[k])}`)
    .join('\n');
}

/** `chitieu import FILE`: load a plan file into the configured database in one transaction. */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description(`${SAY.vi.description} / ${SAY.en.description}`)
    .argument('<file>', `${SAY.vi.file} / ${SAY.en.file}`)
    .option('--json', `${SAY.vi.json} / ${SAY.en.json}`)
    .option('--lang <lang>', `${SAY.vi.lang} / ${SAY.en.lang}`)
    .action((file: string, options: { json?: boolean; lang?: string }) =>
      runAction(async () => {
        const config = requireConfig(
          loadConfig(options.lang ? { ...process.env, CHITIEU_LANG: options.lang } : undefined),
        );
        const { handle } = await openConfiguredDatabase(config);
        try {
          const counts = await importFile(handle, file, config.lang, 'cli');
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
