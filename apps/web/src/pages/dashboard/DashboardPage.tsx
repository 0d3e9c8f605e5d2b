import { forecastSummarySentence, summarySentence } from '@chitieu/core';
import { getRouteApi } from '@tanstack/react-router';
import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvaluation } from '../../api/queries';
import { type PlanContext, PlanFrame } from '../../components/PlanFrame';
import { QueryState } from '../../components/QueryState';
import { useLang } from '../../i18n/use-lang';
import { dashboardModel } from '../../logic/dashboard';
import { AtRiskList } from './AtRiskList';
import { BandChart } from './BandChart';
import { BigNumbers } from './BigNumbers';
import { ProgramsSummary } from './ProgramsSummary';
import { SiblingRanks } from './SiblingRanks';

const route = getRouteApi('/plans/$code');

/** `/plans/{code}?year=`: how the plan stands, on one screen. */
export function DashboardPage(): ReactNode {
  const { code } = route.useParams();
  const { year } = route.useSearch();
  const { t } = useTranslation();
  return (
    <PlanFrame code={code} year={year} title={t('dashboard.title')}>
      {(ctx) => <Dashboard ctx={ctx} />}
    </PlanFrame>
  );
}

function Dashboard({ ctx }: { ctx: PlanContext }): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  const evaluation = useEvaluation(ctx.plan.code, ctx.year);
  return (
    <QueryState query={evaluation}>
      {(ev) => {
        const model = dashboardModel(
          ev,
          ctx.plan,
          ctx.indicators,
          lang,
          new Date().toISOString().slice(0, 10),
        );
        return (
          <div data-testid="dashboard" data-as-of={ev.asOf}>
            <Card size="small" title={<h2 className="card-title">{t('dashboard.summary')}</h2>}>
              <p data-testid="summary-sentence">{summarySentence(ev, lang)}</p>
              <p>{forecastSummarySentence(ev, lang, { targetYear: ctx.plan.targetYear })}</p>
            </Card>
            <BigNumbers model={model} plan={ctx.plan} />
            <div className="two-cols">
              <BandChart model={model} plan={ctx.plan} />
              <AtRiskList model={model} plan={ctx.plan} year={ctx.year} />
            </div>
            <div className="two-cols">
              <SiblingRanks ctx={ctx} />
              <ProgramsSummary model={model} />
            </div>
          </div>
        );
      }}
    </QueryState>
  );
}
