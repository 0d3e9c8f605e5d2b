/**
 * Reading and writing plan files (`chitieu.plan/1`, JSON or YAML). Every problem of a file is reported at
 * once, each with its path in the file and a sentence; nothing is returned from a file with a problem.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Lang } from '@chitieu/core';
import {
  figureSetWarnings,
  formatPath,
  normalizeText,
  type PathSegment,
  type Problem,
  problemsFromZod,
  textProblems,
} from '@chitieu/rules';
import { Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from 'yaml';
import { checkPlanFile } from './check.js';
import { applyDefaults, type PlanFile } from './defaults.js';
import { detectEncoding } from './encoding.js';
import { message } from './messages.js';
import { isObject, normalizeRaw } from './normalize.js';
import { PLAN_FORMAT, planFileSchema } from './schema.js';

export interface PlanFileProblem {
  /** Where in the file, e.g. `plans[0].targets[3].indicator`; empty for the file as a whole. */
  path: string;
  /** The rule broken (`unknown-key`, `out-of-bounds`, `encoding-legacy` …; @chitieu/rules messages). */
  code: string;
  message: string;
  /** 1-based line and column when the position is known. */
  line?: number;
  column?: number;
}

export type PlanFileResult =
  | { ok: true; data: PlanFile; warnings: PlanFileProblem[] }
  | { ok: false; problems: PlanFileProblem[] };

export interface PlanFileOptions {
  /** Shown in file-level messages. */
  fileName?: string;
  lang?: Lang;
}

/** Keys whose plain YAML scalars are codes: `code: 01` must stay "01", not become the number 1. */
const CODE_KEYS = new Set(['code', 'parent', 'unit', 'indicator', 'weight']);

const looksLikeJson = (text: string) => /^\s*[{[]/.test(text);

/**
 * Parse and validate a plan file from its text (JSON or YAML, told apart by the first character),
 * then apply defaults.
 *
 * @example
 * const r = parsePlanFile('format: chitieu.plan/1\nunits: [{ code: "38", name: Thanh Hóa, level: province }]');
 * r.ok && r.data.units[0] // { code: '38', name: 'Thanh Hóa', level: 'province', parent: null }
 * parsePlanFile('format: x', { lang: 'en' })
 * // { ok: false, problems: [{ path: 'format', message: 'The format field must be "chitieu.plan/1" (found the text "x").', line: 1, column: 9 }] }
 */
export function parsePlanFile(text: string, opts: PlanFileOptions = {}): PlanFileResult {
  const lang = opts.lang ?? 'vi';
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (src.trim() === '') return fail([fileProblem('empty-file', { file: opts.fileName }, lang)]);

  if (looksLikeJson(src)) {
    let raw: unknown;
    try {
      raw = JSON.parse(src);
    } catch (e) {
      // A YAML flow document (`{format: chitieu.plan/1, …}`) also starts with a brace: read it as YAML
      // when it is valid YAML, else report the JSON error the writer most likely made.
      const asYaml = src.length <= MAX_JSON_FOR_POSITIONS ? readYaml(src, lang) : null;
      return asYaml?.ok
        ? validate(asYaml.raw, src, asYaml.positions, lang)
        : fail([jsonSyntaxProblem(src, e, lang)]);
    }
    return validate(raw, src, null, lang);
  }
  const yaml = readYaml(src, lang);
  return yaml.ok ? validate(yaml.raw, src, yaml.positions, lang) : fail(yaml.problems);
}

function readYaml(
  src: string,
  lang: Lang,
): { ok: true; raw: unknown; positions: Positions } | { ok: false; problems: PlanFileProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(src, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      const detail = yamlDetail(e.code, e.message, lang);
      return {
        path: '',
        code: 'yaml-syntax',
        message: message('yaml-syntax', { line: pos.line, column: pos.col, detail }, lang),
        line: pos.line,
        column: pos.col,
      };
    });
    return { ok: false, problems };
  }
  keepCodesAsWritten(doc);
  const split = entriesWithoutValue(doc.contents, [], lineCounter, lang);
  if (split.length > 0) return { ok: false, problems: split };
  try {
    return { ok: true, raw: doc.toJS({ maxAliasCount: 1000 }), positions: positionsOf(doc, lineCounter) };
  } catch (e) {
    return { ok: false, problems: [fileProblem('invalid', { detail: (e as Error).message }, lang)] };
  }
}

