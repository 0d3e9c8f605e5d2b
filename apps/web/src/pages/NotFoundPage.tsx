import { Link } from '@tanstack/react-router';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function NotFoundPage(): ReactNode {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<h1 className="page-title">{t('notFound.title')}</h1>}
      subTitle={t('state.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('state.backHome')}</Button>
        </Link>
      }
    />
  );
}
