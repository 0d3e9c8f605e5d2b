/**
 * Checks across records that a schema cannot express: references, duplicate codes, cycles, goals the
 * target kind needs. They read the raw (normalized) document defensively, so they run even when the
 * schema has found problems elsewhere, and every problem is reported at once.
 */
import { analyzeFormulas } from '@chitieu/core';
import {
  type BoundedIndicator,
  checkIndicator,
  checkPlan,
  checkTarget,
  checkValue,
  formatPath,
  growthRateIndicators,
  type PathSegment,
  type Problem,
  plausibleYears,
  at as under,
  type YearSpan,
} from '@chitieu/rules';
import { isObject } from './normalize.js';

export type { PathSegment };
export { formatPath };
/** A problem before it is put in words: the rules' `Problem`. */
export type RawProblem = Problem;

const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() !== '' ? x : undefined);
const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/** Records each code's first path; reports later uses of the same code. */
function uniqueCodes(
  items: unknown[],
  base: PathSegment[],
  what: string,
  problems: RawProblem[],
): Map<string, number> {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const code = isObject(item) ? str(item.code) : undefined;
    if (code === undefined) return;
    const at = first.get(code);
    if (at === undefined) first.set(code, i);
    else
      problems.push({
        path: [...base, i, 'code'],
        code: 'duplicate',
        params: { what, code, first: formatPath([...base, at]) },
      });
  });
  return first;
}

/**
 * Cross-record checks of a plan file.
 *
 * @example
 * checkPlanFile({ units: [], indicators: [], plans: [{ code: 'P', unit: '38', targets: [] }], values: [] })
 * // [{ path: ['plans', 0, 'unit'], code: 'unknown-unit', params: { code: '38' } }]
 */
export function checkPlanFile(doc: unknown, lang: 'vi' | 'en' = 'vi'): RawProblem[] {
  const problems: RawProblem[] = [];
  if (!isObject(doc)) return problems;
  const units = list(doc.units);
  const indicators = list(doc.indicators);
  const plans = list(doc.plans);
  const values = list(doc.values);

  const unitCodes = uniqueCodes(units, ['units'], 'unit', problems);
  const indicatorCodes = uniqueCodes(indicators, ['indicators'], 'indicator', problems);
  uniqueCodes(plans, ['plans'], 'plan', problems);
  // Paths are built only for a problem: a national file has hundreds of thousands of references.
  const refUnit = (x: unknown, path: () => PathSegment[]) => {
    const c = str(x);
    if (c !== undefined && !unitCodes.has(c))
      problems.push({ path: path(), code: 'unknown-unit', params: { code: c } });
  };
  const refIndicator = (x: unknown, path: () => PathSegment[]) => {
    const c = str(x);
    if (c !== undefined && !indicatorCodes.has(c))
      problems.push({ path: path(), code: 'unknown-indicator', params: { code: c } });
  };

  checkUnits(units, unitCodes, problems);
  checkIndicators(indicators, indicatorCodes, refIndicator, problems, lang);
  const bounded = boundedIndicators(indicators, indicatorCodes);
  const rateIndicators = growthRateIndicators(
    plans.filter(isObject).map((p) => ({ targets: list(p.targets).filter(isObject) })),
  );
  const years = yearWindows(plans);

  plans.forEach((p, i) => {
    if (!isObject(p)) return;
    const base: PathSegment[] = ['plans', i];
    refUnit(p.unit, () => [...base, 'unit']);
    for (const problem of under(base, checkPlan(p))) problems.push(problem);
    const targets = list(p.targets);
    const targetCodes = uniqueCodes(targets, [...base, 'targets'], 'target', problems);
    targets.forEach((tg, j) => {
      if (!isObject(tg)) return;
      const tb: PathSegment[] = [...base, 'targets', j];
      refIndicator(tg.indicator, () => [...tb, 'indicator']);
      const code = str(tg.indicator);
      const indicator = code !== undefined ? bounded.get(code) : undefined;
      const holdsGrowthRates = code !== undefined && rateIndicators.has(code);
      for (const problem of under(tb, checkTarget(tg, { indicator, holdsGrowthRates, plan: p })))
        problems.push(problem);
    });
    const programs = list(p.programs);
    uniqueCodes(programs, [...base, 'programs'], 'program', problems);
    programs.forEach((pr, k) => {
      if (!isObject(pr)) return;
      const pb: PathSegment[] = [...base, 'programs', k];
      list(pr.targets).forEach((c, m) => {
        const code = str(c);
        if (code !== undefined && !targetCodes.has(code))
          problems.push({ path: [...pb, 'targets', m], code: 'unknown-target', params: { code } });
      });
      uniqueCodes(list(pr.tasks), [...pb, 'tasks'], 'task', problems);
    });
  });

  const seen = new Map<string, number>();
  values.forEach((v, i) => {
    if (!isObject(v)) return;
    refIndicator(v.indicator, () => ['values', i, 'indicator']);
    refUnit(v.unit, () => ['values', i, 'unit']);
    const code = str(v.indicator);
    const indicator = code !== undefined ? bounded.get(code) : undefined;
    const holdsGrowthRates = code !== undefined && rateIndicators.has(code);
    problems.push(
      ...under(['values', i], checkValue(v, { indicator, holdsGrowthRates, years: years(code) })),
    );
    const key = `${String(v.indicator)}\u0000${String(v.unit)}\u0000${String(v.year)}\u0000${String(v.period ?? '')}\u0000${String(v.status ?? 'official')}`;
    const at = seen.get(key);
    if (at === undefined) seen.set(key, i);
    else
      problems.push({
        path: ['values', i],
        code: 'duplicate-value',
        params: { first: formatPath(['values', at]) },
      });
  });
  return problems;
}

