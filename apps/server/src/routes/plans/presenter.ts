import type { PlanOut } from '@chitieu/contract';
import type { LocalizedText } from '@chitieu/core';
import type { PlanRecord } from '@chitieu/db';
import { metaOf, textOf } from '../kit.js';

/**
 * A plan as the API shows it (the plan file's plan fields without targets, plus visibility).
 *
 * @example presentPlan(row) // { code: 'NQ-XI', unit: '381', kind: 'party-resolution', baselineYear: 2020, … }
 */
export function presentPlan(p: PlanRecord): PlanOut {
  return {
    code: p.code,
    title: textOf(p.title_vi, p.title_en),
    unit: p.unit_code,
    kind: p.kind,
    issuer: p.issuer,
    baselineYear: p.baseline_year,
    targetYear: p.target_year,
    methodology: p.methodology,
    bands: p.bands == null ? null : (JSON.parse(p.bands) as number[]),
    bandLabels: p.band_labels == null ? null : (JSON.parse(p.band_labels) as LocalizedText[]),
    forecast:
      p.forecast_exceed == null && p.forecast_complete == null
        ? null
        : { exceed: p.forecast_exceed, complete: p.forecast_complete },
    visibility: p.visibility,
    state: p.state,
    ...metaOf(p),
  };
}
