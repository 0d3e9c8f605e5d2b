import { bandEdges, formatPercent, localize } from '@chitieu/core';
import { useQueries } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Card, Empty, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { usePlans, useSession, useUnit, useUnits } from '../../api/queries';
import { useIndicators } from '../../api/queries-reference';
import type { Evaluation, PlanRow, Ranking } from '../../api/types';
import { ColorTag } from '../../components/BandTag';
import { ErrorState, QueryState } from '../../components/QueryState';
import { useLang } from '../../i18n/use-lang';
import type { YearSearch } from '../../routes/router';
import { AA, forecastColor } from '../../theme/bands';
import {
  type GridCell,
  type GridColumn,
  gridCells,
  gridColumns,
  headlineIndicators,
  type ProvinceRow,
  provinceRows,
  shortBandLabel,
} from './province-model';
import './province.css';

const route = getRouteApi('/units/$code/children');

/** The as-of year of a plan: the chosen year within its term, else this year within its term. */
function asOfFor(plan: Pick<PlanRow, 'baselineYear' | 'targetYear'>, chosen: number | undefined): number {
  const y = chosen ?? new Date().getFullYear();
  return Math.max(plan.baselineYear, Math.min(y, plan.targetYear));
}

/** `/units/{code}/children?year=`: each child unit's plan side by side, and a units × targets grid. */
export function ProvincePage(): ReactNode {
  const { code } = route.useParams();
  const { year } = route.useSearch();
  const { t } = useTranslation();
  const unit = useUnit(code);
  const children = useUnits({ parent: code });
  const plans = usePlans();
  const name = unit.data?.name ?? code;
  return (
    <div>
      <h1 className="page-title">{t('province.title', { unit: name })}</h1>
      <p className="page-subtitle">{t('province.intro')}</p>
      <QueryState query={unit}>
        {() => (
          <QueryState query={children} isEmpty={(c) => c.items.length === 0} emptyText={t('province.none')}>
            {(c) => (
              <QueryState query={plans}>
                {(p) => {
                  const codes = new Set(c.items.map((u) => u.code));
                  return (
                    <Province
                      parent={code}
                      year={year}
                      units={c.items}
                      plans={p.items.filter((pl) => codes.has(pl.unit))}
                    />
                  );
                }}
              </QueryState>
            )}
          </QueryState>
        )}
      </QueryState>
    </div>
  );
}

interface ProvinceProps {
  parent: string;
  year: number | undefined;
  units: { code: string; name: string; level: string; parent: string | null }[];
  plans: PlanRow[];
}

