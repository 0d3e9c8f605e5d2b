import { bandEdges, type Plan } from '@chitieu/core';
import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BarTable } from '../../components/BarTable';
import type { DashboardModel } from '../../logic/dashboard';
import { AA, bandColor } from '../../theme/bands';

/** Targets per band as bars; the bars are a table, so the numbers are there for every reader. */
export function BandChart({ model, plan }: { model: DashboardModel; plan: Plan }): ReactNode {
  const { t } = useTranslation();
  const count = bandEdges(plan.bands).length + 1;
  const bars = [
    ...model.bands.map((b) => ({
      key: `b${b.index}`,
      label: b.label,
      value: b.count,
      color: bandColor(b.index, count),
    })),
    { key: 'none', label: t('dashboard.insufficient'), value: model.insufficient, color: AA.grey },
  ];
  return (
    <Card size="small" title={<h2 className="card-title">{t('dashboard.chartTitle')}</h2>}>
      <BarTable
        caption={t('dashboard.chartTitle')}
        labelHeader={t('dashboard.band')}
        valueHeader={t('dashboard.count')}
        bars={bars}
      />
    </Card>
  );
}
