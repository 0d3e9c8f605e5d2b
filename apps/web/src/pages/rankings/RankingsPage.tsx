import { localize } from '@chitieu/core';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Button, Card, Empty, Radio, Result, Select } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlans, useRanking, useSession } from '../../api/queries';
import { useAllUnits, useIndicators } from '../../api/queries-reference';
import type { Ranking } from '../../api/types';
import { EChart } from '../../components/EChart';
import { QueryState } from '../../components/QueryState';
import { useLang } from '../../i18n/use-lang';
import type { RankingsSearch } from '../../routes/router';
import { AA } from '../../theme/bands';
import { RankingTable } from './RankingTable';
import { type RankingFormat, rankingRows, rankText } from './ranking-rows';
import './rankings.css';

const route = getRouteApi('/rankings');

/** The years a ranking may be asked for: every plan's term, else the last ten years. */
function yearOptions(terms: { baselineYear: number; targetYear: number }[]): number[] {
  const now = new Date().getFullYear();
  const from = terms.reduce((y, p) => Math.min(y, p.baselineYear), now - 10);
  const to = terms.reduce((y, p) => Math.max(y, p.targetYear), now);
  const years: number[] = [];
  for (let y = to; y >= from; y--) years.push(y);
  return years;
}

/** `/rankings?indicator=&year=&parent=&by=`: sibling units ranked on an indicator, as the API ranks them. */
export function RankingsPage(): ReactNode {
  const search = route.useSearch();
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const indicators = useIndicators();
  const units = useAllUnits();
  const plans = usePlans();
  const set = (patch: Partial<RankingsSearch>) =>
    void navigate({ to: '/rankings', search: (prev: RankingsSearch) => ({ ...prev, ...patch }) });

  const parents = useMemo(() => {
    const all = units.data?.items ?? [];
    const withChildren = new Set(all.map((u) => u.parent).filter((p): p is string => p != null));
    return all.filter((u) => withChildren.has(u.code));
  }, [units.data]);
  const years = useMemo(() => yearOptions(plans.data?.items ?? []), [plans.data]);
  const by = search.by ?? 'value';
  // Stable between renders: the chart is drawn again only when what it shows changes.
  const names = useMemo(() => new Map((units.data?.items ?? []).map((u) => [u.code, u.name])), [units.data]);
  const chosen = indicators.data?.items.find((i) => i.code === search.indicator);
  const format = useMemo(
    () => ({ by, unit: chosen?.unit ?? '', decimals: chosen?.decimals ?? 1 }),
    [by, chosen],
  );
  const indicatorName = chosen ? localize(chosen.name, lang) : (search.indicator ?? '');

  return (
    <div>
      <h1 className="page-title">{t('rankings.title')}</h1>
      <p className="page-subtitle">{t('rankings.intro')}</p>
      <form className="page-tools" aria-label={t('rankings.pickers')} onSubmit={(e) => e.preventDefault()}>
        <div className="picker">
          <span className="picker-label" aria-hidden>
            {t('rankings.indicator')}
          </span>
          <Select
            aria-label={t('rankings.indicator')}
            data-testid="pick-indicator"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 320 }}
            placeholder={t('rankings.pickIndicator')}
            loading={indicators.isPending}
            value={search.indicator}
            onChange={(indicator: string) => set({ indicator })}
            options={(indicators.data?.items ?? []).map((i) => ({
              value: i.code,
              label: `${localize(i.name, lang)} (${i.code})`,
            }))}
          />
        </div>
        <div className="picker">
          <span className="picker-label" aria-hidden>
            {t('rankings.year')}
          </span>
          <Select
            aria-label={t('rankings.year')}
            data-testid="pick-year"
            style={{ width: 130 }}
            placeholder={t('rankings.pickYear')}
            value={search.year}
            onChange={(year: number) => set({ year })}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
        </div>
        <div className="picker">
          <span className="picker-label" aria-hidden>
            {t('rankings.parent')}
          </span>
          <Select
            aria-label={t('rankings.parent')}
            data-testid="pick-parent"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 240 }}
            placeholder={t('rankings.pickParent')}
            loading={units.isPending}
            value={search.parent}
            onChange={(parent: string) => set({ parent })}
            options={parents.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))}
          />
        </div>
        <Radio.Group
          aria-label={t('rankings.by')}
          value={by}
          optionType="button"
          onChange={(e) => set({ by: e.target.value as 'value' | 'growth' })}
          options={[
            { value: 'value', label: t('rankings.byValue') },
            { value: 'growth', label: t('rankings.byGrowth') },
          ]}
        />
      </form>
      {search.indicator === undefined || search.year === undefined || search.parent === undefined ? (
        <Empty description={t('rankings.choose')} />
      ) : (
        <RankingResult
          indicator={search.indicator}
          year={search.year}
          parent={search.parent}
          by={by}
          names={names}
          format={format}
          indicatorName={indicatorName}
        />
      )}
    </div>
  );
}