function Province({ parent, year, units, plans }: ProvinceProps): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const indicators = useIndicators();
  const signedIn = useSession().data?.user != null;
  // One evaluation per plan, in parallel, cached under the same key as the dashboard's.
  const evaluations = useQueries({
    queries: plans.map((p) => ({
      queryKey: ['evaluation', p.code, asOfFor(p, year), lang],
      queryFn: () =>
        api<Evaluation>('GET', `/plans/${encodeURIComponent(p.code)}/evaluation`, {
          query: { year: asOfFor(p, year), lang },
        }),
    })),
  });
  const evaluated = new Map<string, Evaluation>();
  evaluations.forEach((q, i) => {
    const plan = plans[i];
    if (q.data && plan) evaluated.set(plan.code, q.data);
  });
  const evalPending = evaluations.some((q) => q.isPending);
  const indicatorMap = useMemo(
    () => new Map((indicators.data?.items ?? []).map((i) => [i.code, i])),
    [indicators.data],
  );
  const kindWord = (kind: string) => t(`province.kinds.${kind}`, { defaultValue: kind });
  const columns = gridColumns(evaluated.values(), indicatorMap, lang, kindWord);
  const headline = headlineIndicators(columns);
  // Ranks: the year chosen, else the latest year the plans have figures for.
  const dataYears = [...evaluated.values()].flatMap((ev) => ev.targets.map((x) => x.year ?? 0));
  const rankYear = year ?? (dataYears.length > 0 ? dataYears.reduce((a, b) => Math.max(a, b)) : undefined);
  const rankings = useQueries({
    queries: headline.map((indicator) => ({
      queryKey: ['ranking', { indicator, year: rankYear, parent, by: 'value' }],
      queryFn: () => api<Ranking>('GET', '/rankings', { query: { indicator, year: rankYear, parent } }),
      // Rankings are for signed-in readers; asked once the plans' evaluations say which indicators count.
      enabled: signedIn && !evalPending && rankYear !== undefined && rankYear > 0,
      retry: false,
    })),
  });
  const ranked = new Map<string, Ranking>();
  rankings.forEach((q, i) => {
    const indicator = headline[i];
    // A ranking of one unit says nothing.
    if (q.data && indicator && q.data.rows.length > 1) ranked.set(indicator, q.data);
  });
  const rows = provinceRows({
    children: units,
    plans,
    evaluations: evaluated,
    rankings: ranked,
    indicators: indicatorMap,
    lang,
  });
  const failed = evaluations.find((q) => q.error);
  const years = [...new Set(plans.flatMap((p) => range(p.baselineYear + 1, p.targetYear)))].sort(
    (a, b) => a - b,
  );

  return (
    <div data-testid="province">
      <div className="page-tools">
        <div className="picker">
          <span className="picker-label" aria-hidden>
            {t('plan.asOf')}
          </span>
          <Select
            aria-label={t('plan.asOf')}
            data-testid="year"
            allowClear
            placeholder={t('province.latest')}
            value={year}
            style={{ width: 150 }}
            onChange={(y?: number) =>
              void navigate({ to: '.', search: (prev: YearSearch) => ({ ...prev, year: y }) })
            }
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
        </div>
        {rankYear !== undefined && rankYear > 0 && ranked.size > 0 && (
          <span>{t('province.ranksYear', { year: rankYear })}</span>
        )}
      </div>
      {failed?.error && <ErrorState error={failed.error} retry={() => void failed.refetch()} />}
      {evalPending ? (
        <div className="state-loading" role="status" aria-live="polite">
          {t('state.loading')}
        </div>
      ) : (
        <>
          <Card size="small" title={<h2 className="card-title">{t('province.sideBySide')}</h2>}>
            {!signedIn && <p className="province-note">{t('province.ranksSignIn')}</p>}
            <SideBySide
              rows={rows}
              ranked={[...ranked.keys()]}
              indicatorName={(c) => localize(indicatorMap.get(c)?.name, lang) || c}
              year={year}
            />
          </Card>
          <Card
            size="small"
            className="province-grid-card"
            title={<h2 className="card-title">{t('province.grid')}</h2>}
          >
            <Grid rows={rows.filter((r) => r.plan != null)} columns={columns} year={year} />
          </Card>
        </>
      )}
    </div>
  );
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

const nullsLast = (a: number | null, b: number | null) =>
  a == null ? (b == null ? 0 : 1) : b == null ? -1 : a - b;

