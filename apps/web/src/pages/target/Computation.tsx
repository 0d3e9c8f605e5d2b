import {
  bandEdges,
  forecastSentence,
  formatNumber,
  formatPercent,
  plainNumber,
  targetSentence,
} from '@chitieu/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BandTag, ForecastTag } from '../../components/BandTag';
import type { PlanContext } from '../../components/PlanFrame';
import { useLang } from '../../i18n/use-lang';
import type { TargetRow } from '../../logic/targets';

/**
 * The figures of the comparison as a division ("10,71 % ÷ 15 % = 71,4 %"), the ratio's sides in the order
 * docs/methodology.md sets for the kind and direction; the result is the evaluation's own.
 */
export function divisionText(row: TargetRow, lang: 'vi' | 'en'): string | null {
  const ev = row.evaluation;
  if (!ev || ev.actual == null || ev.goal == null || ev.achievementPercent == null || ev.goal === 0)
    return null;
  if (row.target.kind === 'milestone') return null;
  const growth = row.target.kind === 'avg-growth';
  const decimals = growth ? 2 : (row.indicator?.decimals ?? 1);
  const f = (x: number) => (growth ? formatPercent(x, decimals, lang) : formatNumber(x, decimals, lang));
  const actual = f(ev.actual);
  // The goal as the plan states it ("15 %", not "15,00 %").
  const goal = growth
    ? `${plainNumber(ev.goal, lang)}${lang === 'en' ? '%' : ' %'}`
    : plainNumber(ev.goal, lang);
  const down =
    row.indicator?.direction === 'down' && (row.target.kind === 'level' || row.target.kind === 'annual');
  const result = formatPercent(ev.achievementPercent, 1, lang);
  return down ? `${goal} ÷ ${actual} = ${result}` : `${actual} ÷ ${goal} = ${result}`;
}

/** The computation in words (the core's sentences) and in numbers. */
export function Computation({ ctx, row }: { ctx: PlanContext; row: TargetRow }): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  const ev = row.evaluation;
  if (!ev || !row.indicator) return <p>{t('dashboard.insufficient')}</p>;
  const sentenceCtx = { target: row.target, indicator: row.indicator, evaluation: ev, plan: ctx.plan };
  const division = divisionText(row, lang);
  return (
    <div data-testid="computation">
      <p>{targetSentence(sentenceCtx, lang)}</p>
      {division && (
        <p className="computation-numbers" data-testid="division">
          <strong>{division}</strong>
        </p>
      )}
      <p>{forecastSentence(sentenceCtx, lang)}</p>
      <p>
        <BandTag
          band={ev.band}
          edges={bandEdges(ctx.plan.bands)}
          labels={ctx.plan.bandLabels}
          noneText={t('dashboard.insufficient')}
        />{' '}
        <ForecastTag value={ev.forecast.class} />
      </p>
    </div>
  );
}
