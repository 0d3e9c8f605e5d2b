import type { TargetOut } from '@chitieu/contract';
import type { TargetRecord } from '@chitieu/db';
import { jsonList, metaOf, textOf } from '../kit.js';

/**
 * A target as the API shows it.
 *
 * @example presentTarget(row) // { id: 3, plan: 'NQ-XI', code: '1', kind: 'avg-growth', value: 15, lead: 'Phòng Kinh tế', … }
 */
export function presentTarget(t: TargetRecord): TargetOut {
  return {
    id: Number(t.id),
    plan: t.plan_code,
    code: t.code,
    position: t.position,
    group: t.group_name,
    text: textOf(t.text_vi, t.text_en),
    indicator: t.indicator_code,
    kind: t.kind,
    value: t.value,
    low: t.low,
    high: t.high,
    input: t.input,
    expected: t.expected,
    every: t.every === 1,
    lead: t.lead,
    coAgencies: jsonList(t.co_agencies),
    ...metaOf(t),
  };
}
