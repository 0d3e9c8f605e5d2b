import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeFormulas, findFormulaCycles } from './cycles.js';
import { evaluateFormula, type FormulaNode, parseFormula, printFormula } from './formula.js';

const vals: Record<string, number> = { GO: 200, IC: 50, GO_NN: 40, 'IC.1': 10, ZERO: 0 };
const lookup = (c: string) => (c in vals ? (vals[c] as number) : 'unknown');
const calc = (src: string) => {
  const p = parseFormula(src);
  if (!p.ok) throw new Error(p.error.message);
  return evaluateFormula(p.ast, lookup);
};

describe('parseFormula', () => {
  it('parses codes with digits, underscores and dots and lists each code once', () => {
    const p = parseFormula('(GO - IC) / GO * 100 + GO_NN - IC.1');
    expect(p.ok && p.codes).toEqual(['GO', 'IC', 'GO_NN', 'IC.1']);
  });

  it('gives * and / precedence over + and -, left to right', () => {
    expect(calc('GO - IC - 10')).toEqual({ ok: true, value: 140 });
    expect(calc('GO / 10 / 4')).toEqual({ ok: true, value: 5 });
    expect(calc('10 + GO / 4 * 2')).toEqual({ ok: true, value: 110 });
    expect(calc('(10 + GO) / 2')).toEqual({ ok: true, value: 105 });
  });

  it('accepts ×, ÷ and the typographic minus signs', () => {
    expect(calc('IC ÷ GO × 100')).toEqual({ ok: true, value: 25 });
    expect(calc('GO − IC – 50')).toEqual({ ok: true, value: 100 });
  });

  it('handles unary minus, also repeated and before parentheses', () => {
    expect(calc('-IC + 60')).toEqual({ ok: true, value: 10 });
    expect(calc('--IC')).toEqual({ ok: true, value: 50 });
    expect(calc('-(GO - IC) * 2')).toEqual({ ok: true, value: -300 });
    expect(calc('2.5 * -IC')).toEqual({ ok: true, value: -125 });
  });

  it.each([
    ['', 'empty', 0],
    ['   ', 'empty', 0],
    ['GO + ', 'unexpected-end', 5],
    ['GO + * IC', 'unexpected-token', 5],
    ['GO IC', 'unexpected-token', 3],
    ['(GO + IC', 'missing-paren', 8],
    ['GO + IC)', 'unexpected-token', 7],
    ['GO % 2', 'unexpected-char', 3],
    ['GO + 1.', 'bad-number', 5],
    ['GO * 1,5', 'unexpected-char', 6],
    ['2GO', 'bad-number', 0],
    ['1.2.3', 'bad-number', 0],
    ['GO; process.exit()', 'unexpected-char', 2],
    ['()', 'unexpected-token', 1],
  ])('rejects %j with %s at position %i', (src, code, position) => {
    const p = parseFormula(src);
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.error.code).toBe(code);
      expect(p.error.position).toBe(position);
    }
  });

  it('says what is wrong in Vietnamese by default and in English on request', () => {
    const vi = parseFormula('(GO + IC');
    const en = parseFormula('GO % 2', 'en');
    expect(!vi.ok && vi.error.message).toBe('Thiếu dấu ")" ở vị trí 9.');
    expect(!en.ok && en.error.message).toBe('Invalid character "%" at position 4.');
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    const deep = `${'('.repeat(10_000)}1${')'.repeat(10_000)}`;
    const p = parseFormula(deep);
    expect(!p.ok && p.error.code).toBe('too-deep');
    expect(parseFormula(`${'-'.repeat(10_000)}1`).ok).toBe(false);
  });
});

describe('evaluateFormula', () => {
  it('reports unknown codes, missing values and zero divisors as reasons', () => {
    expect(calc('GO / X')).toEqual({ ok: false, reason: { code: 'unknown-code', indicator: 'X' } });
    expect(calc('GO / ZERO')).toEqual({ ok: false, reason: { code: 'division-by-zero' } });
    expect(calc('ZERO / ZERO')).toEqual({ ok: false, reason: { code: 'division-by-zero' } });
    const p = parseFormula('IC / GO');
    if (!p.ok) throw new Error('parse');
    expect(evaluateFormula(p.ast, (c) => (c === 'GO' ? 'missing' : 1))).toEqual({
      ok: false,
      reason: { code: 'missing-value', indicator: 'GO' },
    });
  });

  it('turns an overflow into a reason, never Infinity or NaN', () => {
    const p = parseFormula('GO * GO - GO * GO');
    if (!p.ok) throw new Error('parse');
    expect(evaluateFormula(p.ast, () => 1e200)).toEqual({ ok: false, reason: { code: 'not-finite' } });
  });
});

