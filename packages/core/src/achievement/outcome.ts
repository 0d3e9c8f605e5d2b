import type { Reason } from '../evaluation-types.js';

/**
 * What every core computation returns: a value, or the reason it could not be computed.
 * Core functions never throw on data and never yield NaN or Infinity.
 *
 * @example
 * const r = averageGrowthFromLevels(100, 121, 2); // { ok: true, value: 0.1 }
 * if (!r.ok) console.log(r.reason.code);
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: Reason };

/** @example ok(0.5) // { ok: true, value: 0.5 } */
export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });

/** @example fail('no-baseline', { year: 2020 }) // { ok: false, reason: { code: 'no-baseline', params: { year: 2020 } } } */
export const fail = <T = never>(code: Reason['code'], params?: Reason['params']): Outcome<T> => ({
  ok: false,
  reason: params ? { code, params } : { code },
});

/**
 * A finite number as an outcome; anything else (overflow to Infinity, NaN from a bad power) becomes
 * `not-computable`. The last guard before a number leaves the core.
 *
 * @example finite(1 / 3) // { ok: true, value: 0.333… }
 * @example finite(1e308 * 10) // { ok: false, reason: { code: 'not-computable' } }
 */
export function finite(x: number): Outcome<number> {
  return Number.isFinite(x) ? ok(x) : fail('not-computable');
}
