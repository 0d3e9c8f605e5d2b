import { localize } from '@chitieu/core';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Button, DatePicker, Input, Result, Select, Table } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/queries';
import { type AuditRecord, useAllUnits, useAuditPage, useIndicators } from '../../api/queries-reference';
import { QueryState } from '../../components/QueryState';
import { useLang } from '../../i18n/use-lang';
import type { AuditSearch } from '../../routes/router';
import { type AuditFilters, auditQueryOf, changeLines, formatDateTime } from './audit-format';
import './audit.css';

const route = getRouteApi('/audit');
const PAGE_SIZE = 50;
const ENTITIES = [
  'figure',
  'target',
  'plan',
  'plan-file',
  'program',
  'task',
  'progress-note',
  'indicator',
  'unit',
  'unit-lineage',
  'workflow',
  'user',
  'role',
  'token',
  'session',
] as const;
const isoDay = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);

/** `/audit?unit=&indicator=&user=&entity=&from=&to=`: who changed what, when and why. */
export function AuditPage(): ReactNode {
  const { t } = useTranslation();
  const session = useSession();
  const signedIn = session.data?.user != null;
  return (
    <div>
      <h1 className="page-title">{t('audit.title')}</h1>
      <p className="page-subtitle">{t('audit.intro')}</p>
      {session.isPending ? null : signedIn ? (
        <AuditTrail />
      ) : (
        // No request without a session: the page says who may read it instead of a 401 in the console.
        <Result
          status="info"
          title={t('audit.signIn')}
          subTitle={t('who.audit')}
          extra={
            <Link to="/login" search={{ redirect: '/audit' }}>
              <Button type="primary">{t('app.signIn')}</Button>
            </Link>
          }
        />
      )}
    </div>
  );
}

