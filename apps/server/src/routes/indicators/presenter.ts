import type { IndicatorRecord } from '@chitieu/db';
import { metaOf, textOf } from '../kit.js';
import type { IndicatorOut } from './schema.js';

/**
 * An indicator as the API shows it (the plan file's fields plus bookkeeping).
 *
 * @example presentIndicator(row) // { code: 'GO', name: { vi: 'Giá trị sản xuất' }, unit: 'tỷ đồng', direction: 'up', … }
 */
export function presentIndicator(i: IndicatorRecord): IndicatorOut {
  return {
    code: i.code,
    name: textOf(i.name_vi, i.name_en),
    unit: i.measure,
    direction: i.direction as IndicatorOut['direction'],
    decimals: i.decimals,
    trend: i.trend as IndicatorOut['trend'],
    aggregation: i.aggregation as IndicatorOut['aggregation'],
    weight: i.weight_code,
    bounds: i.bound_min == null && i.bound_max == null ? null : [i.bound_min, i.bound_max],
    formula: i.formula,
    ...metaOf(i),
  };
}
