/**
 * Rules for text: NUL nowhere; no control characters in codes, and none but tab and line breaks in
 * free text; everything in Unicode NFC, so "Hòa" typed on two keyboards is one string; text that is
 * visibly mojibake (UTF-8 once read as Windows-1252: "Thanh HÃ³a") refused rather than stored.
 */
import type { PathSegment, Problem } from './problem.js';
import { CODE_KEYS } from './zod-problems.js';

/** C0 controls, DEL and C1 controls: never allowed in a code. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_IN_CODE = /[\u0000-\u001f\u007f-\u009f]/;
/** The same minus tab, line feed and carriage return: never allowed in free text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/**
 * Vietnamese UTF-8 read as Windows-1252 or Latin-1: "Ã³" (ó), "á»‡"/"áº¡" (ệ, ạ), "Æ°" (ư), "Ä‘" (đ).
 * None of these pairs occurs in Vietnamese or English text.
 */
const MOJIBAKE =
  /Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]|á[º»]|Æ[°¡¯]|Ä[\u0090\u0091\u2018]|Å©/;

/**
 * The name of a control character as a problem shows it.
 *
 * @example charName('\u0007') // 'U+0007'
 */
export function charName(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The problem of one string, if any: `nul-char`, `control-char` or `mojibake`. `isCode` tightens the
 * control-character rule (no tab or line break in a code).
 *
 * @example textProblem('38\u0000', true) // { path: [], code: 'nul-char' }
 * @example textProblem('Thanh HÃ³a', false) // { path: [], code: 'mojibake', params: { text: 'Thanh HÃ³a' } }
 */
export function textProblem(s: string, isCode: boolean, path: PathSegment[] = []): Problem | null {
  if (s.includes('\u0000')) return { path, code: 'nul-char' };
  const m = (isCode ? CONTROL_IN_CODE : CONTROL_IN_TEXT).exec(s);
  if (m) return { path, code: 'control-char', params: { char: charName(m[0]) } };
  if (!isAscii(s) && MOJIBAKE.test(s))
    return { path, code: 'mojibake', params: { text: s.length > 40 ? `${s.slice(0, 40)}…` : s } };
  return null;
}

/**
 * Field names whose string values (or lists of strings) are codes, in plan files and API bodies
 * alike: codes of units, indicators, plans, programs and targets, a program's `targets`, the sides
 * of a reorganisation, account names, and levels (compared for equality). Everything else is free text.
 */
export const CODE_FIELDS: ReadonlySet<string> = new Set([
  ...CODE_KEYS,
  'targets',
  'units',
  'indicators',
  'plan',
  'program',
  'target',
  'from',
  'to',
  'predecessor',
  'successor',
  'adminCode',
  'username',
  'level',
]);

/**
 * Field names whose string values are secrets (passwords): opaque, so only NUL is refused in them
 * and they are never normalized — a password set before must still match, byte for byte.
 */
export const SECRET_FIELDS: ReadonlySet<string> = new Set(['password']);

/** How {@link textProblems} walks a document. */
export interface TextWalkOptions {
  /** Judge every string as a code (URL path segments and query values). Default false. */
  allCodes?: boolean;
  /** Stop after this many problems (a request needs no list of thousands). Default: all of them. */
  limit?: number;
}

/** One object or array being walked: what it is, its keys, and which child is being looked at. */
interface Frame {
  node: Record<string, unknown> | unknown[];
  /** The object's keys; null for an array. */
  keys: string[] | null;
  /** Index of the next child; the child being looked at is `next - 1`. */
  next: number;
  /** Whether strings directly in this array are codes (a list of codes). */
  isCode: boolean;
}

const isContainer = (x: unknown): x is Record<string, unknown> | unknown[] =>
  typeof x === 'object' && x !== null && !(x instanceof Date);
const frameOf = (node: Record<string, unknown> | unknown[], isCode: boolean): Frame => ({
  node,
  keys: Array.isArray(node) ? null : Object.keys(node),
  next: 0,
  isCode,
});
const sizeOf = (f: Frame) => (f.keys ?? (f.node as unknown[])).length;
/** The key or index of the child a frame is looking at. */
const segmentOf = (f: Frame): PathSegment => (f.keys ? (f.keys[f.next - 1] as string) : f.next - 1);

/**
 * Every text problem in a document (object keys included), in document order: NUL anywhere,
 * control characters (only tab and line breaks, in free text only), mojibake. Strings under a
 * {@link CODE_FIELDS} key, and in a list under one, are codes; object keys are judged as codes;
 * a {@link SECRET_FIELDS} value is judged for NUL only.
 * Walks without recursion, one frame per level, so a body nested 100.000 deep cannot overflow the
 * stack, and builds a path only for what it finds (a national file has millions of nodes).
 *
 * @example textProblems({ values: [{ unit: '38\u0007' }] })
 * // [{ path: ['values', 0, 'unit'], code: 'control-char', params: { char: 'U+0007' } }]
 * @example textProblems({ q: 'a\tb' }, ['querystring'], { allCodes: true })
 * // [{ path: ['querystring', 'q'], code: 'control-char', params: { char: 'U+0009' } }]
 */
export function textProblems(
  doc: unknown,
  path: PathSegment[] = [],
  options: TextWalkOptions = {},
): Problem[] {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const allCodes = options.allCodes === true;
  const out: Problem[] = [];
  if (typeof doc === 'string') {
    const problem = textProblem(doc, allCodes);
    return problem && limit > 0 ? [{ ...problem, path: [...path] }] : [];
  }
  if (!isContainer(doc)) return out;
  const frames: Frame[] = [frameOf(doc, allCodes)];
  const found = (problem: Problem) => out.push({ ...problem, path: [...path, ...frames.map(segmentOf)] });
  while (frames.length > 0 && out.length < limit) {
    const f = frames[frames.length - 1] as Frame;
    if (f.next >= sizeOf(f)) {
      frames.pop();
      continue;
    }
    const i = f.next++;
    let child: unknown;
    let isCode = f.isCode;
    if (f.keys) {
      const key = f.keys[i] as string;
      const keyProblem = textProblem(key, true);
      if (keyProblem) found(keyProblem);
      child = (f.node as Record<string, unknown>)[key];
      isCode = allCodes || CODE_FIELDS.has(key);
    } else child = (f.node as unknown[])[i];
    if (typeof child === 'string') {
      const problem =
        f.keys && SECRET_FIELDS.has(f.keys[i] as string)
          ? child.includes('\u0000')
            ? ({ path: [], code: 'nul-char' } satisfies Problem)
            : null
          : textProblem(child, isCode);
      if (problem) found(problem);
    } else if (isContainer(child)) frames.push(frameOf(child, isCode));
  }
  return out.length > limit ? out.slice(0, limit) : out;
}

/** A frame of the NFC walk: also the copy, made once something under it changes. */
interface NfcFrame extends Frame {
  copy: Record<string, unknown> | unknown[] | null;
}

/**
 * The document with every string (and object key) in Unicode NFC, secrets ({@link SECRET_FIELDS})
 * left as they are. Objects and arrays are copied only
 * where something changes, so a large, already normalized file costs one walk; walks without
 * recursion, like {@link textProblems}.
 *
 * @example normalizeText({ name: 'Ho\u0300a' }) // { name: 'Hòa' }
 */
export function normalizeText<T>(doc: T): T {
  if (typeof doc === 'string') return nfcString(doc) as T;
  if (!isContainer(doc)) return doc;
  const frames: NfcFrame[] = [nfcFrameOf(doc)];
  // Put the (possibly new) value of the child being looked at into the frame, copying it first
  // if this is the first change.
  const settle = (f: NfcFrame, value: unknown) => {
    const i = f.next - 1;
    if (f.keys === null) {
      const src = f.node as unknown[];
      if (f.copy === null && value !== src[i]) f.copy = src.slice();
      if (f.copy !== null) (f.copy as unknown[])[i] = value;
      return;
    }
    const src = f.node as Record<string, unknown>;
    const key = f.keys[i] as string;
    const key2 = nfcString(key);
    if (f.copy === null && (key2 !== key || value !== src[key])) {
      // Copy the keys seen so far, then go on writing into the copy.
      const copy: Record<string, unknown> = {};
      for (let j = 0; j < i; j++) put(copy, f.keys[j] as string, src[f.keys[j] as string]);
      f.copy = copy;
    }
    if (f.copy !== null) put(f.copy as Record<string, unknown>, key2, value);
  };
  for (;;) {
    const f = frames[frames.length - 1] as NfcFrame;
    if (f.next >= sizeOf(f)) {
      frames.pop();
      const result = f.copy ?? f.node;
      const parent = frames[frames.length - 1];
      if (parent === undefined) return result as T;
      settle(parent, result);
      continue;
    }
    const i = f.next++;
    const child = f.keys
      ? (f.node as Record<string, unknown>)[f.keys[i] as string]
      : (f.node as unknown[])[i];
    if (isContainer(child)) frames.push(nfcFrameOf(child));
    else if (typeof child === 'string' && !(f.keys && SECRET_FIELDS.has(f.keys[i] as string)))
      settle(f, nfcString(child));
    else settle(f, child);
  }
}

const nfcFrameOf = (node: Record<string, unknown> | unknown[]): NfcFrame => ({
  node,
  keys: Array.isArray(node) ? null : Object.keys(node),
  next: 0,
  isCode: false,
  copy: null,
});

/** Set a key, `__proto__` included, as an own property. */
function put(o: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}

const nfcString = (s: string) => (needsNfc(s) ? s.normalize('NFC') : s);

/** ASCII needs no normalization: skip the costly call for most codes and numbers-as-text. */
const needsNfc = (s: string) => !isAscii(s);
const isAscii = (s: string) => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
};
