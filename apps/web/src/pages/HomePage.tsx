import { bandEdges, bandLabel, type Evaluation, localize } from '@chitieu/core';
import { useQueries } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { usePlans, useUnits } from '../api/queries';
import type { PlanRow } from '../api/types';
import { QueryState } from '../components/QueryState';
import { useLang } from '../i18n/use-lang';
import { latestDataYear } from '../logic/dashboard';

/** The as-of year a plan list shows: this year, within the term (the evaluation uses the latest figures). */
export function currentAsOf(plan: Pick<PlanRow, 'baselineYear' | 'targetYear'>, now = new Date()): number {
  return Math.max(plan.baselineYear, Math.min(now.getFullYear(), plan.targetYear));
}

/** `/`: the plans the visitor may see, each with its unit, term and one-line state. */
export function HomePage(): ReactNode {
  const { t } = useTranslation();
  const plans = usePlans();
  return (
    <>
      <h1 className="page-title">{t('home.title')}</h1>
      <p className="page-subtitle">{t('home.intro')}</p>
      <QueryState query={plans} isEmpty={(p) => p.items.length === 0} emptyText={t('home.none')}>
        {(page) => <PlanCards plans={page.items} />}
      </QueryState>
    </>
  );
}

function PlanCards({ plans }: { plans: PlanRow[] }): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  const units = useUnits();
  const unitName = (code: string) => units.data?.items.find((u) => u.code === code)?.name ?? code;
  const parentOf = (code: string) => units.data?.items.find((u) => u.code === code)?.parent ?? null;
  const evaluations = useQueries({
    queries: plans.map((p) => ({
      queryKey: ['evaluation', p.code, currentAsOf(p), lang],
      queryFn: () =>
        api<Evaluation>('GET', `/plans/${encodeURIComponent(p.code)}/evaluation`, {
          query: { year: currentAsOf(p), lang },
        }),
    })),
  });
  return (
    <div className="two-cols" data-testid="plans">
      {plans.map((plan, i) => {
        const ev = evaluations[i]?.data;
        const edges = bandEdges(plan.bands);
        const year = ev ? latestDataYear(ev) : null;
        const parent = parentOf(plan.unit);
        return (
          <Card
            key={plan.code}
            size="small"
            title={
              <h2 className="card-title">
                <Link to="/plans/$code" params={{ code: plan.code }} search={{ year: undefined }}>
                  {localize(plan.title, lang)}
                </Link>
              </h2>
            }
          >
            <p>
              {t('home.unit', { unit: unitName(plan.unit) })} ·{' '}
              {t('home.term', { from: plan.baselineYear, to: plan.targetYear })}{' '}
              <Tag>{plan.visibility === 'public' ? t('home.public') : t('home.private')}</Tag>
            </p>
            <p className="plan-state" data-testid={`plan-state-${plan.code}`}>
              {ev == null
                ? evaluations[i]?.error
                  ? t('state.error', { message: evaluations[i]?.error?.message ?? '' })
                  : t('state.loading')
                : year == null
                  ? t('home.stateNoData')
                  : t('home.state', {
                      met: ev.summary.bands[0]?.count ?? 0,
                      total: ev.summary.total,
                      band: bandLabel(0, edges, lang, plan.bandLabels),
                      year,
                    })}
            </p>
            <p>
              <Link to="/plans/$code" params={{ code: plan.code }} search={{ year: undefined }}>
                {t('home.open')}
              </Link>
              {parent && (
                <>
                  {' · '}
                  <Link to="/units/$code/children" params={{ code: parent }} search={{ year: undefined }}>
                    {t('home.provinceView', { unit: unitName(parent) })}
                  </Link>
                </>
              )}
            </p>
          </Card>
        );
      })}
    </div>
  );
}