function checkUnits(units: unknown[], codes: Map<string, number>, problems: RawProblem[]): void {
  const parentOf = new Map<string, string>();
  units.forEach((u, i) => {
    if (!isObject(u)) return;
    const code = str(u.code);
    const parent = str(u.parent);
    if (parent === undefined) return;
    if (parent === code) problems.push({ path: ['units', i, 'parent'], code: 'parent-self' });
    else if (!codes.has(parent))
      problems.push({ path: ['units', i, 'parent'], code: 'unknown-unit', params: { code: parent } });
    else if (code !== undefined && codes.get(code) === i) parentOf.set(code, parent);
  });
  // Walk each chain once; a chain that comes back to a unit on the current walk is a cycle.
  const done = new Set<string>();
  for (const start of parentOf.keys()) {
    const walk: string[] = [];
    const onWalk = new Set<string>();
    let c: string | undefined = start;
    while (c !== undefined && !done.has(c) && !onWalk.has(c)) {
      walk.push(c);
      onWalk.add(c);
      c = parentOf.get(c);
    }
    if (c !== undefined && onWalk.has(c)) {
      const cycle = walk.slice(walk.indexOf(c));
      problems.push({
        path: ['units', codes.get(c) as number, 'parent'],
        code: 'parent-cycle',
        params: { cycle: [...cycle, c].join(' → ') },
      });
    }
    for (const w of walk) done.add(w);
  }
}

function checkIndicators(
  indicators: unknown[],
  codes: Map<string, number>,
  refIndicator: (x: unknown, path: () => PathSegment[]) => void,
  problems: RawProblem[],
  lang: 'vi' | 'en',
): void {
  const all: { code: string; formula?: string }[] = [];
  indicators.forEach((ind, i) => {
    if (!isObject(ind)) return;
    const base: PathSegment[] = ['indicators', i];
    const code = str(ind.code);
    const formula = typeof ind.formula === 'string' ? ind.formula : undefined;
    if (code !== undefined && codes.get(code) === i)
      all.push(formula !== undefined ? { code, formula } : { code });
    for (const problem of under(base, checkIndicator(ind))) problems.push(problem);
    if (ind.weight == null || str(ind.weight) !== code) refIndicator(ind.weight, () => [...base, 'weight']);
  });
  const a = analyzeFormulas(all, lang);
  const at = (code: string): PathSegment[] => ['indicators', codes.get(code) as number, 'formula'];
  for (const e of a.errors) {
    const detail = e.error.message.charAt(0).toLowerCase() + e.error.message.slice(1);
    problems.push({ path: at(e.indicator), code: 'formula-error', params: { detail } });
  }
  for (const u of a.unknownCodes)
    problems.push({ path: at(u.indicator), code: 'formula-unknown-code', params: { code: u.code } });
  for (const c of a.cycles)
    problems.push({ path: at(c[0] as string), code: 'formula-cycle', params: { cycle: c.join(' → ') } });
}

/** The indicators whose bounds apply (first of each code; a well-formed unit of measure). */
function boundedIndicators(indicators: unknown[], codes: Map<string, number>): Map<string, BoundedIndicator> {
  const out = new Map<string, BoundedIndicator>();
  indicators.forEach((ind, i) => {
    if (!isObject(ind)) return;
    const code = str(ind.code);
    if (code === undefined || codes.get(code) !== i || typeof ind.unit !== 'string') return;
    const b = ind.bounds;
    const bounds =
      Array.isArray(b) && b.length === 2 && b.every((x) => x === null || num(x) !== undefined)
        ? ([b[0], b[1]] as [number | null, number | null])
        : null;
    // Bounds upside down are their own problem (min-above-max): no figure is judged by them.
    if (bounds && bounds[0] !== null && bounds[1] !== null && bounds[0] > bounds[1]) return;
    out.set(code, { code, unit: ind.unit, bounds });
  });
  return out;
}

/**
 * The plausible years of a figure of an indicator: the window of the plans that have a target on it,
 * else of every plan in the file; null (any year) when the file has no plan.
 */
function yearWindows(plans: unknown[]): (indicator: string | undefined) => ReturnType<typeof plausibleYears> {
  const spans: (YearSpan & { indicators: Set<string> })[] = [];
  for (const p of plans) {
    if (!isObject(p)) continue;
    const b = num(p.baselineYear);
    const t = num(p.targetYear);
    if (b === undefined || t === undefined) continue;
    const indicators = new Set<string>();
    for (const tg of list(p.targets))
      if (isObject(tg) && typeof tg.indicator === 'string') indicators.add(tg.indicator);
    spans.push({ code: str(p.code), baselineYear: b, targetYear: t, indicators });
  }
  const all = plausibleYears(spans);
  const cache = new Map<string, ReturnType<typeof plausibleYears>>();
  return (indicator) => {
    if (indicator === undefined) return all;
    let w = cache.get(indicator);
    if (w === undefined) {
      const mine = spans.filter((s) => s.indicators.has(indicator));
      w = mine.length > 0 ? plausibleYears(mine) : all;
      cache.set(indicator, w);
    }
    return w;
  };
}
