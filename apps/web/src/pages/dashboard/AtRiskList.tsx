import type { Plan } from '@chitieu/core';
import { Link } from '@tanstack/react-router';
import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EstimateMark } from '../../components/Estimate';
import type { DashboardModel } from '../../logic/dashboard';

/** The targets forecast at risk, each with the pace it still needs, in the core's words. */
export function AtRiskList({
  model,
  plan,
  year,
}: {
  model: DashboardModel;
  plan: Plan;
  year: number;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <Card size="small" title={<h2 className="card-title">{t('dashboard.atRiskTitle')}</h2>}>
      {model.atRisk.length === 0 ? (
        <p>{t('dashboard.noAtRisk')}</p>
      ) : (
        <ol className="at-risk" data-testid="at-risk">
          {model.atRisk.map((r) => (
            <li key={r.code}>
              <Link
                to="/plans/$code/targets/$target"
                params={{ code: plan.code, target: r.code }}
                search={{ year }}
              >
                {r.code}. {r.title}
              </Link>
              <EstimateMark estimate={r.estimate} />
              <div className="at-risk-sentence">{r.sentence}</div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