/**
 * Entries of a flow mapping that are not `key: value`: `{ value: 18.997,6, status: estimate }` splits
 * a Vietnamese number at its comma into `value: 18.997` and a key `6` without a value. Reading on would
 * store 18.997, so each such entry is refused where it stands. (A block mapping cannot have one: a line
 * without a colon is a YAML syntax error.)
 */
function entriesWithoutValue(
  node: unknown,
  path: PathSegment[],
  lc: LineCounter,
  lang: Lang,
): PlanFileProblem[] {
  const out: PlanFileProblem[] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key : null;
      const name = key ? String(key.value) : '';
      if (node.flow && pair.value === null && key) {
        const text = typeof key.source === 'string' ? key.source : name;
        const pos = key.range ? lc.linePos(key.range[0]) : null;
        const p: PlanFileProblem = {
          path: formatPath([...path, name]),
          code: 'not-key-value',
          message: message('not-key-value', { text }, lang),
        };
        out.push(pos ? { ...p, line: pos.line, column: pos.col } : p);
      } else for (const p of entriesWithoutValue(pair.value, [...path, name], lc, lang)) out.push(p);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      for (const p of entriesWithoutValue(item, [...path, i], lc, lang)) out.push(p);
    });
  }
  return out;
}

/** Read a plan file from disk; any problem, including an unreadable file, comes back as problems. */
export async function readPlanFile(path: string, opts: PlanFileOptions = {}): Promise<PlanFileResult> {
  const lang = opts.lang ?? 'vi';
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const detail = readErrorDetail((e as NodeJS.ErrnoException).code, (e as Error).message, lang);
    return fail([fileProblem('read-error', { file: path, detail }, lang)]);
  }
  const enc = detectEncoding(bytes);
  const out = `${basename(path).replace(/\.[^.]*$/, '')}-utf8${/\.[^.]*$/.exec(path)?.[0] ?? '.yaml'}`;
  switch (enc.kind) {
    case 'utf-8':
      return parsePlanFile(enc.text, { fileName: path, ...opts });
    case 'utf-16':
    case 'utf-32':
      return fail([
        fileProblem('encoding-utf16', { file: path, encoding: enc.name, iconv: enc.iconv, out }, lang),
      ]);
    case 'legacy':
      return fail([
        fileProblem('encoding-legacy', { file: path, encoding: enc.name, iconv: enc.iconv, out }, lang),
      ]);
    case 'binary':
      return fail([fileProblem('binary-file', { file: path, kind: enc.what }, lang)]);
    case 'invalid':
      return fail([
        { ...fileProblem('encoding-invalid', { file: path, line: enc.line }, lang), line: enc.line },
      ]);
  }
}

const READ_ERRORS: Record<string, Record<Lang, string>> = {
  ENOENT: { vi: 'không có tệp này', en: 'no such file' },
  EISDIR: { vi: 'đây là một thư mục, không phải tệp', en: 'it is a folder, not a file' },
  EACCES: { vi: 'không có quyền đọc', en: 'permission denied' },
  EPERM: { vi: 'không có quyền đọc', en: 'permission denied' },
};

function readErrorDetail(code: string | undefined, fallback: string, lang: Lang): string {
  return (code && READ_ERRORS[code]?.[lang]) ?? code ?? fallback;
}

/**
 * Write a plan file as JSON or YAML, for export. Absent optional fields stay absent; in YAML each unit
 * and value is one flow line, as people write them by hand. `parsePlanFile` reads the output back
 * to the same data.
 *
 * @example serializePlanFile(data, 'yaml').split('\n')[0] // 'format: chitieu.plan/1'
 */
