import { bandEdges, formatNumber, formatPercent, localUnit, targetSentence } from '@chitieu/core';
import { Button, InputNumber, Space, Table } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BandTag, ForecastTag } from '../../components/BandTag';
import type { PlanContext } from '../../components/PlanFrame';
import { useLang } from '../../i18n/use-lang';
import type { TargetRow } from '../../logic/targets';
import { remainingYears, whatIf } from '../../logic/what-if';

/**
 * Type values for the years still to come and see the achievement, band and forecast change at once —
 * computed in the browser by @chitieu/core's evaluatePlan; nothing is saved.
 */
export function WhatIf({ ctx, row }: { ctx: PlanContext; row: TargetRow }): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  const [assumed, setAssumed] = useState<Map<number, number>>(new Map());
  const years = remainingYears(ctx.plan, row.evaluation?.year ?? null);
  const result = useMemo(
    () => whatIf({ data: ctx.data, plan: ctx.plan, target: row.code, asOf: ctx.year, assumed, lang }),
    [ctx, row.code, assumed, lang],
  );
  if (years.length === 0) return <p>{t('target.whatIfNoYears')}</p>;
  if (!result) return null;
  const edges = bandEdges(ctx.plan.bands);
  const unit = row.target.input === 'rates' ? '%' : localUnit(row.indicator?.unit ?? '', lang);
  const decimals = row.indicator?.decimals ?? 1;
  const planned = (year: number) =>
    row.evaluation?.forecast.path?.find((p) => p.year === year)?.value ?? null;
  const set = (year: number, value: number | null) =>
    setAssumed((prev) => {
      const next = new Map(prev);
      if (value == null || !Number.isFinite(value)) next.delete(year);
      else next.set(year, value);
      return next;
    });
  const sides = [
    { key: 'before', label: t('target.whatIfNow'), ev: result.before },
    ...(result.after ? [{ key: 'after', label: t('target.whatIfThen'), ev: result.after }] : []),
  ];
  return (
    <div data-testid="what-if">
      <p className="muted">{t('target.whatIfHint')}</p>
      <Space wrap align="end">
        {years.map((year) => (
          <div key={year} className="what-if-field">
            <span aria-hidden>
              {t('target.whatIfValue', { year })} {unit && `(${unit})`}
            </span>
            <InputNumber
              data-testid={`what-if-${year}`}
              aria-label={t('target.whatIfValue', { year })}
              decimalSeparator={lang === 'vi' ? ',' : '.'}
              placeholder={planned(year) == null ? '' : formatNumber(planned(year), decimals, lang)}
              value={assumed.get(year) ?? null}
              onChange={(v) => set(year, typeof v === 'number' ? v : null)}
              style={{ width: 160 }}
            />
          </div>
        ))}
        <Button onClick={() => setAssumed(new Map())} disabled={assumed.size === 0}>
          {t('target.whatIfReset')}
        </Button>
      </Space>
      <Table
        style={{ marginTop: 12 }}
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={sides}
        columns={[
          { title: '', dataIndex: 'label' },
          {
            title: t('target.achievement'),
            key: 'a',
            align: 'right',
            render: (_, s) => (
              <span data-testid={`what-if-${s.key}-achievement`}>
                {formatPercent(s.ev.achievementPercent, 1, lang)}
              </span>
            ),
          },
          {
            title: t('target.bandLabel'),
            key: 'b',
            render: (_, s) => (
              <span data-testid={`what-if-${s.key}-band`} data-band={s.ev.band ?? 'none'}>
                <BandTag
                  band={s.ev.band}
                  edges={edges}
                  labels={ctx.plan.bandLabels}
                  noneText={t('dashboard.insufficient')}
                />
              </span>
            ),
          },
          {
            title: t('target.forecastClass'),
            key: 'f',
            render: (_, s) => (
              <span data-testid={`what-if-${s.key}-class`} data-class={s.ev.forecast.class}>
                <ForecastTag value={s.ev.forecast.class} />
              </span>
            ),
          },
        ]}
      />
      {result.after && row.indicator && (
        <p style={{ marginTop: 12 }} aria-live="polite">
          {targetSentence(
            { target: row.target, indicator: row.indicator, evaluation: result.after, plan: ctx.plan },
            lang,
          )}
        </p>
      )}
    </div>
  );
}
