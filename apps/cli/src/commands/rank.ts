import {
  createValueSource,
  formatNumber,
  formatQuantity,
  type Lang,
  localize,
  localUnit,
  type Ranking,
  rankUnits,
} from '@chitieu/core';
import { checkFigureYear, plausibleYears } from '@chitieu/rules';
import type { Command } from 'commander';
import { messages } from '../i18n/messages.js';
import {
  commonOptions,
  EXIT_BAD_INPUT,
  EXIT_OK,
  type Io,
  loadPlanData,
  parseYear,
  processIo,
  ruleSentence,
} from '../output/io.js';
import { renderTable } from '../output/table.js';

export interface RankOptions {
  indicator?: string;
  year?: string;
  by?: string;
  parent?: string;
  since?: string;
  json?: boolean;
  lang?: string;
}

/**
 * `chitieu rank FILE --indicator CODE --year YEAR --by value|growth [--parent CODE] [--since YEAR] [--json]`.
 * Ranks the units sharing a parent (docs/plan-format.md "Ranking output"). Returns the exit code:
 * 0, or 2 for bad input (invalid file, unknown indicator or unit, bad option value, a year more than a
 * term away from the file's plans).
 *
 * @example await runRank('demo/thi-xa-demo.yaml', { indicator: 'GO', year: '2023', by: 'value', parent: '50' }) // 0
 */
export async function runRank(file: string, opts: RankOptions, io: Io = processIo): Promise<number> {
  const common = commonOptions(opts, io);
  if (!common) return EXIT_BAD_INPUT;
  const { lang, m, year } = common;
  const by = opts.by ?? 'value';
  if (by !== 'value' && by !== 'growth') {
    io.err(m.badBy(by));
    return EXIT_BAD_INPUT;
  }
  const since = opts.since === undefined ? null : parseYear(opts.since);
  if (opts.since !== undefined && since === null) {
    io.err(m.badYear(opts.since));
    return EXIT_BAD_INPUT;
  }
  const data = await loadPlanData(file, lang, io);
  if (!data) return EXIT_BAD_INPUT;
  // A ranking year (and --since) must be plausible for the file's plans, as a figure's year must.
  const window = plausibleYears(data.plans);
  const yearProblems = [year, ...(since === null ? [] : [since])].flatMap((y) => checkFigureYear(y, window));
  if (yearProblems.length > 0) {
    for (const p of yearProblems) io.err(ruleSentence(p, lang));
    return EXIT_BAD_INPUT;
  }
  const indicator = data.indicators.find((i) => i.code === opts.indicator);
  if (!indicator) {
    io.err(m.unknownIndicator(String(opts.indicator ?? '')));
    return EXIT_BAD_INPUT;
  }
  if (opts.parent !== undefined && !data.units.some((u) => u.code === opts.parent)) {
    io.err(m.unknownParent(opts.parent));
    return EXIT_BAD_INPUT;
  }
  const ranking = rankUnits({
    data,
    values: createValueSource(data),
    indicator: indicator.code,
    year,
    by,
    parent: opts.parent ?? null,
    since,
  });
  if (opts.json) {
    io.out(JSON.stringify(ranking, null, 2));
    return EXIT_OK;
  }
  const names = new Map(data.units.map((u) => [u.code, u.name]));
  const scope = ranking.parent ? (names.get(ranking.parent) ?? ranking.parent) : m.allUnits;
  const heading = m.rankHeading(localize(indicator.name, lang), year, by, scope, ranking.since);
  io.out(renderRanking(ranking, names, indicator, heading, lang));
  return EXIT_OK;
}

function renderRanking(
  ranking: Ranking,
  names: Map<string, string>,
  indicator: { unit: string; decimals: number },
  heading: string,
  lang: Lang,
): string {
  const m = messages(lang);
  const growth = ranking.by === 'growth';
  const figure = (x: number) =>
    growth ? formatQuantity(x, 2, '%/năm', lang) : formatNumber(x, indicator.decimals, lang);
  const table = renderTable(
    [
      { heading: m.colRank, align: 'right' },
      { heading: m.colUnitName },
      {
        heading: growth ? m.colGrowth : `${m.colValue} (${localUnit(indicator.unit, lang)})`,
        align: 'right',
      },
    ],
    ranking.rows.map((r) => [`${r.rank}/${r.of}`, names.get(r.unit) ?? r.unit, figure(r.value)]),
  );
  const parts = [heading, '', table];
  if (ranking.unranked.length > 0) {
    parts.push('', m.unranked(ranking.unranked.map((u) => names.get(u) ?? u).join(', ')));
  }
  return parts.join('\n');
}

export function registerRank(program: Command): void {
  program
    .command('rank')
    .description('Xếp hạng các đơn vị cùng cấp / rank sibling units')
    .argument('<file>', 'tệp kế hoạch / plan file')
    .requiredOption('--indicator <code>', 'mã chỉ tiêu thống kê / indicator code')
    .requiredOption('--year <year>', 'năm / year')
    .option('--by <by>', 'value | growth', 'value')
    .option('--parent <code>', 'đơn vị cấp trên / parent unit code')
    .option('--since <year>', 'năm gốc khi xếp theo tốc độ tăng / start year for --by growth')
    .option('--json', 'in JSON / print the Ranking JSON')
    .option('--lang <lang>', 'vi | en (mặc định CHITIEU_LANG, rồi vi / default CHITIEU_LANG, then vi)')
    .action(async (file: string, opts: RankOptions) => {
      process.exitCode = await runRank(file, opts);
    });
}
