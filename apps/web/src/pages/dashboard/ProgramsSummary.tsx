import { formatPercent } from '@chitieu/core';
import { Card, Progress } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ColorTag } from '../../components/BandTag';
import { useLang } from '../../i18n/use-lang';
import type { DashboardModel } from '../../logic/dashboard';
import { formatDate } from '../../logic/date';
import { AA } from '../../theme/bands';

/** Each program's tasks done and mean progress; then the overdue tasks. */
export function ProgramsSummary({ model }: { model: DashboardModel }): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card size="small" title={<h2 className="card-title">{t('dashboard.programs')}</h2>}>
      {model.programs.length === 0 ? (
        <p>{t('programs.none')}</p>
      ) : (
        <ul className="program-progress">
          {model.programs.map((p) => (
            <li key={p.code}>
              <div>
                <strong>{p.code}</strong> {p.title}
              </div>
              <div className="program-line">
                <span>{t('dashboard.tasksDone', { done: p.done, total: p.total })}</span>
                {p.progress != null && (
                  <Progress
                    percent={Math.round(p.progress)}
                    strokeColor="#0958d9"
                    size="small"
                    format={() => formatPercent(p.progress, 0, lang)}
                    aria-label={`${p.code}: ${formatPercent(p.progress, 0, lang)}`}
                  />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <h3 className="section-title">{t('dashboard.overdue')}</h3>
      {model.overdue.length === 0 ? (
        <p>{t('dashboard.noOverdue')}</p>
      ) : (
        <ul data-testid="overdue">
          {model.overdue.map((task) => (
            <li key={task.code}>
              <ColorTag color={AA.red}>{t('programs.taskState.overdue')}</ColorTag>{' '}
              <strong>{task.code}</strong> {task.title}
              {task.due && <span> — {t('dashboard.due', { date: formatDate(task.due, lang) })}</span>}
              {task.lead && <span> · {task.lead}</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
