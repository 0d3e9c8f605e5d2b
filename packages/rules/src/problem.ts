/**
 * What every rule returns: a problem located by its path in the checked document, with a code that
 * names the rule broken and the parameters its sentence needs. The sentence itself comes from
 * `message(code, params, lang)` (messages.ts), in Vietnamese or English, so the plan-file reader, the
 * API and a web form say the same thing for the same problem.
 */
import type { ProblemCode } from './messages.js';

export type PathSegment = string | number;
export type ProblemParams = Record<string, string | number | undefined>;

export interface Problem {
  /** Where, e.g. `['plans', 0, 'targets', 3, 'indicator']`; empty for the document as a whole. */
  path: PathSegment[];
  code: ProblemCode;
  params?: ProblemParams;
}

/**
 * A rule's verdict: errors refuse the input; warnings are accepted, stored and reported
 * ("a value 10× last year's") so that a person looks again.
 */
export interface Verdict {
  errors: Problem[];
  warnings: Problem[];
}

/** C0 controls, DEL and C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** A key as a path shows it: a control character in it escaped, so the path stays readable. */
const shownKey = (key: string) =>
  key.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Formats a path the way problems show it.
 *
 * @example formatPath(['plans', 0, 'targets', 3, 'indicator']) // 'plans[0].targets[3].indicator'
 * @example formatPath(['body', 'a\u0001']) // 'body.a\\u0001'
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path)
    out += typeof seg === 'number' ? `[${seg}]` : out === '' ? shownKey(seg) : `.${shownKey(seg)}`;
  return out;
}

/** Prefix every problem's path, for a rule applied to a record inside a larger document. */
export function at(base: readonly PathSegment[], problems: Problem[]): Problem[] {
  return base.length === 0 ? problems : problems.map((p) => ({ ...p, path: [...base, ...p.path] }));
}
