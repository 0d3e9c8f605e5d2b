import { localize, taskState } from '@chitieu/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanContext } from '../../components/PlanFrame';
import { useLang } from '../../i18n/use-lang';
import { reviewDate } from '../../logic/dashboard';
import { formatDate } from '../../logic/date';

/** The programs that name this target, with their tasks' state. */
export function LinkedPrograms({ ctx, code }: { ctx: PlanContext; code: string }): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  const programs = (ctx.plan.programs ?? []).filter((p) => p.targets?.includes(code));
  if (programs.length === 0) return <p>{t('target.noLinked')}</p>;
  const asOf = reviewDate(ctx.year, new Date().toISOString().slice(0, 10));
  return (
    <ul className="linked-programs">
      {programs.map((p) => (
        <li key={p.code}>
          <strong>{p.code}</strong> {localize(p.title, lang)} ({t(`programs.kind.${p.kind}`)})
          <ul>
            {(p.tasks ?? []).map((task) => (
              <li key={task.code}>
                {task.code} {localize(task.title, lang)} —{' '}
                {t(`programs.taskState.${taskState(task, { asOf })}`)}
                {task.due && ` · ${t('dashboard.due', { date: formatDate(task.due, lang) })}`}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
