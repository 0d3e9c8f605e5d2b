import type { Indicator, LocalizedText, Plan, Program, Target, Task } from '@chitieu/core';
import type { Selectable } from 'kysely';
import type { IndicatorTable, PlanTable, TargetTable } from '../schema.js';

/** Text stored as two columns, Vietnamese and optionally English. */
export const localizedOf = (vi: string, en: string | null): LocalizedText =>
  en == null ? { vi } : { vi, en };

/**
 * An indicator row as core's `Indicator`, every field present (null when unset): the API shows it so,
 * and the plan-file export drops the nulls. The one place that knows the indicator columns' meaning.
 *
 * @example indicatorOfRow(row) // { code: 'GO', name: { vi: 'Giá trị sản xuất' }, unit: 'tỷ đồng', …, formula: null }
 */
export function indicatorOfRow(i: Selectable<IndicatorTable>): Indicator & {
  weight: string | null;
  bounds: [number | null, number | null] | null;
  formula: string | null;
} {
  return {
    code: i.code,
    name: localizedOf(i.name_vi, i.name_en),
    unit: i.measure,
    direction: i.direction,
    decimals: i.decimals,
    trend: i.trend,
    aggregation: i.aggregation,
    weight: i.weight_code,
    bounds: i.bound_min == null && i.bound_max == null ? null : [i.bound_min, i.bound_max],
    formula: i.formula,
  };
}

const json = (v: unknown) => (v == null ? null : JSON.stringify(v));

/**
 * The columns of an indicator, from core's shape (plan file, API): the one object → row mapping.
 *
 * @example indicatorRow({ code: 'GO', name: { vi: 'Giá trị sản xuất' }, unit: 'tỷ đồng', … }) // { code: 'GO', name_vi: …, measure: 'tỷ đồng', … }
 */
export function indicatorRow(i: Indicator) {
  return {
    code: i.code,
    name_vi: i.name.vi,
    name_en: i.name.en ?? null,
    measure: i.unit,
    direction: i.direction,
    decimals: i.decimals,
    trend: i.trend,
    aggregation: i.aggregation,
    weight_code: i.weight ?? null,
    bound_min: i.bounds?.[0] ?? null,
    bound_max: i.bounds?.[1] ?? null,
    formula: i.formula ?? null,
  };
}

/** The columns of a plan (its `unit` resolved to `unitId`); visibility only when said. */
export function planRow(p: Omit<Plan, 'targets' | 'programs' | 'unit'>, unitId: number) {
  return {
    code: p.code,
    title_vi: p.title.vi,
    title_en: p.title.en ?? null,
    unit_id: unitId,
    kind: p.kind,
    issuer: p.issuer ?? null,
    // Said in the file: set; not said: a new plan is private, an existing one keeps its visibility.
    ...(p.visibility ? { visibility: p.visibility } : {}),
    baseline_year: p.baselineYear,
    target_year: p.targetYear,
    methodology: p.methodology,
    bands: json(p.bands),
    band_labels: json(p.bandLabels),
    forecast_exceed: p.forecast?.exceed ?? null,
    forecast_complete: p.forecast?.complete ?? null,
  };
}

/** A target as a plan file or the API carries it: core's target plus lead and coordinating agencies. */
export type StoredTarget = Target & { lead?: string | null; coAgencies?: string[] | null };

/** The columns of a target of a plan, at `position`, its indicator resolved to `indicatorId`. */
export function targetRow(t: StoredTarget, planId: number, position: number, indicatorId: number) {
  return {
    plan_id: planId,
    code: t.code,
    position,
    group_name: t.group ?? null,
    text_vi: t.text.vi,
    text_en: t.text.en ?? null,
    indicator_id: indicatorId,
    kind: t.kind,
    value: t.value ?? null,
    low: t.low ?? null,
    high: t.high ?? null,
    input: t.input ?? null,
    expected: t.expected ?? null,
    every: t.every === true ? (1 as const) : (0 as const),
    lead: t.lead ?? null,
    co_agencies: json(t.coAgencies),
  };
}

/** The columns of a program of a plan, at `position` (its target links are a table of their own). */
export function programRow(p: Program & { coAgencies?: string[] | null }, planId: number, position: number) {
  return {
    plan_id: planId,
    code: p.code,
    position,
    kind: p.kind,
    title_vi: p.title.vi,
    title_en: p.title.en ?? null,
    lead: p.lead ?? null,
  };
}

/** The columns of a task of a program, at `position`. */
export function taskRow(t: Task, programId: number, position: number) {
  return {
    program_id: programId,
    code: t.code,
    position,
    title_vi: t.title.vi,
    title_en: t.title.en ?? null,
    lead: t.lead ?? null,
    co_agencies: json(t.coAgencies),
    due: t.due ?? null,
    status: t.status ?? null,
    progress: t.progress ?? null,
  };
}

const parseJson = <T>(s: string | null): T | null => (s == null ? null : (JSON.parse(s) as T));

/**
 * A plan row as core's plan fields (without its unit, targets and programs): the row → object mapping
 * the commands compare a change against.
 *
 * @example planOfRow(row) // { code: 'NQ-XI', title: { vi: '…' }, kind: 'party-resolution', baselineYear: 2020, … }
 */
export function planOfRow(r: Selectable<PlanTable>): Omit<Plan, 'targets' | 'programs' | 'unit'> {
  return {
    code: r.code,
    title: localizedOf(r.title_vi, r.title_en),
    kind: r.kind,
    issuer: r.issuer,
    visibility: r.visibility,
    baselineYear: r.baseline_year,
    targetYear: r.target_year,
    methodology: r.methodology,
    bands: parseJson<number[]>(r.bands),
    bandLabels: parseJson<LocalizedText[]>(r.band_labels),
    forecast:
      r.forecast_exceed == null && r.forecast_complete == null
        ? null
        : { exceed: r.forecast_exceed, complete: r.forecast_complete },
  };
}

/**
 * A target row as the target a plan file carries (its indicator by code).
 *
 * @example targetOfRow(row, 'GO') // { code: 'T1', text: { vi: '…' }, indicator: 'GO', kind: 'avg-growth', value: 7.5, … }
 */
export function targetOfRow(r: Selectable<TargetTable>, indicator: string): StoredTarget {
  return {
    code: r.code,
    group: r.group_name,
    text: localizedOf(r.text_vi, r.text_en),
    indicator,
    kind: r.kind,
    value: r.value,
    low: r.low,
    high: r.high,
    input: r.input,
    expected: r.expected,
    every: r.every === 1,
    lead: r.lead,
    coAgencies: parseJson<string[]>(r.co_agencies),
  };
}
