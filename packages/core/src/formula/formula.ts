/**
 * Formula indicators (docs/methodology.md "Formula indicators"): a small, safe expression grammar over other
 * indicators of the same unit and year. A hand-written tokenizer and recursive-descent parser build
 * an AST; nothing is ever evaluated as JavaScript.
 *
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*
 *   unary   := '-' unary | primary
 *   primary := NUMBER | CODE | '(' expr ')'
 *
 * NUMBER is digits with an optional dot decimal part (`12`, `0.5`); CODE starts with a letter and
 * goes on with letters, digits, `_` and `.` (`GO`, `GO_NN`, `IC.1`). `×` and `÷` stand for `*` and
 * `/`; `−` (U+2212) and `–` (U+2013) for `-`, as Vietnamese documents typed in a word processor use them.
 */
import type { Lang } from '../model.js';

export type BinaryOp = '+' | '-' | '*' | '/';

export type FormulaNode =
  | { type: 'number'; value: number }
  | { type: 'ref'; code: string }
  | { type: 'neg'; operand: FormulaNode }
  | { type: 'binary'; op: BinaryOp; left: FormulaNode; right: FormulaNode };

export type FormulaErrorCode =
  | 'empty'
  | 'unexpected-char'
  | 'bad-number'
  | 'unexpected-token'
  | 'unexpected-end'
  | 'missing-paren'
  | 'too-deep';

export interface FormulaError {
  code: FormulaErrorCode;
  /** What went wrong and where, in the requested language. */
  message: string;
  /** 0-based character index in the source where the problem starts. */
  position: number;
  /** The offending text, when there is one. */
  token?: string;
}

export type ParseResult =
  | { ok: true; ast: FormulaNode; codes: string[] }
  | { ok: false; error: FormulaError };

/** Nesting deeper than this is refused, so a hostile formula cannot exhaust the stack. */
const MAX_DEPTH = 200;

type TokenKind = 'number' | 'code' | 'op' | '(' | ')' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
  pos: number;
  op?: BinaryOp;
}

const OPS: Record<string, BinaryOp> = {
  '+': '+',
  '-': '-',
  '\u2212': '-',
  '\u2013': '-',
  '*': '*',
  '\u00d7': '*',
  '/': '/',
  '\u00f7': '/',
};

const ADDITIVE: ReadonlySet<BinaryOp> = new Set(['+', '-']);
const MULTIPLICATIVE: ReadonlySet<BinaryOp> = new Set(['*', '/']);

const isDigit = (c: string) => c >= '0' && c <= '9';
const isLetter = (c: string) => /\p{L}/u.test(c);
const isCodeChar = (c: string) => isLetter(c) || isDigit(c) || c === '_' || c === '.';
const isSpace = (c: string) => /\s/u.test(c);

class ParseError {
  constructor(
    readonly code: FormulaErrorCode,
    readonly position: number,
    readonly token?: string,
  ) {}
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      while (i < src.length && isDigit(src[i] as string)) i++;
      if (src[i] === '.') {
        i++;
        const fracStart = i;
        while (i < src.length && isDigit(src[i] as string)) i++;
        if (i === fracStart) throw new ParseError('bad-number', start, src.slice(start, i));
      }
      // "12.5.3" or "2GO": a number glued to more code characters is a typo, not two tokens.
      if (i < src.length && isCodeChar(src[i] as string)) {
        while (i < src.length && isCodeChar(src[i] as string)) i++;
        throw new ParseError('bad-number', start, src.slice(start, i));
      }
      out.push({ kind: 'number', text: src.slice(start, i), pos: start });
      continue;
    }
    if (isLetter(c)) {
      while (i < src.length && isCodeChar(src[i] as string)) i++;
      out.push({ kind: 'code', text: src.slice(start, i), pos: start });
      continue;
    }
    const op = OPS[c];
    if (op) {
      out.push({ kind: 'op', text: c, pos: start, op });
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      out.push({ kind: c, text: c, pos: start });
      i++;
      continue;
    }
    throw new ParseError('unexpected-char', start, c);
  }
  out.push({ kind: 'end', text: '', pos: src.length });
  return out;
}

