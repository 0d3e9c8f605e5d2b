import type { FigureOut } from '@chitieu/contract';
import type { FigureRecord } from '@chitieu/db';
import { metaOf } from '../kit.js';

/**
 * A figure as the API shows it.
 *
 * @example presentFigure(row) // { id: 42, unit: '381', indicator: 'GO', year: 2023, period: null, status: 'estimate', value: 18997.6, version: 1, … }
 */
export function presentFigure(f: FigureRecord): FigureOut {
  return {
    id: Number(f.id),
    unit: f.unit_code,
    indicator: f.indicator_code,
    year: f.year,
    period: f.period === '' ? null : f.period,
    status: f.status,
    value: f.value,
    source: f.source,
    note: f.note,
    ...metaOf(f),
  };
}
