import { createValueSource, type Evaluation, evaluatePlan, type Lang, type PlanData } from '@chitieu/core';
import { checkTermYear } from '@chitieu/rules';
import type { Command } from 'commander';
import { renderEvaluation } from '../output/evaluation-table.js';
import {
  commonOptions,
  EXIT_BAD_INPUT,
  EXIT_OK,
  type Io,
  loadPlanData,
  processIo,
  ruleSentence,
} from '../output/io.js';

export interface EvaluateOptions {
  plan?: string;
  all?: boolean;
  year?: string;
  json?: boolean;
  lang?: string;
}

/** Evaluate every plan of the data set, or the one asked for (already known to exist). */
function evaluateAll(data: PlanData, codes: string[], asOf: number, lang: Lang): Evaluation[] {
  const values = createValueSource(data);
  return codes.map((code) => {
    const plan = data.plans.find((p) => p.code === code);
    if (!plan) throw new Error(`plan ${code} vanished`); // unreachable: codes come from data.plans
    return evaluatePlan({ plan, indicators: data.indicators, values, asOf, lang });
  });
}

/**
 * `chitieu evaluate FILE --plan CODE --year YEAR [--json] [--lang vi|en]`, or `--all`.
 * Reads the plan file directly (no database). Returns the exit code: 0, or 2 for bad input
 * (invalid file, unknown plan, bad option value, a year outside the plan's term), having said why on
 * `io.err`.
 *
 * @example await runEvaluate('demo/thi-xa-demo.yaml', { plan: 'NQ-DH-XV', year: '2023' }, processIo) // 0
 */
export async function runEvaluate(file: string, opts: EvaluateOptions, io: Io = processIo): Promise<number> {
  const common = commonOptions(opts, io);
  if (!common) return EXIT_BAD_INPUT;
  const { lang, m, year } = common;
  if (!opts.all && !opts.plan) {
    io.err(m.needPlan);
    return EXIT_BAD_INPUT;
  }
  const data = await loadPlanData(file, lang, io);
  if (!data) return EXIT_BAD_INPUT;
  const known = data.plans.map((p) => p.code);
  if (opts.plan && !known.includes(opts.plan)) {
    io.err(known.length > 0 ? m.unknownPlan(opts.plan, known.join(', ')) : m.noPlans);
    return EXIT_BAD_INPUT;
  }
  // The year must lie in the plan's term (baselineYear+1 … targetYear), as for a report; with --all,
  // the plans whose term holds it are evaluated and the others named.
  const asked = opts.all ? data.plans : data.plans.filter((p) => p.code === opts.plan);
  const inTerm = asked.filter((p) => checkTermYear(year, p).length === 0);
  if (inTerm.length === 0) {
    for (const p of asked) for (const problem of checkTermYear(year, p)) io.err(ruleSentence(problem, lang));
    return EXIT_BAD_INPUT;
  }
  if (inTerm.length < asked.length)
    io.err(
      m.skippedPlans(
        asked
          .filter((p) => !inTerm.includes(p))
          .map((p) => p.code)
          .join(', '),
        year,
      ),
    );
  const codes = inTerm.map((p) => p.code);
  const evaluations = evaluateAll(data, codes, year, lang);
  if (opts.json) {
    io.out(JSON.stringify(opts.all ? evaluations : evaluations[0], null, 2));
    return EXIT_OK;
  }
  const blocks = evaluations.map((ev) => {
    const plan = data.plans.find((p) => p.code === ev.plan);
    return plan ? renderEvaluation(data, plan, ev, lang) : '';
  });
  io.out(blocks.join(`\n\n${'═'.repeat(60)}\n\n`));
  return EXIT_OK;
}

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description('Đánh giá mức độ thực hiện chỉ tiêu của kế hoạch / evaluate a plan’s targets')
    .argument('<file>', 'tệp kế hoạch / plan file (chitieu.plan/1, YAML hoặc JSON)')
    .option('--plan <code>', 'mã kế hoạch / plan code')
    .option('--all', 'mọi kế hoạch trong tệp / every plan in the file')
    .requiredOption('--year <year>', 'năm đánh giá / evaluation (as-of) year')
    .option('--json', 'in JSON (định dạng đánh giá công khai) / print the Evaluation JSON')
    .option('--lang <lang>', 'vi | en (mặc định CHITIEU_LANG, rồi vi / default CHITIEU_LANG, then vi)')
    .action(async (file: string, opts: EvaluateOptions) => {
      process.exitCode = await runEvaluate(file, opts);
    });
}
