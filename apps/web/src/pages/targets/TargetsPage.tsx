import { bandEdges, bandLabel, forecastClassLabel, formatNumber, formatPercent } from '@chitieu/core';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Input, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvaluation } from '../../api/queries';
import { BandTag, ForecastTag } from '../../components/BandTag';
import { EstimateMark } from '../../components/Estimate';
import { type PlanContext, PlanFrame } from '../../components/PlanFrame';
import { QueryState } from '../../components/QueryState';
import { useLang } from '../../i18n/use-lang';
import { termYears } from '../../logic/plan-data';
import {
  actualText,
  filterTargets,
  type TargetFilter,
  type TargetRow,
  targetRows,
} from '../../logic/targets';
import { BAND_FILTERS, FORECAST_FILTERS, type TargetsSearch } from '../../routes/router';

const route = getRouteApi('/plans/$code/targets');

/** `/plans/{code}/targets`: every target with its figures, achievement, band and forecast; filters live in the address. */
export function TargetsPage(): ReactNode {
  const { code } = route.useParams();
  const search = route.useSearch();
  const { t } = useTranslation();
  return (
    <PlanFrame code={code} year={search.year} title={t('targets.title')}>
      {(ctx) => <Targets ctx={ctx} filter={search} />}
    </PlanFrame>
  );
}

function Targets({ ctx, filter }: { ctx: PlanContext; filter: TargetsSearch }): ReactNode {
  const evaluation = useEvaluation(ctx.plan.code, ctx.year);
  return (
    <QueryState query={evaluation}>{(ev) => <TargetTable ctx={ctx} filter={filter} ev={ev} />}</QueryState>
  );
}

function TargetTable({
  ctx,
  filter,
  ev,
}: {
  ctx: PlanContext;
  filter: TargetsSearch;
  ev: Parameters<typeof targetRows>[2];
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const rows = useMemo(() => targetRows(ctx.data, ctx.plan, ev, lang), [ctx, ev, lang]);
  const shown = useMemo(() => filterTargets(rows, filter as TargetFilter), [rows, filter]);
  const edges = bandEdges(ctx.plan.bands);
  const groups = [...new Set(rows.map((r) => r.group).filter(Boolean))];
  const years = termYears(ctx.plan).filter((y) => y <= ctx.year);
  const set = (patch: Partial<TargetsSearch>) =>
    void navigate({
      to: '.',
      search: (prev: Record<string, unknown>) => ({ ...prev, ...patch }),
      replace: true,
    });

  const columns: ColumnsType<TargetRow> = [
    { title: t('targets.code'), dataIndex: 'code', width: 56 },
    {
      title: t('targets.target'),
      key: 'title',
      render: (_, r) => (
        <Link
          to="/plans/$code/targets/$target"
          params={{ code: ctx.plan.code, target: r.code }}
          search={{ year: ctx.year }}
        >
          {r.title}
        </Link>
      ),
    },
    { title: t('targets.group'), dataIndex: 'group', responsive: ['xxl'] },
    { title: t('targets.goal'), dataIndex: 'goal', className: 'number' },
    ...years.map((year) => ({
      title: String(year),
      key: `y${year}`,
      className: 'number',
      responsive: ['xxl' as const],
      render: (_: unknown, r: TargetRow) => {
        const f = r.figures.find((x) => x.year === year);
        return f ? (
          <>
            {formatNumber(f.value, r.indicator?.decimals ?? 1, lang)}
            <EstimateMark estimate={f.status === 'estimate'} />
          </>
        ) : (
          '—'
        );
      },
    })),
    {
      title: t('targets.actual'),
      key: 'actual',
      className: 'number',
      render: (_, r) => (
        <>
          {actualText(r, lang)}
          {r.evaluation?.year != null && r.evaluation.actual != null && (
            <span className="muted"> ({r.evaluation.year})</span>
          )}
          <EstimateMark estimate={r.evaluation?.estimate === true && r.evaluation.actual != null} />
        </>
      ),
    },
    {
      title: t('targets.achieved'),
      key: 'achieved',
      className: 'number',
      render: (_, r) => formatPercent(r.evaluation?.achievementPercent, 1, lang),
    },
    {
      title: t('targets.band'),
      key: 'band',
      render: (_, r) => (
        <BandTag
          band={r.evaluation?.band}
          edges={edges}
          labels={ctx.plan.bandLabels}
          noneText={t('dashboard.insufficient')}
        />
      ),
    },
    {
      title: t('targets.forecast'),
      key: 'forecast',
      render: (_, r) => (r.evaluation ? <ForecastTag value={r.evaluation.forecast.class} /> : '—'),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('targets.search')}
          placeholder={t('targets.searchPlaceholder')}
          defaultValue={filter.q}
          allowClear
          onSearch={(q) => set({ q: q || undefined })}
          onChange={(e) => set({ q: e.target.value || undefined })}
          style={{ width: 300 }}
          data-testid="target-search"
        />
        <Select
          aria-label={t('targets.group')}
          value={filter.group ?? ''}
          style={{ width: 200 }}
          onChange={(v: string) => set({ group: v || undefined })}
          options={[
            { value: '', label: t('targets.allGroups') },
            ...groups.map((g) => ({ value: g, label: g })),
          ]}
        />
        <Select
          aria-label={t('targets.band')}
          value={filter.band ?? ''}
          style={{ width: 220 }}
          onChange={(v: string) => set({ band: (v || undefined) as TargetsSearch['band'] })}
          options={[
            { value: '', label: t('targets.allBands') },
            ...BAND_FILTERS.filter((b) => b === 'none' || Number(b) <= edges.length).map((b) => ({
              value: b,
              label:
                b === 'none'
                  ? t('dashboard.insufficient')
                  : bandLabel(Number(b), edges, lang, ctx.plan.bandLabels),
            })),
          ]}
        />
        <Select
          aria-label={t('targets.forecast')}
          value={filter.forecast ?? ''}
          style={{ width: 260 }}
          onChange={(v: string) => set({ forecast: (v || undefined) as TargetsSearch['forecast'] })}
          options={[
            { value: '', label: t('targets.allForecasts') },
            ...FORECAST_FILTERS.map((f) => ({ value: f, label: forecastClassLabel(f, lang) })),
          ]}
        />
        <Select
          aria-label={t('targets.sort')}
          value={filter.sort ?? 'plan'}
          style={{ width: 200 }}
          onChange={(v: string) => set({ sort: v === 'plan' ? undefined : (v as TargetsSearch['sort']) })}
          options={[
            { value: 'plan', label: t('targets.sortPlan') },
            { value: 'achievement-asc', label: t('targets.sortLow') },
            { value: 'achievement-desc', label: t('targets.sortHigh') },
          ]}
        />
      </Space>
      <p role="status" data-testid="target-count">
        {t('targets.count', { shown: shown.length, total: rows.length })}
      </p>
      <Table<TargetRow>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={shown}
        pagination={false}
        locale={{ emptyText: t('targets.none') }}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}
