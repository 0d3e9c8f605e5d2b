import { formatNumber } from '@chitieu/core';
import { Table } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFigureHistory, useSession } from '../../api/queries';
import type { PlanContext } from '../../components/PlanFrame';
import { useLang } from '../../i18n/use-lang';
import type { TargetRow } from '../../logic/targets';

interface FigureLine {
  key: string;
  year: number;
  value: number;
  status: 'official' | 'preliminary' | 'estimate' | 'plan';
  source: string;
}

/** Every figure of the target's indicator for the plan's unit, with status and source; its history on demand. */
export function FiguresTable({ ctx, row }: { ctx: PlanContext; row: TargetRow }): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  const signedIn = useSession().data?.user != null;
  const lines: FigureLine[] = ctx.data.values
    .filter(
      (v) => v.unit === ctx.plan.unit && v.indicator === row.target.indicator && (v.period ?? '') === '',
    )
    .map((v) => ({
      key: `${v.year}-${v.status}`,
      year: v.year,
      value: v.value,
      status: v.status,
      source: v.source ?? '—',
    }))
    .sort((a, b) => a.year - b.year || a.status.localeCompare(b.status));
  return (
    <>
      {!signedIn && <p className="muted">{t('target.historySignIn')}</p>}
      <Table<FigureLine>
        size="small"
        pagination={false}
        dataSource={lines}
        locale={{ emptyText: t('state.empty') }}
        expandable={
          signedIn
            ? {
                expandedRowRender: (line) => <History ctx={ctx} row={row} year={line.year} />,
                rowExpandable: (line) => line.status !== 'plan',
              }
            : undefined
        }
        columns={[
          { title: t('target.year'), dataIndex: 'year' },
          {
            title: t('target.value'),
            key: 'value',
            align: 'right',
            render: (_, l) => formatNumber(l.value, row.indicator?.decimals ?? 1, lang),
          },
          { title: t('target.status'), key: 'status', render: (_, l) => t(`status.${l.status}`) },
          { title: t('target.source'), dataIndex: 'source' },
        ]}
      />
    </>
  );
}

function History({ ctx, row, year }: { ctx: PlanContext; row: TargetRow; year: number }): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  const history = useFigureHistory(ctx.plan.unit, row.target.indicator, year, true);
  if (history.isPending) return <span role="status">{t('state.loading')}</span>;
  if (history.error) return <span>{history.error.message}</span>;
  const entries = history.data?.entries ?? [];
  if (entries.length === 0) return <span>{t('target.noHistory')}</span>;
  return (
    <ul className="history">
      {entries.map((e) => (
        <li key={e.id}>
          {new Date(e.at).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')} · {e.user ?? '—'} · {e.action}
          {e.reason ? ` · ${e.reason}` : ''}
        </li>
      ))}
    </ul>
  );
}
