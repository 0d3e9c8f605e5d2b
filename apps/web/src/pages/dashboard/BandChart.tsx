import { bandEdges, type Plan } from '@chitieu/core';
import { Card, Table } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import type { DashboardModel } from '../../logic/dashboard';
import { AA, bandColor } from '../../theme/bands';

/** Targets per band as a bar chart, with the same numbers as a table for those who cannot see it. */
export function BandChart({ model, plan }: { model: DashboardModel; plan: Plan }): ReactNode {
  const { t } = useTranslation();
  const count = bandEdges(plan.bands).length + 1;
  const rows = useMemo(
    () => [
      ...model.bands.map((b) => ({
        key: `b${b.index}`,
        label: b.label,
        count: b.count,
        color: bandColor(b.index, count),
      })),
      { key: 'none', label: t('dashboard.insufficient'), count: model.insufficient, color: AA.grey },
    ],
    [model, count, t],
  );
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.label),
        axisLabel: { width: 160, overflow: 'break' },
      },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => ({ value: r.count, itemStyle: { color: r.color } })),
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [rows],
  );
  return (
    <Card size="small" title={<h2 className="card-title">{t('dashboard.chartTitle')}</h2>}>
      <EChart option={option} height={220} label={t('dashboard.chartTitle')} />
      <details className="table-alt">
        <summary>{t('dashboard.tableAlternative')}</summary>
        <Table
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('dashboard.band'), dataIndex: 'label' },
            { title: t('dashboard.count'), dataIndex: 'count', align: 'right' },
          ]}
        />
      </details>
    </Card>
  );
}
