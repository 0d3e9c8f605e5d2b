/**
 * Control characters where they do not belong in a request. NUL (U+0000) is refused everywhere:
 * PostgreSQL cannot store it in text at all, so one would fail on one dialect and not the other.
 * Codes (of units, indicators, plans, …), field names, and anything that is a code by position (URL
 * path segments, query values) refuse every control character: C0 (U+0000–U+001F, tab and line
 * breaks included), DEL (U+007F) and C1 (U+0080–U+009F) — the same definitions as the plan-file
 * rules (`@chitieu/rules` text rules, which also judge free text inside plan files and commands).
 * Pure: no I/O.
 */
import type { Lang } from '@chitieu/core';

/** A segment of a path into a document: an object key or an array index. */
export type ControlPathSegment = string | number;

/** One control character found, and where. */
export interface ControlCharacterFound {
  /** Where from the root: `['plans', 0, 'code']`. */
  path: ControlPathSegment[];
  /** In a field name (the last segment) rather than in a value. */
  inKey: boolean;
  /** The character as `U+0000`. */
  character: string;
  /** 0-based position of the character in the text. */
  index: number;
}

/** Keys whose string values (or lists of strings) are codes in API bodies. */
export const CODE_FIELDS: ReadonlySet<string> = new Set([
  'code',
  'parent',
  'unit',
  'units',
  'indicator',
  'indicators',
  'weight',
  'plan',
  'program',
  'target',
  'targets',
  'from',
  'to',
  'predecessor',
  'successor',
  'adminCode',
  'username',
  'level',
]);

// Built from a string: finding control characters is the point, which the linter's regex rule forbids.
const CONTROL_CLASS = '[\\u0000-\\u001f\\u007f-\\u009f]';
const ANY_CONTROL = new RegExp(CONTROL_CLASS);
const EVERY_CONTROL = new RegExp(CONTROL_CLASS, 'g');

/** Index of the first character `text` may not hold (as a code, or as free text: NUL only), or -1. */
function badIndex(text: string, asCode: boolean): number {
  return asCode ? text.search(ANY_CONTROL) : text.indexOf('\u0000');
}

/** Stands for "the key of this node" on the walk's stack. */
const KEY = Symbol('key');

const asCodePoint = (text: string, index: number) =>
  `U+${text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')}`;

export interface FindControlOptions {
  /** Treat every string as a code (URL path and query values). Default false. */
  allCodes?: boolean;
  /** Keys whose values are codes; default {@link CODE_FIELDS}. */
  codeFields?: ReadonlySet<string>;
  /** Stop after this many (default 20): a file full of them needs no list of thousands. */
  limit?: number;
}

/**
 * Every control character that `value` (a string, or a parsed JSON/YAML document) may not hold,
 * in document order, up to `limit`: NUL anywhere, any control character in keys and in codes.
 * Walks without recursion, so a deeply nested body cannot overflow the stack.
 *
 * @example
 * findControlCharacters({ units: [{ code: 'X\u0001', name: 'a\nb' }], note: 'a\u0000b' })
 * // [{ path: ['units', 0, 'code'], inKey: false, character: 'U+0001', index: 1 },
 * //  { path: ['note'], inKey: false, character: 'U+0000', index: 1 }]
 * findControlCharacters('01\t', { allCodes: true }) // [{ path: [], inKey: false, character: 'U+0009', index: 2 }]
 */
