import type { IndicatorOut } from '@chitieu/contract';
import { type IndicatorRecord, indicatorOfRow } from '@chitieu/db';
import { metaOf } from '../kit.js';

/**
 * An indicator as the API shows it (the plan file's fields plus bookkeeping).
 *
 * @example presentIndicator(row) // { code: 'GO', name: { vi: 'Giá trị sản xuất' }, unit: 'tỷ đồng', direction: 'up', … }
 */
export function presentIndicator(i: IndicatorRecord): IndicatorOut {
  return { ...indicatorOfRow(i), ...metaOf(i) };
}