export function serializePlanFile(
  data: PlanFile | Omit<PlanFile, 'format'>,
  format: 'json' | 'yaml',
): string {
  const { units, indicators, plans, values } = data;
  const ordered = { format: PLAN_FORMAT, units, indicators, plans, values };
  if (format === 'json') {
    // One line per unit and per value keeps a national file readable and a third of the size.
    const lines = (xs: readonly unknown[]) =>
      xs.length === 0 ? '[]' : `[\n${xs.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]`;
    const nested = (x: unknown) => JSON.stringify(x, null, 2).replace(/\n/g, '\n  ');
    return `{\n  "format": ${JSON.stringify(PLAN_FORMAT)},\n  "units": ${lines(units)},\n  "indicators": ${nested(indicators)},\n  "plans": ${nested(plans)},\n  "values": ${lines(values)}\n}\n`;
  }
  const doc = new Document(ordered);
  for (const key of ['units', 'values']) {
    const seq = doc.get(key, true);
    if (isSeq(seq)) for (const item of seq.items) (item as { flow?: boolean }).flow = true;
  }
  return doc.toString({ lineWidth: 0 });
}

function validate(raw: unknown, src: string, positions: Positions | null, lang: Lang): PlanFileResult {
  if (!isObject(raw)) return fail([fileProblem('not-an-object', {}, lang)]);
  // Text is compared and stored in Unicode NFC: "Hòa" typed with combining marks is the same "Hòa".
  const doc = normalizeRaw(normalizeText(raw));
  const raws: Problem[] = textProblems(doc);
  const parsed = planFileSchema.safeParse(doc);
  // Loops, not push(...list): a large broken file has more problems than a call takes arguments.
  if (!parsed.success) for (const p of problemsFromZod(parsed.error, doc, planFileSchema)) raws.push(p);
  for (const p of checkPlanFile(doc, lang)) raws.push(p);
  if (raws.length === 0 && parsed.success) {
    const data = applyDefaults(parsed.data);
    return { ok: true, data, warnings: place(valueWarningsOf(data), src, positions, lang) };
  }
  return fail(place(raws, src, positions, lang));
}

/** Problems in words, each with its line and column, top to bottom, duplicates dropped. */
function place(raws: Problem[], src: string, positions: Positions | null, lang: Lang): PlanFileProblem[] {
  if (raws.length === 0) return [];
  // JSON carries no positions of its own; the YAML reader can find them (JSON is YAML), but only now.
  const pos = positions ?? jsonPositions(src);
  const seen = new Set<string>();
  const problems: PlanFileProblem[] = [];
  for (const r of raws) {
    const p: PlanFileProblem = {
      path: formatPath(r.path),
      code: r.code,
      message: message(r.code, r.params ?? {}, lang),
    };
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const at = pos?.(r.path, r.code === 'unknown-key');
    problems.push(at ? { ...p, ...at } : p);
  }
  // Top to bottom, as a person fixes a file.
  problems.sort(
    (a, b) =>
      (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
  return problems;
}

/** Suspicious figures of the file, judged against each other (rules: figureSetWarnings). */
function valueWarningsOf(data: PlanFile): Problem[] {
  return figureSetWarnings(data.values).map(({ index, problem }) => ({
    ...problem,
    path: ['values', index, ...problem.path],
  }));
}

/** Replace number scalars under code keys (and in lists of target codes) by their source text. */
function keepCodesAsWritten(doc: Document): void {
  const restore = (node: unknown) => {
    if (isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string')
      node.value = node.source;
  };
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (typeof key !== 'string') return;
      if (CODE_KEYS.has(key)) restore(pair.value);
      else if (key === 'targets' && isSeq(pair.value)) for (const item of pair.value.items) restore(item);
    },
  });
}

type Positions = (path: readonly PathSegment[], atKey?: boolean) => { line: number; column: number } | null;