interface ResultProps {
  indicator: string;
  year: number;
  parent: string;
  by: 'value' | 'growth';
  names: ReadonlyMap<string, string>;
  format: RankingFormat;
  indicatorName: string;
}

function RankingResult(props: ResultProps): ReactNode {
  const { t } = useTranslation();
  const { indicator, year, parent, by } = props;
  const session = useSession();
  const signedIn = session.data?.user != null;
  // Rankings are for signed-in readers: a visitor is told so instead of being sent to a 401.
  const query = useRanking({ indicator, year, parent, by }, signedIn);
  if (session.isPending) return null;
  if (!signedIn) {
    return (
      <Result
        status="info"
        title={t('rankings.signIn')}
        subTitle={t('who.rankings')}
        extra={
          <Link to="/login" search={{ redirect: window.location.pathname + window.location.search }}>
            <Button type="primary">{t('app.signIn')}</Button>
          </Link>
        }
      />
    );
  }
  return (
    <QueryState
      query={query}
      who={t('who.rankings')}
      isEmpty={(r: Ranking) => r.rows.length === 0 && r.unranked.length === 0}
      emptyText={t('rankings.none')}
    >
      {(ranking) => <RankingView ranking={ranking} {...props} />}
    </QueryState>
  );
}

function RankingView({
  ranking,
  names,
  format,
  indicatorName,
  year,
  parent,
}: ResultProps & { ranking: Ranking }): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = useMemo(() => rankingRows(ranking, names, format, lang), [ranking, names, format, lang]);
  const ranked = useMemo(() => rows.filter((r) => r.rank != null), [rows]);
  const caption =
    format.by === 'growth'
      ? t('rankings.captionGrowth', {
          indicator: indicatorName,
          from: (ranking.since ?? year) + 1,
          to: year,
          parent: names.get(parent) ?? parent,
        })
      : t('rankings.captionValue', { indicator: indicatorName, year, parent: names.get(parent) ?? parent });
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 120, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { show: false } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: ranked.map((r) => `${r.rank}. ${r.name}`),
        axisLabel: { width: 200, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: ranked.map((r) => ({ value: r.value, itemStyle: { color: AA.blue } })),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) => ranked[p.dataIndex]?.valueText ?? '',
          },
        },
      ],
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const r = ranked[p.dataIndex];
          return r ? `${r.name}: ${r.valueText} (${t('rankings.rankOf', { rank: rankText(r) })})` : '';
        },
      },
    }),
    [ranked, t],
  );
  return (
    <div data-testid="ranking">
      <h2 className="section-title">{caption}</h2>
      <p>
        <Link to="/units/$code/children" params={{ code: parent }} search={{ year }}>
          {t('rankings.provinceLink', { parent: names.get(parent) ?? parent })}
        </Link>
      </p>
      <div className="two-cols">
        <Card size="small" title={<h3 className="card-title">{t('rankings.chart')}</h3>}>
          {ranked.length === 0 ? (
            <Empty description={t('rankings.noneRanked')} />
          ) : (
            <EChart option={option} height={Math.max(160, ranked.length * 30 + 24)} label={caption} />
          )}
          <p className="chart-note">{t('rankings.tableIsAlternative')}</p>
        </Card>
        <Card size="small" title={<h3 className="card-title">{t('rankings.table')}</h3>}>
          <RankingTable rows={rows} caption={caption} />
        </Card>
      </div>
    </div>
  );
}