function AuditTrail(): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  const search = route.useSearch();
  const navigate = useNavigate();
  const units = useAllUnits();
  const indicators = useIndicators();
  const filters: AuditFilters = { ...search, from: isoDay(search.from), to: isoDay(search.to) };
  const set = (patch: Partial<AuditSearch>) =>
    void navigate({ to: '/audit', search: (prev: AuditSearch) => ({ ...prev, ...patch }) });

  // Pages go back by id: the cursor of each page seen so far, reset when a filter changes.
  const filterKey = JSON.stringify(filters);
  const [paging, setPaging] = useState<{ key: string; cursors: (number | undefined)[] }>({
    key: filterKey,
    cursors: [undefined],
  });
  const cursors = paging.key === filterKey ? paging.cursors : [undefined];
  const setCursors = (next: (c: (number | undefined)[]) => (number | undefined)[]) =>
    setPaging({ key: filterKey, cursors: next(cursors) });
  const page = cursors.length - 1;
  const query = useAuditPage(auditQueryOf(filters, PAGE_SIZE, cursors[page]), true);
  const [user, setUser] = useState(search.user ?? '');
  useEffect(() => setUser(search.user ?? ''), [search.user]);

  // Dates typed and shown the page language's way: 30/06/2023 in Vietnamese.
  const dateFormat = lang === 'vi' ? 'DD/MM/YYYY' : 'DD MMM YYYY';
  const words = {
    field: (k: string) => t(`audit.fields.${k}`, { defaultValue: k }),
    value: (k: string, v: string) =>
      k === 'status'
        ? t(`status.${v}`, { defaultValue: t(`programs.taskState.${v}`, { defaultValue: v }) })
        : v,
  };
  const unitNames = useMemo(
    () => new Map((units.data?.items ?? []).map((u) => [u.code, u.name])),
    [units.data],
  );

  return (
    <>
      <form
        className="audit-filters"
        aria-label={t('audit.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          set({ user: user.trim() || undefined });
        }}
      >
        <div className="picker">
          <span aria-hidden>{t('audit.unit')}</span>
          <Select
            aria-label={t('audit.unit')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.anyUnit')}
            value={search.unit}
            style={{ width: 220 }}
            onChange={(unit?: string) => set({ unit })}
            options={(units.data?.items ?? []).map((u) => ({
              value: u.code,
              label: `${u.name} (${u.code})`,
            }))}
          />
        </div>
        <div className="picker">
          <span aria-hidden>{t('audit.indicator')}</span>
          <Select
            aria-label={t('audit.indicator')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.anyIndicator')}
            value={search.indicator}
            style={{ width: 260 }}
            onChange={(indicator?: string) => set({ indicator })}
            options={(indicators.data?.items ?? []).map((i) => ({
              value: i.code,
              label: `${localize(i.name, lang)} (${i.code})`,
            }))}
          />
        </div>
        <div className="picker">
          <span aria-hidden>{t('audit.entity')}</span>
          <Select
            aria-label={t('audit.entity')}
            allowClear
            placeholder={t('audit.anyEntity')}
            value={search.entity}
            style={{ width: 180 }}
            onChange={(entity?: string) => set({ entity })}
            options={ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
          />
        </div>
        <div className="picker">
          <span aria-hidden>{t('audit.user')}</span>
          <Input
            aria-label={t('audit.user')}
            value={user}
            style={{ width: 160 }}
            placeholder={t('audit.userPlaceholder')}
            onChange={(e) => setUser(e.target.value)}
            onBlur={() => set({ user: user.trim() || undefined })}
            allowClear
          />
        </div>
        <div className="picker">
          <span aria-hidden>{t('audit.from')}</span>
          <DatePicker
            aria-label={t('audit.from')}
            format={dateFormat}
            placeholder={dateFormat}
            value={filters.from ? dayjs(filters.from) : null}
            disabledDate={(d) => (filters.to ? d.isAfter(dayjs(filters.to), 'day') : false)}
            style={{ width: 160 }}
            onChange={(d) => set({ from: d ? d.format('YYYY-MM-DD') : undefined })}
          />
        </div>
        <div className="picker">
          <span aria-hidden>{t('audit.to')}</span>
          <DatePicker
            aria-label={t('audit.to')}
            format={dateFormat}
            placeholder={dateFormat}
            value={filters.to ? dayjs(filters.to) : null}
            disabledDate={(d) => (filters.from ? d.isBefore(dayjs(filters.from), 'day') : false)}
            style={{ width: 160 }}
            onChange={(d) => set({ to: d ? d.format('YYYY-MM-DD') : undefined })}
          />
        </div>
        <Button htmlType="submit">{t('audit.apply')}</Button>
        <Button
          onClick={() => {
            setUser('');
            void navigate({ to: '/audit', search: {} });
          }}
        >
          {t('audit.clear')}
        </Button>
      </form>
      <QueryState query={query} who={t('who.audit')}>
        {(data) => {
          const entries = data.entries.slice(0, PAGE_SIZE);
          const more = data.entries.length > PAGE_SIZE;
          const last = entries[entries.length - 1];
          return (
            <>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it */}
              <section className="table-scroll" tabIndex={0} aria-label={t('audit.title')}>
                <Table<AuditRecord>
                  size="small"
                  rowKey="id"
                  data-testid="audit-table"
                  pagination={false}
                  style={{ minWidth: 1240 }}
                  dataSource={entries}
                  locale={{ emptyText: t('audit.none') }}
                  columns={[
                    {
                      title: t('audit.at'),
                      dataIndex: 'at',
                      width: 150,
                      render: (v: string) => formatDateTime(v, lang),
                    },
                    {
                      title: t('audit.user'),
                      dataIndex: 'user',
                      width: 120,
                      render: (v: string | null) => v ?? '—',
                    },
                    {
                      title: t('audit.action'),
                      dataIndex: 'action',
                      width: 120,
                      render: (v: string) => t(`audit.actions.${v}`, { defaultValue: v }),
                    },
                    {
                      title: t('audit.entity'),
                      dataIndex: 'entity',
                      width: 200,
                      render: (_: unknown, r: AuditRecord) => (
                        <>
                          {t(`audit.entities.${r.entity}`, { defaultValue: r.entity })}
                          {r.entityId && <div className="audit-id">{r.entityId}</div>}
                        </>
                      ),
                    },
                    {
                      title: t('audit.unit'),
                      dataIndex: 'unit',
                      width: 150,
                      render: (v: string | null) => (v ? (unitNames.get(v) ?? v) : '—'),
                    },
                    {
                      title: t('audit.change'),
                      key: 'change',
                      render: (_: unknown, r: AuditRecord) => {
                        const lines = changeLines(r.old, r.new, lang, words);
                        return lines.length === 0 ? (
                          '—'
                        ) : (
                          <ul className="audit-change">
                            {lines.slice(0, 6).map((l) => (
                              <li key={l}>{l}</li>
                            ))}
                            {lines.length > 6 && (
                              <li>{t('audit.moreFields', { count: lines.length - 6 })}</li>
                            )}
                          </ul>
                        );
                      },
                    },
                    {
                      title: t('audit.reason'),
                      dataIndex: 'reason',
                      width: 180,
                      render: (v: string | null) => v ?? '—',
                    },
                  ]}
                />
              </section>
              <nav className="audit-pager" aria-label={t('audit.pages')}>
                <Button disabled={page === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
                  {t('audit.newer')}
                </Button>
                <span role="status">{t('audit.pageN', { page: page + 1 })}</span>
                <Button
                  disabled={!more || !last}
                  onClick={() => last && setCursors((c) => [...c, last.id])}
                  data-testid="audit-older"
                >
                  {t('audit.older')}
                </Button>
              </nav>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
