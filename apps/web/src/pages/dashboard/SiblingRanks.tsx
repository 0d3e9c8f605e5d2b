import { localize, type Ranking } from '@chitieu/core';
import { useQueries } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, api } from '../../api/client';
import { useSession } from '../../api/queries';
import type { PlanContext } from '../../components/PlanFrame';
import { useLang } from '../../i18n/use-lang';

/**
 * The unit's rank among its siblings, for each of the plan's indicators that siblings also report
 * ("xếp thứ 4/13"), as the API's ranking (the core's competition rank) says.
 */
export function SiblingRanks({ ctx }: { ctx: PlanContext }): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  // Rankings are for signed-in readers: an anonymous visitor is not sent to ask (no 401 in the console).
  const signedIn = useSession().data?.user != null;
  const parent = ctx.data.units.find((u) => u.code === ctx.plan.unit)?.parent ?? undefined;
  const codes = [
    ...new Set(ctx.plan.targets.filter((tg) => tg.kind !== 'milestone').map((tg) => tg.indicator)),
  ];
  const results = useQueries({
    queries: codes.map((indicator) => ({
      queryKey: ['ranking', { indicator, year: ctx.year, parent, by: 'value' }],
      queryFn: () => api<Ranking>('GET', '/rankings', { query: { indicator, year: ctx.year, parent } }),
      enabled: parent !== undefined && signedIn,
      retry: false,
    })),
  });
  const denied =
    !signedIn ||
    results.some(
      (r) => r.error instanceof ApiRequestError && (r.error.status === 401 || r.error.status === 403),
    );
  const rows = results
    .map((r, i) => {
      const mine = r.data?.rows.find((row) => row.unit === ctx.plan.unit);
      const indicator = ctx.indicators.get(codes[i] ?? '');
      // Only where another sibling reported a figure too: alone among units with no data is no rank.
      const others = (r.data?.rows.length ?? 0) > 1;
      return mine && others && indicator
        ? { code: indicator.code, name: localize(indicator.name, lang), ...mine }
        : null;
    })
    .filter((r) => r !== null);
  const pending = results.some((r) => r.isPending && r.fetchStatus !== 'idle');
  return (
    <Card size="small" title={<h2 className="card-title">{t('dashboard.rank')}</h2>}>
      {denied ? (
        <p>
          {t('dashboard.rankSignIn')}{' '}
          <Link to="/login" search={{ redirect: `/plans/${ctx.plan.code}` }}>
            {t('app.signIn')}
          </Link>
        </p>
      ) : pending ? (
        <p role="status">{t('state.loading')}</p>
      ) : rows.length === 0 ? (
        <p>{t('dashboard.noRank')}</p>
      ) : (
        <ul className="ranks" data-testid="ranks">
          {rows.map((r) => (
            <li key={r.code}>
              <Link to="/rankings" search={{ indicator: r.code, year: ctx.year, parent }}>
                {r.name}
              </Link>
              : <strong>{t('dashboard.rankLine', { rank: r.rank, of: r.of })}</strong>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
