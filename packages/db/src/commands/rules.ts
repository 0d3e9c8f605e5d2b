/**
 * The shared rules (@chitieu/rules) as the commands apply them: each check returns located problems
 * (`DomainProblem`, the rule's code and parameters kept) that a command turns into one `invalid`
 * DomainError, so nothing is written; warnings come back apart. The one place the commands call the
 * rules module, so the API, the CLI, the importers and the web forms judge alike.
 */
import type { Lang, Target } from '@chitieu/core';
import {
  type BoundedIndicator,
  checkPlan,
  checkTarget,
  checkValue,
  figureSetWarnings,
  formatPath,
  message,
  type Problem,
  type ProblemCode,
  plausibleYears,
  valueWarnings,
  type YearSpan,
} from '@chitieu/rules';
import type { DomainProblem } from '../repositories/records.js';
import type { CommandWarning } from './context.js';

/** An indicator's row fields the rules need. */
export interface StoredBounds {
  code: string;
  measure: string;
  bound_min: number | null;
  bound_max: number | null;
}

const bounded = (i: StoredBounds): BoundedIndicator => ({
  code: i.code,
  unit: i.measure,
  bounds: i.bound_min == null && i.bound_max == null ? null : [i.bound_min, i.bound_max],
});

const toDomain = (p: Problem): DomainProblem => ({
  path: formatPath(p.path),
  rule: p.code,
  ...(p.params ? { params: p.params } : {}),
});

/**
 * Problems of a figure: its value within its indicator's bounds (declared, or 0–100 for a `%`
 * indicator that does not hold growth rates), its year plausible for the plans that concern it.
 *
 * @example figureProblems({ year: 2023, value: 250 }, { code: 'BHYT', measure: '%', bound_min: null, bound_max: null })
 * // [{ path: 'value', rule: 'out-of-bounds', params: { value: 250, indicator: 'BHYT', low: 0, high: 100, implied: 1 } }]
 */
export function figureProblems(
  figure: { year: number; value: number; status?: string | null; period?: string | null },
  indicator: StoredBounds,
  context: { holdsGrowthRates?: boolean; plans?: readonly YearSpan[] } = {},
): DomainProblem[] {
  return checkValue(figure, {
    indicator: bounded(indicator),
    holdsGrowthRates: context.holdsGrowthRates ?? false,
    years: context.plans ? plausibleYears(context.plans) : null,
  }).map(toDomain);
}

/**
 * The warnings of an accepted figure (a value 10× the year before, an estimate below the official
 * figure of the same year), for the API and the CLI to show.
 *
 * @example figureWarnings({ value: 18997, status: 'official' }, { previous: { year: 2022, value: 1750 } })
 * // [{ path: 'value', code: 'value-jump', params: { … } }]
 */
export function figureWarnings(
  figure: { value: number; status?: string | null },
  context: Parameters<typeof valueWarnings>[1],
): CommandWarning[] {
  return valueWarnings(figure, context).map((p) => ({
    path: formatPath(p.path),
    code: p.code,
    ...(p.params ? { params: p.params } : {}),
  }));
}

/**
 * The warnings of a set of figures judged against each other (a plan file's values: a value 10× the
 * year before in the same file), located by their index (`values[3].value`).
 *
 * @example fileFigureWarnings([{ indicator: 'GO', unit: '502', year: 2022, value: 1750, status: 'official' }, { …, year: 2023, value: 18997 }])
 * // [{ path: 'values[1].value', code: 'value-jump', params: { … } }]
 */
export function fileFigureWarnings(values: Parameters<typeof figureSetWarnings>[0]): CommandWarning[] {
  return figureSetWarnings(values).map(({ index, problem }) => ({
    path: formatPath(['values', index, ...problem.path]),
    code: problem.code,
    ...(problem.params ? { params: problem.params } : {}),
  }));
}

/**
 * The sentence of a warning, in the reader's language.
 *
 * @example warningMessage({ path: 'value', code: 'value-jump', params: { … } }, 'en') // 'The value 18,997 is 10.9 times …'
 */
export function warningMessage(w: CommandWarning, lang: Lang): string {
  return message(w.code as ProblemCode, w.params ?? {}, lang);
}

/**
 * Problems of a target (paths relative to it): the goal fields its kind takes, a goal its indicator
 * can hold.
 *
 * @example targetProblems({ kind: 'level', value: 5, low: 1, high: 9 }, {}) // [{ path: 'value', rule: 'value-and-range' }, …]
 */
export function targetProblems(
  t: Partial<Target>,
  context: { indicator?: StoredBounds | null; holdsGrowthRates?: boolean; methodology?: string } = {},
): DomainProblem[] {
  return checkTarget(t, {
    indicator: context.indicator ? bounded(context.indicator) : null,
    holdsGrowthRates: context.holdsGrowthRates ?? t.input === 'rates',
    plan: context.methodology ? { methodology: context.methodology } : null,
  }).map(toDomain);
}

/**
 * Problems of a plan's own fields.
 *
 * @example planProblems({ baselineYear: 2025, targetYear: 2020 }) // [{ path: 'targetYear', rule: 'years-order', … }]
 */
export function planProblems(p: Parameters<typeof checkPlan>[0]): DomainProblem[] {
  return checkPlan(p).map(toDomain);
}

/**
 * The sentence of a problem a rule found, in the reader's language; null for a problem the rules
 * module does not word (the domain's own: unknown references, cycles…).
 *
 * @example ruleMessage({ path: 'value', rule: 'out-of-bounds', params: { value: 250, … } }, 'en') // 'The value 250 is outside …'
 */
export function ruleMessage(p: DomainProblem, lang: Lang): string | null {
  if (!p.rule || !p.params) return null;
  try {
    return message(p.rule as ProblemCode, p.params, lang);
  } catch {
    return null;
  }
}
