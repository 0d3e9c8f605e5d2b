import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Alert, Button, Card, Form, Input } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../api/client';
import type { SessionResponse } from '../api/types';

const route = getRouteApi('/login');

interface Credentials {
  username: string;
  password: string;
}

/** `/login`: sign in, then go back where the visitor came from (a path of this site only). */
export function LoginPage(): ReactNode {
  const { t } = useTranslation();
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      const session = await api<SessionResponse>('POST', '/auth/login', { body: values });
      setCsrfToken(session.csrfToken);
      // Everything read before was read as someone else: read it again (the session observers stay attached).
      queryClient.setQueryData(['session'], session);
      await queryClient.resetQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      await navigate({ href: redirect ?? '/' });
    } catch (err) {
      setError(t('login.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ maxWidth: 420, margin: '40px auto' }}>
      <h1 className="page-title">{t('login.title')}</h1>
      <p className="page-subtitle">{t('login.publicHint')}</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label={t('login.username')}
          name="username"
          rules={[
            { required: true, message: t('login.required', { field: t('login.username').toLowerCase() }) },
          ]}
        >
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('login.password')}
          name="password"
          rules={[
            { required: true, message: t('login.required', { field: t('login.password').toLowerCase() }) },
          ]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('login.submit')}
        </Button>
      </Form>
    </Card>
  );
}
