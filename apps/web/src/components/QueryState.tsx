import { Link } from '@tanstack/react-router';
import { Alert, Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/client';

interface QueryLike<T> {
  data: T | undefined;
  error: Error | null;
  isPending: boolean;
  refetch: () => unknown;
}

interface Props<T> {
  query: QueryLike<T>;
  /** Who may see this, said on a 403 ("only people with a role at unit 502 …"). */
  who?: string;
  /** When the data is there but holds nothing to show. */
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
  children: (data: T) => ReactNode;
}

/**
 * The designed states of every read: loading, error (401 asks to sign in, 403 says who may see it,
 * 404 says nothing is there), empty, then the content.
 *
 * @example
 * <QueryState query={usePlans()} isEmpty={(p) => p.items.length === 0} emptyText={t('home.none')}>
 *   {(plans) => <PlanList plans={plans.items} />}
 * </QueryState>
 */
export function QueryState<T>({ query, who, isEmpty, emptyText, children }: Props<T>): ReactNode {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <div className="state-loading" role="status" aria-live="polite">
        <Spin />
        <span>{t('state.loading')}</span>
      </div>
    );
  }
  if (query.error) return <ErrorState error={query.error} who={who} retry={() => query.refetch()} />;
  const data = query.data as T;
  if (isEmpty?.(data)) return <Empty description={emptyText ?? t('state.empty')} />;
  return <>{children(data)}</>;
}

export function ErrorState({
  error,
  who,
  retry,
}: {
  error: Error;
  who?: string;
  retry?: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const status = error instanceof ApiRequestError ? error.status : 0;
  if (status === 401) {
    return (
      <Result
        status="info"
        title={t('state.unauthenticated')}
        extra={
          <Link to="/login" search={{ redirect: window.location.pathname + window.location.search }}>
            <Button type="primary">{t('app.signIn')}</Button>
          </Link>
        }
      />
    );
  }
  if (status === 403) {
    return <Result status="warning" title={t('state.forbidden', { who: who ?? t('who.generic') })} />;
  }
  if (status === 404) {
    return (
      <Result
        status="info"
        title={t('state.notFound')}
        extra={
          <Link to="/">
            <Button>{t('state.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title={t('state.error', { message: error.message })}
      action={retry ? <Button onClick={retry}>{t('state.retry')}</Button> : undefined}
    />
  );
}
