/**
 * Checks across records that a schema cannot express: references, duplicate codes, cycles, goals the
 * target kind needs. They read the raw (normalized) document defensively, so they run even when the
 * schema has found problems elsewhere, and every problem is reported at once.
 */
import { analyzeFormulas } from '@chitieu/core';
import type { ProblemCode } from './messages.js';
import { isObject } from './normalize.js';

export type PathSegment = string | number;
export interface RawProblem {
  path: PathSegment[];
  code: ProblemCode;
  params?: Record<string, string | number | undefined>;
}

type Obj = Record<string, unknown>;
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() !== '' ? x : undefined);
const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/** Formats a path the way problems show it: `plans[0].targets[3].indicator`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out;
}

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

const NEEDS_GOAL = new Set(['level', 'cumulative', 'annual', 'change', 'avg-growth']);

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

  plans.forEach((p, i) => {
    if (!isObject(p)) return;
    const base: PathSegment[] = ['plans', i];
    refUnit(p.unit, () => [...base, 'unit']);
    const b = num(p.baselineYear);
    const t = num(p.targetYear);
    if (b !== undefined && t !== undefined && Number.isInteger(b) && Number.isInteger(t) && b >= t)
      problems.push({
        path: [...base, 'targetYear'],
        code: 'years-order',
        params: { baseline: b, target: t },
      });
    checkBands(p, base, problems);
    const targets = list(p.targets);
    const targetCodes = uniqueCodes(targets, [...base, 'targets'], 'target', problems);
    targets.forEach((tg, j) => {
      if (!isObject(tg)) return;
      const tb: PathSegment[] = [...base, 'targets', j];
      refIndicator(tg.indicator, () => [...tb, 'indicator']);
      checkGoal(tg, tb, p.methodology === 'sdg-progress', problems);
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
    if (ind.aggregation === 'weighted-mean' && ind.weight == null)
      problems.push({ path: [...base, 'weight'], code: 'weight-required' });
    if (ind.weight != null && str(ind.weight) === code)
      problems.push({ path: [...base, 'weight'], code: 'weight-self' });
    else refIndicator(ind.weight, () => [...base, 'weight']);
    if (ind.aggregation === 'ratio' && ind.formula == null)
      problems.push({ path: [...base, 'formula'], code: 'ratio-needs-formula' });
    const bounds = Array.isArray(ind.bounds) ? ind.bounds : [];
    const lo = num(bounds[0]);
    const hi = num(bounds[1]);
    if (lo !== undefined && hi !== undefined && lo > hi)
      problems.push({ path: [...base, 'bounds'], code: 'min-above-max', params: { low: lo, high: hi } });
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

function checkBands(p: Obj, base: PathSegment[], problems: RawProblem[]): void {
  const bands = Array.isArray(p.bands) ? p.bands : null;
  if (
    bands?.some(
      (x, i) =>
        i > 0 &&
        num(x) !== undefined &&
        num(bands[i - 1]) !== undefined &&
        (x as number) >= (bands[i - 1] as number),
    )
  )
    problems.push({ path: [...base, 'bands'], code: 'bands-order' });
  if (Array.isArray(p.bandLabels)) {
    const expected = (bands?.length ?? 2) + 1;
    if (p.bandLabels.length !== expected)
      problems.push({
        path: [...base, 'bandLabels'],
        code: 'band-labels-count',
        params: { expected, count: p.bandLabels.length },
      });
  }
  if (isObject(p.forecast)) {
    const exceed = num(p.forecast.exceed);
    const complete = num(p.forecast.complete);
    if ((exceed ?? 105) < (complete ?? 100))
      problems.push({
        path: [...base, 'forecast'],
        code: 'forecast-order',
        params: { exceed: exceed ?? 105, complete: complete ?? 100 },
      });
  }
}

function checkGoal(t: Obj, base: PathSegment[], sdg: boolean, problems: RawProblem[]): void {
  const kind = typeof t.kind === 'string' ? t.kind : undefined;
  const hasValue = t.value != null;
  const hasLow = t.low != null;
  const hasHigh = t.high != null;
  if (hasValue && (hasLow || hasHigh)) problems.push({ path: [...base, 'value'], code: 'value-and-range' });
  else if (hasLow !== hasHigh)
    problems.push({ path: [...base, hasLow ? 'high' : 'low'], code: 'half-range' });
  else if (!hasValue && !hasLow && kind !== undefined && NEEDS_GOAL.has(kind) && !sdg)
    problems.push({ path: [...base, 'value'], code: 'target-needs-value', params: { kind } });
  const low = num(t.low);
  const high = num(t.high);
  if (low !== undefined && high !== undefined && low > high)
    problems.push({ path: [...base, 'low'], code: 'low-above-high', params: { low, high } });
  if (t.input != null && kind !== undefined && kind !== 'avg-growth')
    problems.push({ path: [...base, 'input'], code: 'input-only-avg-growth' });
  if (t.expected != null && kind !== undefined && kind !== 'milestone')
    problems.push({ path: [...base, 'expected'], code: 'expected-only-milestone' });
}
