import { localize } from '@chitieu/core';
import { getRouteApi } from '@tanstack/react-router';
import { Card, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvaluation } from '../../api/queries';
import { type PlanContext, PlanFrame } from '../../components/PlanFrame';
import { QueryState } from '../../components/QueryState';
import { useLang } from '../../i18n/use-lang';
import { targetRows } from '../../logic/targets';
import { Computation } from './Computation';
import { FiguresTable } from './FiguresTable';
import { LinkedPrograms } from './LinkedPrograms';
import { SeriesChart } from './SeriesChart';
import { WhatIf } from './WhatIf';

const route = getRouteApi('/plans/$code/targets/$target');

/** `/plans/{code}/targets/{target}`: one target — its series, the computation in words, its figures and the what-if. */
export function TargetPage(): ReactNode {
  const { code, target } = route.useParams();
  const { year } = route.useSearch();
  const { t } = useTranslation();
  return (
    <PlanFrame code={code} year={year} title={`${t('targets.target')} ${target}`}>
      {(ctx) => <TargetDetail ctx={ctx} code={target} />}
    </PlanFrame>
  );
}

function TargetDetail({ ctx, code }: { ctx: PlanContext; code: string }): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  const evaluation = useEvaluation(ctx.plan.code, ctx.year);
  return (
    <QueryState query={evaluation}>
      {(ev) => {
        const row = targetRows(ctx.data, ctx.plan, ev, lang).find((r) => r.code === code);
        if (!row) return <Result status="info" title={t('target.notFound', { code })} />;
        return (
          <div data-testid="target-detail">
            <h2 className="section-title" data-testid="target-title">
              {row.code}. {row.title}
            </h2>
            <p className="page-subtitle">
              {row.indicator ? localize(row.indicator.name, lang) : row.target.indicator} ·{' '}
              {t('targets.goal')}: {row.goal}
            </p>
            <div className="two-cols">
              <Card size="small" title={<h3 className="card-title">{t('target.computation')}</h3>}>
                <Computation ctx={ctx} row={row} />
              </Card>
              <Card size="small" title={<h3 className="card-title">{t('target.series')}</h3>}>
                <SeriesChart ctx={ctx} row={row} />
              </Card>
            </div>
            {row.target.kind !== 'milestone' && (
              <Card
                size="small"
                style={{ marginTop: 16 }}
                title={<h3 className="card-title">{t('target.whatIf')}</h3>}
              >
                <WhatIf ctx={ctx} row={row} />
              </Card>
            )}
            <div className="two-cols">
              <Card size="small" title={<h3 className="card-title">{t('target.figures')}</h3>}>
                <FiguresTable ctx={ctx} row={row} />
              </Card>
              <Card size="small" title={<h3 className="card-title">{t('target.linked')}</h3>}>
                <LinkedPrograms ctx={ctx} code={row.code} />
              </Card>
            </div>
          </div>
        );
      }}
    </QueryState>
  );
}