export function findControlCharacters(
  value: unknown,
  options: FindControlOptions = {},
  path: ControlPathSegment[] = [],
): ControlCharacterFound[] {
  const codeFields = options.codeFields ?? CODE_FIELDS;
  const limit = options.limit ?? 20;
  const found: ControlCharacterFound[] = [];
  // Each node knows its parent and its key, so a path is built only for what is found (copying it
  // at every level would cost the square of the depth).
  interface Visit {
    value: unknown;
    parent: Visit | null;
    key: ControlPathSegment | null;
    code: boolean;
  }
  const pathOf = (node: Visit): ControlPathSegment[] => {
    const reversed: ControlPathSegment[] = [];
    for (let n: Visit | null = node; n !== null && n.key !== null; n = n.parent) reversed.push(n.key);
    return [...path, ...reversed.reverse()];
  };
  // Depth-first in document order: the stack holds what is left to visit, last first.
  const stack: Visit[] = [{ value, parent: null, key: null, code: options.allCodes === true }];
  while (stack.length > 0 && found.length < limit) {
    const node = stack.pop() as Visit;
    const v = node.value;
    if (typeof v === 'string') {
      const index = badIndex(v, node.code);
      if (index >= 0)
        found.push({ path: pathOf(node), inKey: false, character: asCodePoint(v, index), index });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        stack.push({ value: v[i], parent: node, key: i, code: node.code });
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        const child = (v as Record<string, unknown>)[key];
        stack.push({ value: child, parent: node, key, code: node.code || codeFields.has(key) });
        // The key is judged just before its value: problems come in document order.
        if (badIndex(key, true) >= 0) stack.push({ value: KEY, parent: node, key, code: true });
      }
    } else if (v === KEY && node.key !== null) {
      const key = String(node.key);
      const index = badIndex(key, true);
      found.push({ path: pathOf(node), inKey: true, character: asCodePoint(key, index), index });
    }
  }
  return found;
}

/**
 * The first control character `value` may not hold, or null; see {@link findControlCharacters}.
 *
 * @example
 * findControlCharacter({ note: 'a\u0000b' }, ['body']) // { path: ['body', 'note'], inKey: false, character: 'U+0000', index: 1 }
 * findControlCharacter({ note: 'a\nb' }) // null
 */
export function findControlCharacter(
  value: unknown,
  path: ControlPathSegment[] = [],
  options: Omit<FindControlOptions, 'limit'> = {},
): ControlCharacterFound | null {
  return findControlCharacters(value, { ...options, limit: 1 }, path)[0] ?? null;
}

/**
 * One sentence saying what is wrong (the path is shown by the caller).
 *
 * @example
 * describeControlCharacter({ path: ['note'], inKey: false, character: 'U+0000', index: 1 }, 'en')
 * // 'Contains the NUL character (U+0000) at position 2, which is never allowed.'
 */
export function describeControlCharacter(found: ControlCharacterFound, lang: Lang): string {
  const position = found.index + 1;
  if (found.character === 'U+0000') {
    return lang === 'vi'
      ? `Chứa ký tự NUL (U+0000) ở vị trí ${position}, ký tự này không bao giờ được phép.`
      : `Contains the NUL character (U+0000) at position ${position}, which is never allowed.`;
  }
  if (found.inKey) {
    return lang === 'vi'
      ? `Tên trường chứa ký tự điều khiển ${found.character} ở vị trí ${position}.`
      : `The field name contains the control character ${found.character} at position ${position}.`;
  }
  return lang === 'vi'
    ? `Mã chứa ký tự điều khiển ${found.character} ở vị trí ${position}; mã không được chứa ký tự điều khiển (kể cả tab, xuống dòng).`
    : `The code contains the control character ${found.character} at position ${position}; codes may not contain control characters (tabs and line breaks included).`;
}

/**
 * A path as people read it: `plans[0].targets[3].indicator`.
 *
 * @example
 * formatControlPath(['body', 'units', 0, 'code']) // 'body.units[0].code'
 * formatControlPath(['body', 'a\u0001']) // 'body.a\\u0001'
 */
export function formatControlPath(path: readonly ControlPathSegment[]): string {
  let out = '';
  for (const seg of path) {
    // A control character in a key is shown escaped, so the path itself stays readable.
    const shown =
      typeof seg === 'number'
        ? `[${seg}]`
        : seg.replace(EVERY_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    out += typeof seg === 'number' ? shown : out === '' ? shown : `.${shown}`;
  }
  return out;
}
