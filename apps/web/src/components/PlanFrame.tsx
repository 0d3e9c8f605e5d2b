import { type Indicator, localize, type Plan } from '@chitieu/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { Select, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlanFile } from '../api/queries';
import type { PlanFile } from '../api/types';
import { useLang } from '../i18n/use-lang';
import { defaultYear, indicatorMap, planOf, termYears } from '../logic/plan-data';
import { QueryState } from './QueryState';

export interface PlanContext {
  data: PlanFile;
  plan: Plan;
  /** The as-of year: from `?year=`, else the latest year with figures. */
  year: number;
  indicators: Map<string, Indicator>;
  unitName: string;
}

interface Props {
  code: string;
  year: number | undefined;
  /** The page's own heading under the plan's title. */
  title: string;
  children: (ctx: PlanContext) => ReactNode;
}

/**
 * The frame of every plan page: loads the plan (with its indicators and figures) once, heads the page
 * with the plan's title, unit and term, the as-of year chooser and the links between the plan's pages.
 */
export function PlanFrame({ code, year, title, children }: Props): ReactNode {
  const { t } = useTranslation();
  const query = usePlanFile(code);
  return (
    <QueryState query={query} who={t('who.generic')}>
      {(data) => {
        const plan = planOf(data, code);
        if (!plan) return <p>{t('state.notFound')}</p>;
        const ctx: PlanContext = {
          data,
          plan,
          year: year ?? defaultYear(data, plan),
          indicators: indicatorMap(data),
          unitName: data.units.find((u) => u.code === plan.unit)?.name ?? plan.unit,
        };
        return (
          <>
            <PlanHeader ctx={ctx} title={title} />
            {children(ctx)}
          </>
        );
      }}
    </QueryState>
  );
}

function PlanHeader({ ctx, title }: { ctx: PlanContext; title: string }): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { plan, year } = ctx;
  const params = { code: plan.code };
  const search = { year };
  return (
    <header>
      <div className="plan-header">
        <div>
          <h1 className="page-title">{title}</h1>
          <p className="page-subtitle">
            {localize(plan.title, lang)} · {ctx.unitName} ·{' '}
            {t('home.term', { from: plan.baselineYear, to: plan.targetYear })}{' '}
            <Tag>{plan.visibility === 'public' ? t('home.public') : t('home.private')}</Tag>
          </p>
        </div>
        <div className="year-chooser">
          <span style={{ marginRight: 8 }} aria-hidden>
            {t('plan.asOf')}
          </span>
          <Select
            aria-label={t('plan.asOf')}
            data-testid="year"
            value={year}
            style={{ width: 100 }}
            options={termYears(plan).map((y) => ({ value: y, label: String(y) }))}
            onChange={(y: number) =>
              void navigate({ to: '.', search: (prev: Record<string, unknown>) => ({ ...prev, year: y }) })
            }
          />
        </div>
      </div>
      <nav aria-label={t('app.planNav')} className="plan-nav">
        <Link
          to="/plans/$code"
          params={params}
          search={search}
          activeOptions={{ exact: true, includeSearch: false }}
        >
          {t('plan.dashboard')}
        </Link>
        <Link
          to="/plans/$code/targets"
          params={params}
          search={search}
          activeOptions={{ includeSearch: false }}
        >
          {t('plan.targets')}
        </Link>
        <Link
          to="/plans/$code/programs"
          params={params}
          search={search}
          activeOptions={{ includeSearch: false }}
        >
          {t('plan.programs')}
        </Link>
        <Link
          to="/plans/$code/reports"
          params={params}
          search={search}
          activeOptions={{ includeSearch: false }}
        >
          {t('plan.reports')}
        </Link>
        {plan.unit && (
          <Link to="/rankings" search={{ year }}>
            {t('app.rankings')}
          </Link>
        )}
      </nav>
    </header>
  );
}