function positionsOf(doc: Document, lc: LineCounter): Positions {
  return (path, atKey) => {
    // An unknown key is shown where the key is written, not its value.
    if (atKey && path.length > 0) {
      const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
      const last = path[path.length - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((it) => isScalar(it.key) && String(it.key.value) === String(last));
        const range = (pair?.key as Node | undefined)?.range;
        if (range) {
          const { line, col } = lc.linePos(range[0]);
          return { line, column: col };
        }
      }
    }
    // A missing field has no node: point at the nearest enclosing one.
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) {
        const { line, col } = lc.linePos(range[0]);
        return { line, column: col };
      }
    }
    return null;
  };
}

/** Past this size the YAML reader would take too long just to place problems: paths must do. */
const MAX_JSON_FOR_POSITIONS = 2_000_000;

function jsonPositions(src: string): Positions | null {
  if (src.length > MAX_JSON_FOR_POSITIONS) return null;
  const lineCounter = new LineCounter();
  const doc = parseDocument(src, { lineCounter, uniqueKeys: false });
  return doc.errors.length === 0 ? positionsOf(doc, lineCounter) : null;
}

/**
 * Node 20 names the offset of some JSON errors only ("Unexpected token '}', …"); the YAML reader, for
 * which JSON is a flow document, finds the spot for the others.
 */
function jsonSyntaxProblem(src: string, e: unknown, lang: Lang): PlanFileProblem {
  const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
  const m = /position (\d+)/.exec(detail);
  const short = detail
    .replace(/, "[\s\S]*" is not valid JSON$/, '')
    .replace(/ in JSON at position \d+.*$/, '');
  const small = src.length <= MAX_JSON_FOR_POSITIONS;
  const offset = m ? Number(m[1]) : small ? (parseDocument(src).errors[0]?.pos[0] ?? src.length) : null;
  if (offset === null)
    return {
      path: '',
      code: 'json-syntax-unplaced',
      message: message('json-syntax-unplaced', { detail: short }, lang),
    };
  const before = src.slice(0, offset).split('\n');
  const line = before.length;
  const column = (before[before.length - 1]?.length ?? 0) + 1;
  return {
    path: '',
    code: 'json-syntax',
    message: message('json-syntax', { line, column, detail: short }, lang),
    line,
    column,
  };
}

const YAML_DETAIL: Record<string, Record<Lang, string>> = {
  DUPLICATE_KEY: {
    vi: 'một trường bị lặp lại trong cùng một đối tượng',
    en: 'a key is repeated in the same map',
  },
  TAB_AS_INDENT: {
    vi: 'dùng phím Tab để thụt lề (hãy dùng dấu cách)',
    en: 'a tab is used for indentation (use spaces)',
  },
  BAD_INDENT: { vi: 'thụt lề không đúng', en: 'wrong indentation' },
  MISSING_CHAR: {
    vi: 'thiếu ký tự đóng (dấu ngoặc hoặc dấu nháy)',
    en: 'a closing bracket or quote is missing',
  },
  MULTILINE_IMPLICIT_KEY: {
    vi: 'khóa trải trên nhiều dòng hoặc thiếu dấu ":"',
    en: 'a key spans lines or lacks ":"',
  },
};

function yamlDetail(code: string, raw: string, lang: Lang): string {
  const known = YAML_DETAIL[code]?.[lang];
  if (known) return known;
  const first = raw.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? raw;
  return first;
}

const fail = (problems: PlanFileProblem[]): PlanFileResult => ({ ok: false, problems });

const fileProblem = (
  code:
    | 'empty-file'
    | 'not-an-object'
    | 'invalid'
    | 'read-error'
    | 'encoding-utf16'
    | 'encoding-legacy'
    | 'binary-file'
    | 'encoding-invalid',
  params: Record<string, string | number | undefined>,
  lang: Lang,
): PlanFileProblem => ({ path: '', code, message: message(code, params, lang) });