class Parser {
  private i = 0;
  private depth = 0;
  readonly codes: string[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i] as Token;
  }

  private fail(t: Token): never {
    if (t.kind === 'end') throw new ParseError('unexpected-end', t.pos);
    throw new ParseError('unexpected-token', t.pos, t.text);
  }

  parse(): FormulaNode {
    const node = this.expr();
    const t = this.peek();
    if (t.kind !== 'end') this.fail(t);
    return node;
  }

  private expr(): FormulaNode {
    return this.leftAssoc(ADDITIVE, () => this.term());
  }

  private term(): FormulaNode {
    return this.leftAssoc(MULTIPLICATIVE, () => this.unary());
  }

  /** One precedence level: operands from `next`, joined left to right by any of `ops`. */
  private leftAssoc(ops: ReadonlySet<BinaryOp>, next: () => FormulaNode): FormulaNode {
    let left = next();
    for (let t = this.peek(); t.kind === 'op' && t.op && ops.has(t.op); t = this.peek()) {
      this.i++;
      left = { type: 'binary', op: t.op, left, right: next() };
    }
    return left;
  }

  private unary(): FormulaNode {
    const t = this.peek();
    if (t.kind === 'op' && t.op === '-') {
      this.i++;
      return this.nested(t.pos, () => ({ type: 'neg', operand: this.unary() }));
    }
    return this.primary();
  }

  private primary(): FormulaNode {
    const t = this.peek();
    if (t.kind === 'number') {
      this.i++;
      return { type: 'number', value: Number(t.text) };
    }
    if (t.kind === 'code') {
      this.i++;
      if (!this.seen.has(t.text)) {
        this.seen.add(t.text);
        this.codes.push(t.text);
      }
      return { type: 'ref', code: t.text };
    }
    if (t.kind === '(') {
      this.i++;
      const inner = this.nested(t.pos, () => this.expr());
      const close = this.peek();
      if (close.kind !== ')') throw new ParseError('missing-paren', close.pos, close.text || undefined);
      this.i++;
      return inner;
    }
    return this.fail(t);
  }

  private nested(pos: number, f: () => FormulaNode): FormulaNode {
    if (++this.depth > MAX_DEPTH) throw new ParseError('too-deep', pos);
    try {
      return f();
    } finally {
      this.depth--;
    }
  }
}

const ERROR_TEXT: Record<
  FormulaErrorCode,
  Record<Lang, (e: { position: number; token?: string }) => string>
> = {
  empty: { vi: () => 'Công thức trống.', en: () => 'The formula is empty.' },
  'unexpected-char': {
    vi: (e) => `Ký tự không hợp lệ "${e.token}" ở vị trí ${e.position + 1}.`,
    en: (e) => `Invalid character "${e.token}" at position ${e.position + 1}.`,
  },
  'bad-number': {
    vi: (e) => `Số không hợp lệ "${e.token}" ở vị trí ${e.position + 1} (dùng dấu chấm cho phần thập phân).`,
    en: (e) => `Invalid number "${e.token}" at position ${e.position + 1} (use a dot for decimals).`,
  },
  'unexpected-token': {
    vi: (e) => `Không mong đợi "${e.token}" ở vị trí ${e.position + 1}.`,
    en: (e) => `Unexpected "${e.token}" at position ${e.position + 1}.`,
  },
  'unexpected-end': {
    vi: () => 'Công thức kết thúc đột ngột: thiếu một số hoặc mã chỉ tiêu ở cuối.',
    en: () => 'The formula ends too early: a number or indicator code is missing at the end.',
  },
  'missing-paren': {
    vi: (e) => `Thiếu dấu ")" ở vị trí ${e.position + 1}.`,
    en: (e) => `Missing ")" at position ${e.position + 1}.`,
  },
  'too-deep': {
    vi: (e) => `Công thức lồng ngoặc quá sâu (quá ${MAX_DEPTH} mức) ở vị trí ${e.position + 1}.`,
    en: (e) => `The formula is nested too deeply (over ${MAX_DEPTH} levels) at position ${e.position + 1}.`,
  },
};

/**
 * Parse a formula into an AST and the distinct indicator codes it uses (in order of first use).
 * Never throws: a malformed formula gives `{ ok: false, error }` with a sentence and a position.
 *
 * @example
 * parseFormula('IC / GO × 100')
 * // { ok: true, codes: ['IC', 'GO'], ast: { type: 'binary', op: '*', left: {…IC / GO…}, right: { type: 'number', value: 100 } } }
 * parseFormula('GO / (IC', 'en').error.message // 'Missing ")" at position 9.'
 */
