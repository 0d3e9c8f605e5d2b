import type { Indicator, LocalizedText } from '@chitieu/core';
import type { Selectable } from 'kysely';
import type { IndicatorTable } from '../schema.js';

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
