/**
 * zod's issues turned into rule problems with codes and parameters, so a schema failure reads like
 * every other problem ("Phải là một số, nhưng đang là chuỗi "1.234,5"; …") in either language.
 */
import type { z } from 'zod';
import { unknownKeyProblem } from './keys.js';
import { describeReceived, quoted } from './messages.js';
import type { PathSegment, Problem } from './problem.js';

/** Keys whose values are codes: a number there was most likely meant as the text of a code. */
export const CODE_KEYS: ReadonlySet<string> = new Set(['code', 'parent', 'unit', 'indicator', 'weight']);

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Every problem of a failed `safeParse`, each located by its path. `schema` lets an unknown key be
 * matched against the valid keys at its place.
 *
 * @example
 * const r = valueSchema.safeParse(input);
 * if (!r.success) problemsFromZod(r.error, input, valueSchema)
 * // [{ path: ['stauts'], code: 'unknown-key', params: { key: 'stauts', suggestion: 'status', … } }]
 */
export function problemsFromZod(error: z.ZodError, input: unknown, schema?: z.ZodType): Problem[] {
  const out: Problem[] = [];
  // A loop, not push(...list): a large document can have more problems than a call takes arguments.
  for (const issue of error.issues) for (const p of problemsFromIssue(issue, input, schema)) out.push(p);
  return out;
}

/** The problems of one zod issue (an `unrecognized_keys` issue gives one per key). */
export function problemsFromIssue(issue: z.core.$ZodIssue, input: unknown, schema?: z.ZodType): Problem[] {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const allowed = schema ? keysAt(schema, path) : [];
    return issue.keys.map((k) => unknownKeyProblem(k, allowed, path));
  }
  const received = valueAt(input, path);
  return [fromIssue(issue, path, received)];
}

function fromIssue(issue: z.core.$ZodIssue, path: PathSegment[], received: unknown): Problem {
  const rec = describeReceived(received, 'vi');
  const q = quoted(received) || rec;
  const last = path[path.length - 1];
  // The `received` parameter is language-neutral: the message function describes it again per language.
  const recv = receivedParam(received);
  switch (issue.code) {
    case 'invalid_type': {
      if (received === undefined) return { path, code: 'required' };
      if (received === null) return { path, code: 'required-empty' };
      if (typeof received === 'number' && !Number.isFinite(received)) return { path, code: 'not-finite' };
      if (issue.expected === 'int') return { path, code: 'not-integer', params: recv };
      if (issue.expected === 'number' && typeof received === 'string')
        return { path, code: 'not-a-number', params: recv };
      if (issue.expected === 'string' && typeof received === 'number' && isCodeKey(last))
        return { path, code: 'code-not-text', params: { received: String(received) } };
      return { path, code: 'wrong-type', params: { expected: issue.expected, ...recv } };
    }
    case 'invalid_value':
      if (path.length === 1 && last === 'format')
        return received === undefined
          ? { path, code: 'format-missing' }
          : { path, code: 'format-tag', params: recv };
      return { path, code: 'one-of', params: { received: q, values: issue.values.map(String).join(', ') } };
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) > 1 && typeof received === 'string' && received.trim() !== ''
          ? { path, code: 'text-too-short', params: { min: Number(issue.minimum) } }
          : { path, code: 'empty-text' };
      if (issue.origin === 'array')
        return last === 'bounds'
          ? { path, code: 'pair-needed' }
          : { path, code: 'list-too-short', params: { min: Number(issue.minimum) } };
      return { path, code: 'too-small', params: { min: Number(issue.minimum), ...recv } };
    case 'too_big':
      if (issue.origin === 'array')
        return last === 'bounds'
          ? { path, code: 'pair-needed' }
          : { path, code: 'list-too-long', params: { max: Number(issue.maximum) } };
      if (issue.origin === 'string')
        return { path, code: 'text-too-long', params: { max: Number(issue.maximum) } };
      return { path, code: 'too-big', params: { max: Number(issue.maximum), ...recv } };
    case 'invalid_format':
      if (last === 'due') return { path, code: 'bad-date', params: { received: q } };
      if (last === 'period') return { path, code: 'bad-period', params: { received: q } };
      return {
        path,
        code: typeof received === 'string' && received.trim() === '' ? 'empty-text' : 'invalid',
        params: { detail: q },
      };
    default:
      return { path, code: 'invalid', params: { detail: issue.message } };
  }
}

/**
 * A received value as parameters: `received` for the sentence, described per language by `message`
 * through `receivedKind`/`receivedText`.
 */
function receivedParam(x: unknown): Record<string, string | number | undefined> {
  if (typeof x === 'string') return { receivedKind: 'string', receivedText: x };
  if (typeof x === 'number' || typeof x === 'boolean')
    return { receivedKind: typeof x, receivedText: String(x) };
  if (x === null) return { receivedKind: 'null' };
  if (x === undefined) return { receivedKind: 'undefined' };
  return { receivedKind: Array.isArray(x) ? 'array' : 'object' };
}

const isCodeKey = (k: PathSegment | undefined) =>
  typeof k === 'string' && (CODE_KEYS.has(k) || k === 'targets');

/** The value at a path of a plain document. */
export function valueAt(doc: unknown, path: readonly PathSegment[]): unknown {
  let cur: unknown = doc;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isObject(cur) && typeof seg === 'string') cur = cur[seg];
    else return undefined;
  }
  return cur;
}

type Def = { type?: string; [k: string]: unknown };
const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** Unwrap optional, nullable, default, pipe … down to the schema that holds structure. */
function unwrap(schema: unknown): unknown {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(s);
    if (!def) return s;
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else if (def.type === 'lazy' && typeof def.getter === 'function') s = (def.getter as () => unknown)();
    else return s;
  }
  return s;
}

/**
 * The keys an object schema allows at a path (union options merged).
 *
 * @example keysAt(planFileSchema, ['values', 0]) // ['indicator', 'unit', 'year', 'period', 'value', …]
 */
export function keysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let current: unknown[] = [schema];
  for (const seg of path) {
    const next: unknown[] = [];
    for (const s of current.map(unwrap)) {
      const def = defOf(s);
      if (!def) continue;
      if (def.type === 'union') for (const option of def.options as unknown[]) next.push(option);
      else if (def.type === 'array' && typeof seg === 'number') next.push(def.element);
      else if (def.type === 'tuple' && typeof seg === 'number') next.push((def.items as unknown[])[seg]);
      else if (def.type === 'object' && typeof seg === 'string')
        next.push((def.shape as Record<string, unknown>)[seg]);
      else if (def.type === 'record') next.push(def.valueType);
    }
    current = next.filter((x) => x !== undefined);
  }
  const keys = new Set<string>();
  const collect = (s: unknown) => {
    const def = defOf(unwrap(s));
    if (def?.type === 'object') for (const k of Object.keys(def.shape as object)) keys.add(k);
    else if (def?.type === 'union') for (const o of def.options as unknown[]) collect(o);
  };
  for (const s of current) collect(s);
  return [...keys];
}