function SideBySide({
  rows,
  ranked,
  indicatorName,
  year,
}: {
  rows: ProvinceRow[];
  ranked: string[];
  indicatorName: (code: string) => string;
  year: number | undefined;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  const columns: ColumnsType<ProvinceRow> = [
    {
      title: t('province.unit'),
      dataIndex: 'unitName',
      fixed: 'left',
      width: 170,
      sorter: (a, b) => a.unitName.localeCompare(b.unitName, lang),
      render: (_: unknown, r) => <strong>{r.unitName}</strong>,
    },
    {
      title: t('province.plan'),
      key: 'plan',
      width: 220,
      render: (_: unknown, r) =>
        r.plan ? (
          <>
            <Link
              to="/plans/$code"
              params={{ code: r.plan.code }}
              search={{ year: r.evaluation?.asOf ?? year }}
            >
              {localize(r.plan.title, lang)}
            </Link>
            {r.dataYear != null && (
              <div className="province-sub">{t('province.dataYear', { year: r.dataYear })}</div>
            )}
          </>
        ) : (
          <span className="province-sub">{t('province.noPlan')}</span>
        ),
    },
    {
      title: t('province.met'),
      key: 'met',
      width: 110,
      sorter: (a, b) => nullsLast(a.metShare, b.metShare),
      render: (_: unknown, r) =>
        r.plan ? (
          <span data-testid={`met-${r.key}`}>{t('province.metOf', { met: r.met, total: r.total })}</span>
        ) : (
          '—'
        ),
    },
    {
      title: t('province.bands'),
      key: 'bands',
      width: 260,
      sorter: (a, b) => nullsLast(a.bands[0]?.count ?? null, b.bands[0]?.count ?? null),
      render: (_: unknown, r) =>
        r.bands.length === 0 ? (
          '—'
        ) : (
          <div className="band-counts">
            {r.bands.map((b) => (
              <span key={b.index} title={b.label}>
                <ColorTag color={b.color}>
                  {b.count} · {shortBandLabel(b.index, bandEdges(r.plan?.bands), lang)}
                </ColorTag>
              </span>
            ))}
            {r.insufficient > 0 && (
              <ColorTag color={AA.grey}>
                {r.insufficient} · {t('dashboard.insufficient')}
              </ColorTag>
            )}
          </div>
        ),
    },
    {
      title: t('province.forecast'),
      key: 'forecast',
      width: 250,
      sorter: (a, b) => a.forecast.atRisk - b.forecast.atRisk,
      render: (_: unknown, r) =>
        r.plan ? (
          <div className="band-counts">
            <ColorTag color={forecastColor('exceed')}>
              {r.forecast.exceed} · {t('dashboard.exceed')}
            </ColorTag>
            <ColorTag color={forecastColor('complete')}>
              {r.forecast.complete} · {t('dashboard.complete')}
            </ColorTag>
            <ColorTag color={forecastColor('at-risk')}>
              {r.forecast.atRisk} · {t('dashboard.atRisk')}
            </ColorTag>
          </div>
        ) : (
          '—'
        ),
    },
    ...ranked.map((indicator) => ({
      title: t('province.rankOn', { indicator: indicatorName(indicator) }),
      key: `rank-${indicator}`,
      width: 130,
      sorter: (a: ProvinceRow, b: ProvinceRow) =>
        nullsLast(a.ranks[indicator]?.rank ?? null, b.ranks[indicator]?.rank ?? null),
      render: (_: unknown, r: ProvinceRow) => {
        const cell = r.ranks[indicator];
        return cell ? (
          <span>
            {cell.tied ? '=' : ''}
            {cell.rank}/{cell.of}
          </span>
        ) : (
          <span title={t('rankings.unranked')}>—</span>
        );
      },
    })),
  ];
  return (
    <Table<ProvinceRow>
      size="small"
      rowKey="key"
      data-testid="side-by-side"
      pagination={false}
      scroll={{ x: 1010 + ranked.length * 130 }}
      dataSource={rows}
      columns={columns}
      showSorterTooltip={false}
    />
  );
}

function Grid({
  rows,
  columns,
  year,
}: {
  rows: ProvinceRow[];
  columns: GridColumn[];
  year: number | undefined;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  if (rows.length === 0 || columns.length === 0) return <Empty description={t('province.noGrid')} />;
  const cells = new Map(rows.map((r) => [r.key, gridCells(r, columns, lang)]));
  // The legend: every band the plans use, once (plans may cut their bands differently).
  const legend = [...new Map(rows.flatMap((r) => r.bands).map((b) => [`${b.color}|${b.label}`, b])).values()];
  return (
    <>
      <ul className="grid-legend" aria-label={t('province.legend')}>
        {legend.map((b) => (
          <li key={`${b.color}|${b.label}`}>
            <ColorTag color={b.color}>{b.label}</ColorTag>
          </li>
        ))}
        <li>
          <ColorTag color={AA.grey}>{t('dashboard.insufficient')}</ColorTag>
        </li>
      </ul>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it */}
      <section className="grid-scroll" aria-label={t('province.grid')} tabIndex={0}>
        <table className="band-grid" data-testid="band-grid">
          <caption className="sr-only">{t('province.gridCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="grid-unit">
                {t('province.unit')}
              </th>
              {columns.map((c) => (
                <th scope="col" key={c.key} title={c.label}>
                  <span className="grid-head">{c.label}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" className="grid-unit">
                  {r.unitName}
                  {r.plan && <div className="province-sub">{r.plan.code}</div>}
                </th>
                {columns.map((c) => (
                  <td key={c.key}>
                    <Cell
                      cell={cells.get(r.key)?.[c.key] ?? null}
                      plan={r.plan?.code ?? ''}
                      year={r.evaluation?.asOf ?? year}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function Cell({
  cell,
  plan,
  year,
}: {
  cell: GridCell | null;
  plan: string;
  year: number | undefined;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  if (!cell)
    return (
      <span className="grid-none">
        <span aria-hidden>·</span>
        <span className="sr-only">{t('province.noTarget')}</span>
      </span>
    );
  const words = cell.band == null ? t('dashboard.insufficient') : cell.bandLabel;
  return (
    <Link
      to="/plans/$code/targets/$target"
      params={{ code: plan, target: cell.target }}
      search={{ year }}
      className="grid-cell"
      title={`${t('province.target', { code: cell.target })}: ${words}`}
      data-band={cell.band ?? 'none'}
    >
      <ColorTag color={cell.color}>
        {cell.achievementPercent == null
          ? t('province.noData')
          : formatPercent(cell.achievementPercent, 1, lang)}
      </ColorTag>
      <span className="sr-only">{words}</span>
    </Link>
  );
}