export function parseFormula(src: string, lang: Lang = 'vi'): ParseResult {
  try {
    if (src.trim() === '') throw new ParseError('empty', 0);
    const parser = new Parser(tokenize(src));
    const ast = parser.parse();
    return { ok: true, ast, codes: parser.codes };
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    const detail = { position: e.position, ...(e.token !== undefined ? { token: e.token } : {}) };
    return { ok: false, error: { code: e.code, message: ERROR_TEXT[e.code][lang](detail), ...detail } };
  }
}

const PRECEDENCE: Record<FormulaNode['type'] | BinaryOp, number> = {
  '+': 1,
  '-': 1,
  '*': 2,
  '/': 2,
  neg: 3,
  number: 4,
  ref: 4,
  binary: 0,
};
const precedenceOf = (n: FormulaNode) => (n.type === 'binary' ? PRECEDENCE[n.op] : PRECEDENCE[n.type]);

/**
 * Print an AST back to source with only the parentheses it needs; `parseFormula(printFormula(ast))`
 * gives the same AST back (operators are left-associative, so a right operand of equal precedence
 * keeps its parentheses).
 *
 * @example printFormula(parseFormula('((A + B)) / (C × 2)').ast) // '(A + B) / (C * 2)'
 */
export function printFormula(node: FormulaNode): string {
  switch (node.type) {
    case 'number':
      return String(node.value);
    case 'ref':
      return node.code;
    case 'neg': {
      const inner = printFormula(node.operand);
      return precedenceOf(node.operand) < PRECEDENCE.neg ? `-(${inner})` : `-${inner}`;
    }
    case 'binary': {
      const p = PRECEDENCE[node.op];
      const l = printFormula(node.left);
      const r = printFormula(node.right);
      const left = precedenceOf(node.left) < p ? `(${l})` : l;
      const right = precedenceOf(node.right) <= p ? `(${r})` : r;
      return `${left} ${node.op} ${right}`;
    }
  }
}

/** What a lookup says about a code: its value, or why there is none. */
export type FormulaInput = number | 'missing' | 'unknown';

export type FormulaFailure =
  | { code: 'unknown-code'; indicator: string }
  | { code: 'missing-value'; indicator: string }
  | { code: 'division-by-zero' }
  | { code: 'not-finite' };

export type FormulaValue = { ok: true; value: number } | { ok: false; reason: FormulaFailure };

/**
 * Evaluate an AST. `lookup(code)` returns the input's value, `'missing'` when the indicator exists
 * but has no value, or `'unknown'` when no such indicator exists. The first failing input (left to
 * right) is the reason; a zero divisor or an overflow gives a reason too, never NaN or Infinity.
 *
 * @example
 * const { ast } = parseFormula('IC / GO * 100');
 * evaluateFormula(ast, (c) => ({ IC: 30, GO: 120 })[c] ?? 'unknown') // { ok: true, value: 25 }
 * evaluateFormula(ast, (c) => (c === 'GO' ? 0 : 30))                // { ok: false, reason: { code: 'division-by-zero' } }
 */
export function evaluateFormula(ast: FormulaNode, lookup: (code: string) => FormulaInput): FormulaValue {
  const r = evalNode(ast, lookup);
  if (typeof r !== 'number') return { ok: false, reason: r };
  return Number.isFinite(r)
    ? { ok: true, value: r === 0 ? 0 : r }
    : { ok: false, reason: { code: 'not-finite' } };
}

function evalNode(n: FormulaNode, lookup: (code: string) => FormulaInput): number | FormulaFailure {
  switch (n.type) {
    case 'number':
      return n.value;
    case 'ref': {
      const v = lookup(n.code);
      if (v === 'unknown') return { code: 'unknown-code', indicator: n.code };
      if (v === 'missing' || !Number.isFinite(v)) return { code: 'missing-value', indicator: n.code };
      return v;
    }
    case 'neg': {
      const v = evalNode(n.operand, lookup);
      return typeof v === 'number' ? -v : v;
    }
    case 'binary': {
      const l = evalNode(n.left, lookup);
      if (typeof l !== 'number') return l;
      const r = evalNode(n.right, lookup);
      if (typeof r !== 'number') return r;
      switch (n.op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
          return r === 0 ? { code: 'division-by-zero' } : l / r;
      }
    }
  }
}
