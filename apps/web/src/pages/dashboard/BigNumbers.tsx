import { bandEdges, type Plan } from '@chitieu/core';
import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ColorTag } from '../../components/BandTag';
import type { DashboardModel } from '../../logic/dashboard';
import { AA, bandColor, forecastColor } from '../../theme/bands';

function Big({
  testId,
  value,
  caption,
  color,
}: {
  testId: string;
  value: number;
  caption: ReactNode;
  color: string;
}) {
  return (
    <Card size="small">
      <div className="big-number" style={{ color }} data-testid={testId}>
        {value}
      </div>
      <div className="big-caption">{caption}</div>
    </Card>
  );
}

/** Targets per band, met, and the forecast groups as big numbers, each with its words. */
export function BigNumbers({ model, plan }: { model: DashboardModel; plan: Plan }): ReactNode {
  const { t } = useTranslation();
  const count = bandEdges(plan.bands).length + 1;
  return (
    <section aria-labelledby="bands-heading" style={{ marginTop: 16 }}>
      <h2 id="bands-heading" className="section-title">
        {t('dashboard.bands')}
      </h2>
      <div className="card-grid">
        {model.bands.map((b) => (
          <Big
            key={b.index}
            testId={`band-count-${b.index}`}
            value={b.count}
            color={bandColor(b.index, count)}
            caption={<ColorTag color={bandColor(b.index, count)}>{b.label}</ColorTag>}
          />
        ))}
        <Big
          testId="met-count"
          value={model.met}
          color={AA.green}
          caption={`${t('dashboard.met')} (${t('dashboard.ofTotal', { total: model.total })})`}
        />
        <Big
          testId="insufficient-count"
          value={model.insufficient}
          color={AA.grey}
          caption={t('dashboard.insufficient')}
        />
      </div>
      <h2 className="section-title" style={{ marginTop: 16 }}>
        {t('dashboard.forecast', { year: plan.targetYear })}
      </h2>
      <div className="card-grid">
        <Big
          testId="forecast-exceed"
          value={model.forecast.exceed}
          color={forecastColor('exceed')}
          caption={<ColorTag color={forecastColor('exceed')}>{t('dashboard.exceed')}</ColorTag>}
        />
        <Big
          testId="forecast-complete"
          value={model.forecast.complete}
          color={forecastColor('complete')}
          caption={<ColorTag color={forecastColor('complete')}>{t('dashboard.complete')}</ColorTag>}
        />
        <Big
          testId="forecast-at-risk"
          value={model.forecast.atRisk}
          color={forecastColor('at-risk')}
          caption={<ColorTag color={forecastColor('at-risk')}>{t('dashboard.atRisk')}</ColorTag>}
        />
        <Big
          testId="forecast-insufficient"
          value={model.forecast.insufficient}
          color={AA.grey}
          caption={t('dashboard.insufficient')}
        />
      </div>
    </section>
  );
}
