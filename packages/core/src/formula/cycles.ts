import type { Lang } from '../model.js';
import { type FormulaError, type FormulaNode, parseFormula } from './formula.js';

/** The part of an indicator the formula checks need. */
export interface FormulaIndicator {
  code: string;
  formula?: string | null;
}

export interface FormulaAnalysis {
  /** Parsed formulas by indicator code (only those that parse). */
  parsed: Map<string, { ast: FormulaNode; codes: string[] }>;
  errors: { indicator: string; error: FormulaError }[];
  /** Codes used in a formula that name no indicator of the set. */
  unknownCodes: { indicator: string; code: string }[];
  /** Each cycle as a closed path, e.g. ['A', 'B', 'A']; a self-reference is ['A', 'A']. */
  cycles: string[][];
}

/**
 * Parse every formula of a set of indicators and check them together: parse errors, codes that name
 * no indicator, and cycles (A uses B, B uses A), which would make a value depend on itself.
 *
 * @example
 * analyzeFormulas([{ code: 'A', formula: 'B + 1' }, { code: 'B', formula: 'A * 2' }, { code: 'C', formula: 'X' }])
 * // { cycles: [['A', 'B', 'A']], unknownCodes: [{ indicator: 'C', code: 'X' }], errors: [], parsed: Map(3) }
 */
export function analyzeFormulas(indicators: readonly FormulaIndicator[], lang: Lang = 'vi'): FormulaAnalysis {
  const known = new Set(indicators.map((i) => i.code));
  const parsed = new Map<string, { ast: FormulaNode; codes: string[] }>();
  const errors: FormulaAnalysis['errors'] = [];
  const unknownCodes: FormulaAnalysis['unknownCodes'] = [];
  for (const ind of indicators) {
    if (ind.formula == null || parsed.has(ind.code)) continue;
    const r = parseFormula(ind.formula, lang);
    if (!r.ok) {
      errors.push({ indicator: ind.code, error: r.error });
      continue;
    }
    parsed.set(ind.code, { ast: r.ast, codes: r.codes });
    for (const c of r.codes) if (!known.has(c)) unknownCodes.push({ indicator: ind.code, code: c });
  }
  const edges = new Map<string, string[]>();
  for (const [code, p] of parsed)
    edges.set(
      code,
      p.codes.filter((c) => known.has(c)),
    );
  return { parsed, errors, unknownCodes, cycles: cyclesOf(edges) };
}

/**
 * The formula cycles among a set of indicators, one closed path per strongly connected group.
 *
 * @example findFormulaCycles([{ code: 'A', formula: 'A + 1' }]) // [['A', 'A']]
 */
export function findFormulaCycles(indicators: readonly FormulaIndicator[]): string[][] {
  return analyzeFormulas(indicators).cycles;
}

/** Tarjan's strongly connected components (iterative), then one shortest cycle through each. */
function cyclesOf(edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  for (const root of edges.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; i: number }[] = [{ node: root, i: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; i: number };
      const succ = edges.get(frame.node) ?? [];
      if (frame.i < succ.length) {
        const w = succ[frame.i++] as string;
        if (!index.has(w)) {
          index.set(w, next);
          low.set(w, next++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, i: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(w) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent)
        low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop() as string;
          onStack.delete(w);
          comp.push(w);
        } while (w !== frame.node);
        components.push(comp);
      }
    }
  }
  const cycles: string[][] = [];
  for (const comp of components) {
    const start = comp[comp.length - 1] as string; // the component's first-visited node
    const self = edges.get(start)?.includes(start);
    if (comp.length === 1 && !self) continue;
    cycles.push(self ? [start, start] : shortestCycle(start, new Set(comp), edges));
  }
  return cycles;
}

/** Breadth-first search from `start` back to itself inside one component. */
function shortestCycle(start: string, within: Set<string>, edges: Map<string, string[]>): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q] as string;
    for (const w of edges.get(node) ?? []) {
      if (!within.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let n: string | undefined = node; n !== undefined && n !== start; n = prev.get(n)) path.push(n);
        path.push(start);
        return [start, ...path.slice(1, -1).reverse(), start];
      }
      if (!prev.has(w)) {
        prev.set(w, node);
        queue.push(w);
      }
    }
  }
  return [start, start]; // unreachable for a real component
}
