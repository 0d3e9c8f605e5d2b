import { bandEdges, formatPercent, type Plan, type ProgramKind } from '@chitieu/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Card, Checkbox, Empty, Progress, Select, Table, Tag } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvaluation } from '../../api/queries';
import { BandTag } from '../../components/BandTag';
import { type PlanContext, PlanFrame } from '../../components/PlanFrame';
import { QueryState } from '../../components/QueryState';
import { useLang } from '../../i18n/use-lang';
import { formatDate } from '../../logic/date';
import { KIND_ORDER, type ProgramModel, programsModel, type TaskRowModel } from './programs-model';
import { TaskStateTag } from './TaskStateTag';
import './programs.css';

const route = getRouteApi('/plans/$code/programs');

/** `/plans/{code}/programs?year=`: key programs, breakthroughs and task groups, their tasks and targets. */
export function ProgramsPage(): ReactNode {
  const { code } = route.useParams();
  const { year } = route.useSearch();
  const { t } = useTranslation();
  return (
    <PlanFrame code={code} year={year} title={t('programs.title')}>
      {(ctx) => <Programs ctx={ctx} />}
    </PlanFrame>
  );
}

function Programs({ ctx }: { ctx: PlanContext }): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  const evaluation = useEvaluation(ctx.plan.code, ctx.year);
  const [kind, setKind] = useState<ProgramKind | 'all'>('all');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const today = new Date().toISOString().slice(0, 10);
  const ev = evaluation.data;
  const programs = useMemo(() => programsModel(ctx.plan, ev, lang, today), [ctx.plan, ev, lang, today]);
  if ((ctx.plan.programs ?? []).length === 0) return <Empty description={t('programs.none')} />;
  const kinds = KIND_ORDER.filter((k) => programs.some((p) => p.kind === k));
  const shown = programs.filter(
    (p) => (kind === 'all' || p.kind === kind) && (!overdueOnly || p.overdue > 0),
  );
  const overdueTotal = programs.reduce((n, p) => n + p.overdue, 0);
  return (
    <QueryState query={evaluation}>
      {() => (
        <div data-testid="programs">
          <p data-testid="overdue-total">
            {overdueTotal === 0
              ? t('programs.noOverdue')
              : t('programs.overdueTotal', { count: overdueTotal })}
          </p>
          <div className="page-tools">
            <div className="picker">
              <span className="picker-label" aria-hidden>
                {t('programs.kindFilter')}
              </span>
              <Select
                aria-label={t('programs.kindFilter')}
                value={kind}
                style={{ width: 220 }}
                onChange={setKind}
                options={[
                  { value: 'all', label: t('programs.allKinds') },
                  ...kinds.map((k) => ({ value: k, label: t(`programs.kind.${k}`) })),
                ]}
              />
            </div>
            <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
              {t('programs.overdueOnly')}
            </Checkbox>
          </div>
          {shown.length === 0 ? (
            <Empty description={t('programs.noneShown')} />
          ) : (
            shown.map((p) => <ProgramCard key={p.code} program={p} plan={ctx.plan} year={ctx.year} />)
          )}
        </div>
      )}
    </QueryState>
  );
}

function ProgramCard({
  program,
  plan,
  year,
}: {
  program: ProgramModel;
  plan: Plan;
  year: number;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  const edges = bandEdges(plan.bands);
  const headingId = `program-${program.code}`;
  return (
    <Card
      size="small"
      className="program-card"
      data-testid={`program-${program.code}`}
      title={
        <h2 className="card-title" id={headingId}>
          <Tag>{t(`programs.kind.${program.kind}`)}</Tag> {program.code}. {program.title}
        </h2>
      }
    >
      <p className="program-sentence">{program.sentence}</p>
      {program.lead && (
        <p>
          {t('programs.lead')}: {program.lead}
        </p>
      )}
      <h3 className="section-title">{t('programs.linkedTargets')}</h3>
      {program.targets.length === 0 ? (
        <p>{t('programs.noTargets')}</p>
      ) : (
        <ul className="linked-targets" aria-label={t('programs.linkedTargets')}>
          {program.targets.map((tg) => (
            <li key={tg.code}>
              <Link
                to="/plans/$code/targets/$target"
                params={{ code: plan.code, target: tg.code }}
                search={{ year }}
              >
                {tg.code}. {tg.title}
              </Link>
              <BandTag
                band={tg.evaluation?.band}
                edges={edges}
                labels={plan.bandLabels}
                noneText={t('programs.noData')}
              />
              {tg.evaluation?.achievementPercent != null && (
                <span>
                  {t('programs.achieved', {
                    value: formatPercent(tg.evaluation.achievementPercent, 1, lang),
                  })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <TaskTable tasks={program.tasks} labelledBy={headingId} />
    </Card>
  );
}

function TaskTable({ tasks, labelledBy }: { tasks: TaskRowModel[]; labelledBy: string }): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  if (tasks.length === 0) return <p>{t('programs.noTasks')}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it
    <section className="table-scroll" tabIndex={0} aria-labelledby={labelledBy}>
      <Table<TaskRowModel>
        className="task-table"
        size="small"
        rowKey="code"
        pagination={false}
        style={{ minWidth: 760 }}
        dataSource={tasks}
        aria-labelledby={labelledBy}
        rowClassName={(r) => (r.state === 'overdue' ? 'task-overdue' : '')}
        columns={[
          { title: t('programs.code'), dataIndex: 'code', width: 80 },
          { title: t('programs.task'), dataIndex: 'title' },
          {
            title: t('programs.lead'),
            dataIndex: 'lead',
            render: (v: string | null) => v ?? '—',
            width: 200,
          },
          {
            title: t('programs.due'),
            dataIndex: 'due',
            width: 110,
            render: (v: string | null) => (v ? formatDate(v, lang) : '—'),
          },
          {
            title: t('programs.state'),
            dataIndex: 'state',
            width: 160,
            render: (_: unknown, r: TaskRowModel) => <TaskStateTag state={r.state} />,
          },
          {
            title: t('programs.progress'),
            dataIndex: 'progress',
            width: 150,
            render: (_: unknown, r: TaskRowModel) =>
              r.progress == null ? (
                '—'
              ) : (
                <Progress
                  percent={Math.round(Math.min(Math.max(r.progress, 0), 100))}
                  size="small"
                  strokeColor="#0958d9"
                  format={() => formatPercent(r.progress, 0, lang)}
                  aria-label={`${r.code}: ${formatPercent(r.progress, 0, lang)}`}
                />
              ),
          },
        ]}
      />
    </section>
  );
}
