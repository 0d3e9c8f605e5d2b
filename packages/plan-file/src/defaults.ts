/**
 * Defaults of the plan file (docs/plan-format.md; decisions in packages/core/DECISIONS-DATA.md). Applied to
 * a document that has passed validation, so every field read here has its declared type.
 */
import type {
  Indicator,
  LocalizedText,
  Plan,
  PlanData,
  Program,
  Target,
  Task,
  Unit,
  Value,
} from '@chitieu/core';
import { effectiveBounds, growthRateIndicators } from '@chitieu/rules';
import type { PlanFileInput } from './schema.js';
import { PLAN_FORMAT } from './schema.js';

/**
 * A target as the file may carry it: the core's target plus lead and coordinating agencies, and for an
 * `annual` target `every` (each single year must reach the goal; docs/methodology.md).
 */
export type PlanFileTarget = Target & {
  lead?: string | null;
  coAgencies?: string[] | null;
  every?: boolean | null;
};
export type PlanFilePlan = Omit<Plan, 'targets'> & { targets: PlanFileTarget[] };
/** A validated plan file with its defaults applied: the core's PlanData plus the format tag. */
export type PlanFile = Omit<PlanData, 'plans'> & { format: typeof PLAN_FORMAT; plans: PlanFilePlan[] };

/** Units of measure that count whole things (shown without decimals). */
const COUNT_WORDS =
  /^(người|lao động|hộ|xã|phường|thị trấn|huyện|doanh nghiệp|hợp tác xã|dự án|trường|cơ sở|công trình|km|ha|lượt|cái|chiếc|con|căn|nhà|việc làm)$/i;

/**
 * Decimals shown for an indicator that does not say: 2 for percentages ("10,71 %"), 1 for rates
 * (with "/", e.g. "triệu đồng/người"), 0 for counts of whole things, 1 otherwise (money, tonnes).
 *
 * @example defaultDecimals('%') // 2
 * @example defaultDecimals('người') // 0
 */
export function defaultDecimals(unit: string): number {
  const u = unit.trim();
  if (u.includes('%')) return 2;
  if (u.includes('/')) return 1;
  return COUNT_WORDS.test(u) ? 0 : 1;
}

const text = (t: { vi: string; en?: string | null | undefined }): LocalizedText =>
  t.en != null ? { vi: t.vi, en: t.en } : { vi: t.vi };

/** Copy the optional fields that are present, leaving absent ones absent (so exports stay clean). */
function present<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v != null)) as Partial<T>;
}

/**
 * Fill every default a file may leave out.
 *
 * @example applyDefaults({ format: 'chitieu.plan/1', indicators: [{ code: 'R', unit: '%', … }] }).indicators[0]
 * // { …, decimals: 2, trend: 'linear', aggregation: 'none', bounds: [0, 100] }
 */
export function applyDefaults(input: PlanFileInput): PlanFile {
  // A % indicator is a share in 0–100 unless it holds yearly growth rates (rules: effectiveBounds).
  const rates = growthRateIndicators(input.plans ?? []);
  const units: Unit[] = (input.units ?? []).map((u) => ({
    code: u.code,
    name: u.name,
    level: u.level,
    parent: u.parent ?? null,
  }));
  const indicators: Indicator[] = (input.indicators ?? []).map((i) => ({
    code: i.code,
    name: text(i.name),
    unit: i.unit,
    direction: i.direction,
    decimals: i.decimals ?? defaultDecimals(i.unit),
    trend: i.trend ?? (i.unit.includes('%') ? 'linear' : 'compound'),
    aggregation: i.aggregation ?? 'none',
    weight: i.weight ?? null,
    bounds: boundsOf(i, rates.has(i.code)),
    formula: i.formula ?? null,
  }));
  const plans: PlanFilePlan[] = (input.plans ?? []).map((p) => ({
    code: p.code,
    title: text(p.title),
    unit: p.unit,
    kind: p.kind ?? 'other',
    ...present({ issuer: p.issuer, visibility: p.visibility }),
    baselineYear: p.baselineYear,
    targetYear: p.targetYear,
    methodology: p.methodology ?? 'chitieu',
    ...present({ bands: p.bands, forecast: p.forecast }),
    ...(p.bandLabels ? { bandLabels: p.bandLabels.map(text) } : {}),
    targets: p.targets.map(
      (t): PlanFileTarget => ({
        code: t.code,
        ...present({ group: t.group }),
        text: text(t.text),
        indicator: t.indicator,
        kind: t.kind,
        ...present({ value: t.value, low: t.low, high: t.high, expected: t.expected }),
        ...(t.kind === 'avg-growth' ? { input: t.input ?? 'levels' } : {}),
        ...(t.every === true ? { every: true } : {}),
        ...present({ lead: t.lead, coAgencies: t.coAgencies }),
      }),
    ),
    ...(p.programs
      ? {
          programs: p.programs.map(
            (pr): Program => ({
              code: pr.code,
              kind: pr.kind,
              title: text(pr.title),
              ...present({ targets: pr.targets, lead: pr.lead }),
              ...(pr.tasks
                ? {
                    tasks: pr.tasks.map(
                      (t): Task => ({
                        code: t.code,
                        title: text(t.title),
                        ...present({
                          lead: t.lead,
                          coAgencies: t.coAgencies,
                          due: t.due,
                          status: t.status,
                          progress: t.progress,
                        }),
                      }),
                    ),
                  }
                : {}),
            }),
          ),
        }
      : {}),
  }));
  // Written out field by field: a national file holds hundreds of thousands of values.
  const values: Value[] = (input.values ?? []).map((v) => {
    const out: Value = {
      indicator: v.indicator,
      unit: v.unit,
      year: v.year,
      value: v.value,
      status: v.status ?? 'official',
    };
    if (v.period != null) out.period = v.period;
    if (v.source != null) out.source = v.source;
    if (v.note != null) out.note = v.note;
    return out;
  });
  return { format: PLAN_FORMAT, units, indicators, plans, values };
}

function boundsOf(
  i: { code: string; unit: string; bounds?: [number | null, number | null] | null | undefined },
  holdsGrowthRates: boolean,
): [number | null, number | null] | null {
  if (i.bounds) return i.bounds;
  const b = effectiveBounds({ code: i.code, unit: i.unit }, holdsGrowthRates);
  return b ? [b.low, b.high] : null;
}
