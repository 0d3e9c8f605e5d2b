/**
 * Unknown keys are refused everywhere — in plan files and API bodies — because a misspelt key that is
 * silently ignored (`stauts: estimate`) stores the wrong thing. The problem names the key and the
 * closest valid one.
 */
import type { PathSegment, Problem } from './problem.js';

/**
 * Optimal-string-alignment distance (Levenshtein plus the swap of two neighbours, the commonest typo).
 *
 * @example editDistance('stauts', 'status') // 1
 */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) =>
    Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= m; i++) {
    const row = d[i] as number[];
    const prev = d[i - 1] as number[];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = v;
    }
  }
  return (d[m] as number[])[n] as number;
}

/**
 * The valid key a misspelt one most likely meant: the nearest by edit distance (case ignored), when it
 * is near enough to be a typo (at most a third of the key's length, at least 1, at most 3 edits).
 *
 * @example closestKey('stauts', ['status', 'source', 'note']) // 'status'
 * @example closestKey('colour', ['status', 'source']) // undefined
 */
export function closestKey(key: string, candidates: Iterable<string>): string | undefined {
  const k = key.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(key.length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const dist = c.toLowerCase() === k ? 0 : editDistance(k, c.toLowerCase());
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/**
 * The `unknown-key` problem for one key of an object at `path`.
 *
 * @example unknownKeyProblem('stauts', ['status', 'value'], ['values', 2])
 * // { path: ['values', 2, 'stauts'], code: 'unknown-key', params: { key: 'stauts', suggestion: 'status', allowed: 'status, value' } }
 */
export function unknownKeyProblem(
  key: string,
  allowed: readonly string[],
  path: readonly PathSegment[] = [],
): Problem {
  const suggestion = closestKey(key, allowed);
  return {
    path: [...path, key],
    code: 'unknown-key',
    params: { key, suggestion, allowed: allowed.join(', ') },
  };
}

/**
 * One `unknown-key` problem per key of `value` (an object) not in `allowed`; nothing for a non-object.
 *
 * @example unknownKeyProblems({ value: 1, stauts: 'estimate' }, ['value', 'status'])
 * // [{ path: ['stauts'], code: 'unknown-key', params: { key: 'stauts', suggestion: 'status', … } }]
 */
export function unknownKeyProblems(
  value: unknown,
  allowed: readonly string[],
  path: readonly PathSegment[] = [],
): Problem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const set = new Set(allowed);
  const out: Problem[] = [];
  for (const key of Object.keys(value)) if (!set.has(key)) out.push(unknownKeyProblem(key, allowed, path));
  return out;
}
