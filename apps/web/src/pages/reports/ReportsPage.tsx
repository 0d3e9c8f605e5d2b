import { DownloadOutlined } from '@ant-design/icons';
import { getRouteApi } from '@tanstack/react-router';
import { Alert, Button, Card, Radio, Select } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../api/client';
import { type PlanContext, PlanFrame } from '../../components/PlanFrame';
import { useLang } from '../../i18n/use-lang';
import { termYears } from '../../logic/plan-data';
import { fetchReport, type ReportRequest, saveFile } from './download';
import './reports.css';

const route = getRouteApi('/plans/$code/reports');

const TYPES = ['midterm', 'annual', 'final'] as const;
const FORMATS = ['docx', 'pdf', 'xlsx'] as const;

/** `/plans/{code}/reports?year=`: choose a review report and download it. */
export function ReportsPage(): ReactNode {
  const { code } = route.useParams();
  const { year } = route.useSearch();
  const { t } = useTranslation();
  return (
    <PlanFrame code={code} year={year} title={t('reports.title')}>
      {(ctx) => <ReportForm key={`${ctx.plan.code}-${ctx.year}`} ctx={ctx} />}
    </PlanFrame>
  );
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; fileName: string }
  | { kind: 'error'; error: Error };

function ReportForm({ ctx }: { ctx: PlanContext }): ReactNode {
  const { t } = useTranslation();
  const pageLang = useLang();
  const [type, setType] = useState<ReportRequest['type']>(
    ctx.year >= ctx.plan.targetYear ? 'final' : 'annual',
  );
  const [year, setYear] = useState(ctx.year);
  const [format, setFormat] = useState<ReportRequest['format']>('docx');
  const [lang, setLang] = useState<ReportRequest['lang']>(pageLang);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const download = async () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setOutcome({ kind: 'busy' });
    try {
      const file = await fetchReport({ plan: ctx.plan.code, type, year, format, lang }, controller.signal);
      saveFile(file);
      setOutcome({ kind: 'done', fileName: file.fileName });
    } catch (error) {
      if (controller.signal.aborted) return;
      setOutcome({ kind: 'error', error: error instanceof Error ? error : new Error(String(error)) });
    }
  };
  const busy = outcome.kind === 'busy';

  return (
    <Card size="small" title={<h2 className="card-title">{t('reports.choose')}</h2>}>
      <form
        className="report-form"
        onSubmit={(e) => {
          e.preventDefault();
          void download();
        }}
      >
        <fieldset disabled={busy}>
          <legend>{t('reports.type')}</legend>
          <Radio.Group
            aria-label={t('reports.type')}
            value={type}
            onChange={(e) => setType(e.target.value as ReportRequest['type'])}
            options={TYPES.map((v) => ({ value: v, label: t(`reports.types.${v}`) }))}
          />
        </fieldset>
        <div className="report-row">
          <div className="picker">
            <span className="picker-label" aria-hidden>
              {t('reports.year')}
            </span>
            <Select
              aria-label={t('reports.year')}
              data-testid="report-year"
              disabled={busy}
              value={year}
              style={{ width: 100 }}
              onChange={setYear}
              options={termYears(ctx.plan).map((y) => ({ value: y, label: String(y) }))}
            />
          </div>
          <div className="picker">
            <span className="picker-label" aria-hidden>
              {t('reports.language')}
            </span>
            <Select
              aria-label={t('reports.language')}
              disabled={busy}
              value={lang}
              style={{ width: 140 }}
              onChange={setLang}
              options={[
                { value: 'vi', label: 'Tiếng Việt' },
                { value: 'en', label: 'English' },
              ]}
            />
          </div>
        </div>
        <fieldset disabled={busy}>
          <legend>{t('reports.format')}</legend>
          <Radio.Group
            aria-label={t('reports.format')}
            value={format}
            onChange={(e) => setFormat(e.target.value as ReportRequest['format'])}
            options={FORMATS.map((v) => ({ value: v, label: t(`reports.formats.${v}`) }))}
          />
        </fieldset>
        <p className="report-hint">{t(`reports.hints.${type}`)}</p>
        <Button
          type="primary"
          htmlType="submit"
          icon={<DownloadOutlined aria-hidden />}
          loading={busy}
          disabled={busy}
          data-testid="download"
        >
          {busy ? t('reports.downloading') : t('reports.download')}
        </Button>
        <div aria-live="polite" role="status" className="report-status">
          {busy && <span>{t('reports.working')}</span>}
          {outcome.kind === 'done' && (
            <span data-testid="report-done">{t('reports.done', { file: outcome.fileName })}</span>
          )}
        </div>
        {outcome.kind === 'error' && <ReportError error={outcome.error} onRetry={() => void download()} />}
      </form>
    </Card>
  );
}

function ReportError({ error, onRetry }: { error: Error; onRetry: () => void }): ReactNode {
  const { t } = useTranslation();
  const status = error instanceof ApiRequestError ? error.status : 0;
  const message =
    status === 401
      ? t('reports.needSignIn')
      : status === 403
        ? t('state.forbidden', { who: t('who.generic') })
        : status === 0
          ? t('reports.network')
          : error.message;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="report-error"
      title={t('reports.failed', { message })}
      action={<Button onClick={onRetry}>{t('state.retry')}</Button>}
    />
  );
}
