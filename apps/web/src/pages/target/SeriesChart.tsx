import { formatNumber, growthGoal } from '@chitieu/core';
import { Table } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import type { PlanContext } from '../../components/PlanFrame';
import { useLang } from '../../i18n/use-lang';
import type { TargetRow } from '../../logic/targets';
import { AA } from '../../theme/bands';

interface Point {
  year: number;
  actual: number | null;
  projected: number | null;
  goal: number | null;
}

/**
 * The chart's points: actual figures up to the as-of year, then the forecast path (plan figures or the
 * trend, as the core projected them), and the goal — flat for a level or yearly target, the promised
 * growth path from the baseline for a growth target recorded as levels.
 */
export function seriesPoints(row: TargetRow, ctx: PlanContext): Point[] {
  const { plan } = ctx;
  const ev = row.evaluation;
  const goal = ev?.goal ?? null;
  const base = row.figures.find((f) => f.year === plan.baselineYear)?.value ?? null;
  const d = row.indicator?.direction === 'down' ? -1 : 1;
  const points: Point[] = [];
  for (let year = plan.baselineYear; year <= plan.targetYear; year++) {
    const actual = year <= ctx.year ? (row.figures.find((f) => f.year === year)?.value ?? null) : null;
    const path = ev?.forecast.path?.find((p) => p.year === year)?.value ?? null;
    let goalValue: number | null = null;
    if (goal != null && (row.target.kind === 'level' || row.target.kind === 'annual')) goalValue = goal;
    if (goal != null && row.target.kind === 'avg-growth' && row.target.input !== 'rates' && base != null) {
      goalValue = base * (1 + growthGoal(goal, d)) ** (year - plan.baselineYear);
    }
    points.push({ year, actual, projected: path, goal: goalValue });
  }
  // The dashed projection starts from the last actual point, so the two lines join.
  const lastActual = [...points].reverse().find((p) => p.actual != null);
  if (lastActual && points.some((p) => p.projected != null)) lastActual.projected = lastActual.actual;
  return points;
}

/** The target's series with its goal and projection; a table gives the same numbers. */
export function SeriesChart({ ctx, row }: { ctx: PlanContext; row: TargetRow }): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  const decimals = row.indicator?.decimals ?? 1;
  const points = useMemo(() => seriesPoints(row, ctx), [row, ctx]);
  const hasGoal = points.some((p) => p.goal != null);
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      // Axis and tooltip numbers in the page's language (31.444 on a Vietnamese page), not ECharts' own.
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v, decimals, lang) : '—'),
      },
      xAxis: { type: 'category', data: points.map((p) => String(p.year)) },
      yAxis: {
        type: 'value',
        scale: true,
        axisLabel: { formatter: (v: number) => formatNumber(v, Number.isInteger(v) ? 0 : decimals, lang) },
      },
      series: [
        {
          name: t('target.actualLine'),
          type: 'line',
          data: points.map((p) => p.actual),
          itemStyle: { color: '#0958d9' },
          connectNulls: false,
        },
        {
          name: t('target.projection'),
          type: 'line',
          data: points.map((p) => p.projected),
          lineStyle: { type: 'dashed' },
          itemStyle: { color: AA.amber },
        },
        ...(hasGoal
          ? [
              {
                name: t('target.goalLine'),
                type: 'line',
                data: points.map((p) => p.goal),
                lineStyle: { type: 'dotted' },
                itemStyle: { color: AA.green },
                symbol: 'none',
              },
            ]
          : []),
      ],
    }),
    [points, hasGoal, t, decimals, lang],
  );
  if (points.every((p) => p.actual == null && p.projected == null)) return <p>{t('state.empty')}</p>;
  const f = (x: number | null) => (x == null ? '—' : formatNumber(x, decimals, lang));
  return (
    <>
      <EChart option={option} height={260} label={t('target.series')} />
      <details className="table-alt">
        <summary>{t('dashboard.tableAlternative')}</summary>
        <Table
          size="small"
          pagination={false}
          rowKey="year"
          dataSource={points}
          columns={[
            { title: t('target.year'), dataIndex: 'year' },
            { title: t('target.actualLine'), key: 'a', align: 'right', render: (_, p: Point) => f(p.actual) },
            {
              title: t('target.projection'),
              key: 'p',
              align: 'right',
              render: (_, p: Point) => f(p.projected),
            },
            { title: t('target.goalLine'), key: 'g', align: 'right', render: (_, p: Point) => f(p.goal) },
          ]}
        />
      </details>
    </>
  );
}
