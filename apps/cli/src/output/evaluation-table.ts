import {
  type Evaluation,
  forecastSummarySentence,
  formatNumber,
  formatQuantity,
  groupName,
  type Indicator,
  type Lang,
  localize,
  localUnit,
  type Plan,
  type PlanData,
  plainNumber,
  sdgStatusLabel,
  summarySentence,
  type Target,
  type TargetEvaluation,
} from '@chitieu/core';
import { messages } from '../i18n/messages.js';
import { renderTable, type TableRow } from './table.js';

/** The unit a target's goal and actual are read in: growth in %/năm, changes in points per year. */
function targetUnit(target: Target, indicator: Indicator | undefined, lang: Lang): string {
  const perYear = messages(lang).perYear;
  if (target.kind === 'avg-growth') return `%${perYear}`;
  if (target.kind === 'milestone') return '%';
  const unit = localUnit(indicator?.unit ?? '', lang);
  if (target.kind === 'change') {
    return indicator?.unit.trim() === '%' ? `${localUnit('điểm %', lang)}${perYear}` : `${unit}${perYear}`;
  }
  return unit;
}

function goalCell(target: Target, indicator: Indicator | undefined, lang: Lang): string {
  if (target.kind === 'milestone') return messages(lang).done;
  const n = (x: number) => plainNumber(x, lang);
  const goal =
    target.low != null && target.high != null
      ? `${n(target.low)}–${n(target.high)}`
      : target.value != null
        ? n(target.value)
        : (target.low ?? target.high) != null
          ? n((target.low ?? target.high) as number)
          : '—';
  const ceiling = indicator?.direction === 'down' && (target.kind === 'level' || target.kind === 'annual');
  return ceiling ? `≤ ${goal}` : goal;
}

function actualCell(
  t: TargetEvaluation,
  target: Target,
  indicator: Indicator | undefined,
  lang: Lang,
): string {
  if (t.status !== 'ok' || t.actual == null) return '—';
  const decimals =
    target.kind === 'avg-growth'
      ? 2
      : target.kind === 'change'
        ? Math.max(indicator?.decimals ?? 1, 1)
        : target.kind === 'milestone'
          ? 0
          : (indicator?.decimals ?? 0);
  return `${formatNumber(t.actual, decimals, lang)}${t.estimate ? messages(lang).estimateMark : ''}`;
}

/**
 * A plan's evaluation for people: a heading, one row per target grouped by section, then the
 * summary and forecast sentences and the reasons for targets lacking data.
 */
export function renderEvaluation(data: PlanData, plan: Plan, ev: Evaluation, lang: Lang): string {
  const m = messages(lang);
  const indicators = new Map(data.indicators.map((i) => [i.code, i]));
  const results = new Map(ev.targets.map((t) => [t.code, t]));
  const unitName = data.units.find((u) => u.code === plan.unit)?.name ?? plan.unit;
  const rows: TableRow[] = [];
  const sdg = plan.methodology === 'sdg-progress';
  let group: string | null | undefined;
  let anyEstimate = false;
  const missing: string[] = [];
  for (const target of plan.targets) {
    const t = results.get(target.code);
    if (!t) continue;
    const indicator = indicators.get(target.indicator);
    if ((target.group ?? null) !== group) {
      group = target.group ?? null;
      rows.push({ section: `▸ ${group == null ? m.otherGroup : groupName(group, lang)}` });
    }
    anyEstimate ||= t.status === 'ok' && t.estimate;
    if (t.status !== 'ok')
      missing.push(`  ${target.code}. ${localize(target.text, lang)}: ${t.reason ?? m.noData}`);
    rows.push([
      target.code,
      localize(target.text, lang),
      targetUnit(target, indicator, lang),
      goalCell(target, indicator, lang),
      t.year == null ? '—' : String(t.year),
      actualCell(t, target, indicator, lang),
      t.achievementPercent == null ? '—' : formatQuantity(t.achievementPercent, 1, '%', lang),
      m.forecastShort[t.forecast.class],
      ...(sdg ? [t.sdgProgress ? sdgStatusLabel(t.sdgProgress.status, lang) : '—'] : []),
    ]);
  }
  const table = renderTable(
    [
      { heading: m.colCode, align: 'right' },
      { heading: m.colTarget, max: 50 },
      { heading: m.colUnit, max: 22 },
      { heading: m.colGoal, align: 'right' },
      { heading: m.colYear, align: 'right' },
      { heading: m.colActual, align: 'right' },
      { heading: m.colPercent, align: 'right' },
      { heading: m.colForecast },
      ...(sdg ? [{ heading: m.colSdg }] : []),
    ],
    rows,
  );
  const parts = [m.evaluationHeading(localize(plan.title, lang), unitName, ev.asOf), '', table, ''];
  if (anyEstimate) parts.push(m.estimateLegend, '');
  parts.push(summarySentence(ev, lang), forecastSummarySentence(ev, lang, { targetYear: plan.targetYear }));
  if (missing.length > 0) {
    parts.push('', m.insufficientList);
    for (const line of missing) parts.push(line);
  }
  return parts.join('\n');
}
