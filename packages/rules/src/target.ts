/**
 * The rules of one target (chỉ tiêu kế hoạch) beyond its schema: which goal fields its kind takes, and a
 * goal its indicator can hold. The same function judges a target in a plan file, in an API body and in
 * a web form, so a target one path accepts is never refused by another.
 */
import { type BoundedIndicator, effectiveBounds, withinBounds } from './bounds.js';
import type { Problem } from './problem.js';

/** A target as written: fields are read defensively, so a raw document can be checked too. */
export interface TargetShape {
  kind?: unknown;
  value?: unknown;
  low?: unknown;
  high?: unknown;
  input?: unknown;
  expected?: unknown;
  every?: unknown;
}

export interface TargetContext {
  /** The target's indicator, when known: its bounds limit a `level` or `annual` goal. */
  indicator?: BoundedIndicator | null;
  /** Whether the indicator holds growth rates (see bounds.ts); default false. */
  holdsGrowthRates?: boolean;
  /** The plan: an `sdg-progress` plan's targets may have no goal. */
  plan?: { methodology?: unknown } | null;
}

const NEEDS_GOAL = new Set(['level', 'cumulative', 'annual', 'change', 'avg-growth']);
/** Kinds whose goal is a figure of the indicator itself, so the indicator's bounds apply to it. */
const GOAL_IS_FIGURE = new Set(['level', 'annual']);

const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/**
 * Every problem of one target, paths relative to the target.
 *
 * @example checkTarget({ kind: 'level', value: 5, low: 1, high: 9, input: 'rates', expected: 'exceed' }, {})
 * // value-and-range at value, input-only-avg-growth at input, expected-only-milestone at expected
 * @example checkTarget({ kind: 'level', value: 250 }, { indicator: { code: 'BHYT', unit: '%' } })
 * // [{ path: ['value'], code: 'goal-out-of-bounds', params: { value: 250, indicator: 'BHYT', low: 0, high: 100 } }]
 */
export function checkTarget(t: TargetShape, ctx: TargetContext = {}): Problem[] {
  const problems: Problem[] = [];
  const kind = typeof t.kind === 'string' ? t.kind : undefined;
  const sdg = ctx.plan?.methodology === 'sdg-progress';
  const hasValue = t.value != null;
  const hasLow = t.low != null;
  const hasHigh = t.high != null;
  if (hasValue && (hasLow || hasHigh)) problems.push({ path: ['value'], code: 'value-and-range' });
  else if (hasLow !== hasHigh) problems.push({ path: [hasLow ? 'high' : 'low'], code: 'half-range' });
  else if (!hasValue && !hasLow && kind !== undefined && NEEDS_GOAL.has(kind) && !sdg)
    problems.push({ path: ['value'], code: 'target-needs-value', params: { kind } });
  const low = num(t.low);
  const high = num(t.high);
  if (low !== undefined && high !== undefined && low > high)
    problems.push({ path: ['low'], code: 'low-above-high', params: { low, high } });
  if (t.input != null && kind !== undefined && kind !== 'avg-growth')
    problems.push({ path: ['input'], code: 'input-only-avg-growth' });
  if (t.expected != null && kind !== undefined && kind !== 'milestone')
    problems.push({ path: ['expected'], code: 'expected-only-milestone' });
  if (t.every != null && t.every !== false && kind !== undefined && kind !== 'annual')
    problems.push({ path: ['every'], code: 'every-only-annual' });

  const goals = (['value', 'low', 'high'] as const).filter((k) => num(t[k]) !== undefined);
  if (kind === 'avg-growth')
    for (const k of goals)
      if ((num(t[k]) as number) <= -100) problems.push({ path: [k], code: 'growth-below-minus-100' });
  if (kind !== undefined && GOAL_IS_FIGURE.has(kind) && ctx.indicator) {
    const b = effectiveBounds(ctx.indicator, ctx.holdsGrowthRates ?? false);
    for (const k of goals) {
      const v = num(t[k]) as number;
      if (!withinBounds(v, b))
        problems.push({
          path: [k],
          code: 'goal-out-of-bounds',
          params: {
            value: v,
            indicator: ctx.indicator.code,
            low: b?.low ?? undefined,
            high: b?.high ?? undefined,
          },
        });
    }
  }
  return problems;
}