const CODES = ['A', 'B', 'GO', 'IC.1', 'X_2'];
const arbAst: fc.Arbitrary<FormulaNode> = fc.letrec<{ node: FormulaNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: 0, max: 100_000 }).map((v): FormulaNode => ({ type: 'number', value: v / 100 })),
    fc.constantFrom(...CODES).map((code): FormulaNode => ({ type: 'ref', code })),
    tie('node').map((operand): FormulaNode => ({ type: 'neg', operand })),
    fc
      .tuple(
        fc.constantFrom('+', '-', '*', '/') as fc.Arbitrary<'+' | '-' | '*' | '/'>,
        tie('node'),
        tie('node'),
      )
      .map(([op, left, right]): FormulaNode => ({ type: 'binary', op, left, right })),
  ),
})).node;

/** A reference evaluator written independently of the parser's own. */
function reference(n: FormulaNode, env: Record<string, number>): number | 'div0' {
  switch (n.type) {
    case 'number':
      return n.value;
    case 'ref':
      return env[n.code] as number;
    case 'neg': {
      const v = reference(n.operand, env);
      return v === 'div0' ? v : -v;
    }
    case 'binary': {
      const l = reference(n.left, env);
      const r = reference(n.right, env);
      if (l === 'div0' || r === 'div0') return 'div0';
      if (n.op === '/') return r === 0 ? 'div0' : l / r;
      return n.op === '+' ? l + r : n.op === '-' ? l - r : l * r;
    }
  }
}

describe('properties', () => {
  it('printing then parsing gives the same AST back', () => {
    fc.assert(
      fc.property(arbAst, (ast) => {
        const p = parseFormula(printFormula(ast));
        expect(p.ok && p.ast).toEqual(ast);
      }),
      { numRuns: 500 },
    );
  });

  it('evaluation of a printed formula matches a reference evaluator', () => {
    const env = fc.record(Object.fromEntries(CODES.map((c) => [c, fc.integer({ min: -50, max: 50 })])));
    fc.assert(
      fc.property(arbAst, env, (ast, e) => {
        const p = parseFormula(printFormula(ast));
        if (!p.ok) return false;
        const got = evaluateFormula(p.ast, (c) => e[c] ?? 'unknown');
        const want = reference(ast, e);
        if (want === 'div0') return !got.ok && got.reason.code === 'division-by-zero';
        if (!Number.isFinite(want)) return !got.ok;
        return got.ok && Object.is(got.value, want === 0 ? 0 : want);
      }),
      { numRuns: 500 },
    );
  });
});

describe('formula cycles', () => {
  it('finds a two-step cycle and a self-reference, and leaves acyclic chains alone', () => {
    const cycles = findFormulaCycles([
      { code: 'A', formula: 'B + 1' },
      { code: 'B', formula: 'A * 2' },
      { code: 'S', formula: 'S + 1' },
      { code: 'C', formula: 'D / E' },
      { code: 'D', formula: 'E * 2' },
      { code: 'E' },
    ]);
    expect(cycles).toEqual([
      ['A', 'B', 'A'],
      ['S', 'S'],
    ]);
  });

  it('gives a shortest closed path through a larger cycle', () => {
    const cycles = findFormulaCycles([
      { code: 'P', formula: 'Q' },
      { code: 'Q', formula: 'R + Z' },
      { code: 'R', formula: 'P' },
      { code: 'Z', formula: '1' },
    ]);
    expect(cycles).toEqual([['P', 'Q', 'R', 'P']]);
  });

  it('reports unknown codes and parse errors with the indicator they belong to', () => {
    const a = analyzeFormulas(
      [{ code: 'A', formula: 'GO / POP' }, { code: 'GO' }, { code: 'B', formula: 'GO +' }],
      'en',
    );
    expect(a.unknownCodes).toEqual([{ indicator: 'A', code: 'POP' }]);
    expect(a.errors.map((e) => [e.indicator, e.error.code])).toEqual([['B', 'unexpected-end']]);
    expect(a.cycles).toEqual([]);
  });
});
