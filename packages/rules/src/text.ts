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
 * Every text problem in a document (object keys included), walking it once. Strings under a code key
 * (`code`, `unit`, `indicator`, `parent`, `weight`, a program's `targets`) are codes.
 *
 * @example textProblems({ values: [{ unit: '38\u0007' }] })
 * // [{ path: ['values', 0, 'unit'], code: 'control-char', params: { char: 'U+0007' } }]
 */
export function textProblems(doc: unknown, path: PathSegment[] = []): Problem[] {
  const out: Problem[] = [];
  // One path stack for the whole walk, copied only for a problem: a national file has millions of nodes.
  const stack: PathSegment[] = [...path];
  const walk = (x: unknown, isCode: boolean) => {
    if (typeof x === 'string') {
      const problem = textProblem(x, isCode, stack);
      if (problem) out.push({ ...problem, path: [...stack] });
    } else if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) {
        stack.push(i);
        walk(x[i], isCode);
        stack.pop();
      }
    } else if (typeof x === 'object' && x !== null) {
      for (const k in x) {
        stack.push(k);
        const keyProblem = textProblem(k, true, stack);
        if (keyProblem) out.push({ ...keyProblem, path: [...stack] });
        walk((x as Record<string, unknown>)[k], CODE_KEYS.has(k) || k === 'targets');
        stack.pop();
      }
    }
  };
  walk(doc, false);
  return out;
}

/**
 * The document with every string (and object key) in Unicode NFC. Objects and arrays are copied only
 * where something changes, so a large, already normalized file costs one walk.
 *
 * @example normalizeText({ name: 'Ho\u0300a' }) // { name: 'Hòa' }
 */
export function normalizeText<T>(doc: T): T {
  return nfc(doc) as T;
}

function nfc(x: unknown): unknown {
  if (typeof x === 'string') return needsNfc(x) ? x.normalize('NFC') : x;
  if (Array.isArray(x)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < x.length; i++) {
      const v = nfc(x[i]);
      if (v !== x[i]) {
        out ??= x.slice();
        out[i] = v;
      }
    }
    return out ?? x;
  }
  if (typeof x === 'object' && x !== null && !(x instanceof Date)) {
    const o = x as Record<string, unknown>;
    let out: Record<string, unknown> | null = null;
    for (const k in o) {
      const k2 = needsNfc(k) ? k.normalize('NFC') : k;
      const v2 = nfc(o[k]);
      if (out === null && (k2 !== k || v2 !== o[k])) {
        // Copy the keys seen so far, then go on writing into the copy.
        out = {};
        for (const j in o) {
          if (j === k) break;
          out[j] = o[j];
        }
      }
      if (out !== null) out[k2] = v2;
    }
    return out ?? x;
  }
  return x;
}

/** ASCII needs no normalization: skip the costly call for most codes and numbers-as-text. */
const needsNfc = (s: string) => !isAscii(s);
const isAscii = (s: string) => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
};
