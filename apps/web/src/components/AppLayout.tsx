import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { Button, Dropdown, Layout, Radio, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../api/client';
import { useSession } from '../api/queries';
import { setLanguage } from '../i18n';
import { useLang } from '../i18n/use-lang';

/** The frame of every page: header (brand, navigation, language, account) and the main area. */
export function AppLayout(): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  const session = useSession();
  const user = session.data?.user ?? null;
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const signOut = async () => {
    try {
      await api('POST', '/auth/logout');
    } finally {
      setCsrfToken(null);
      queryClient.setQueryData(['session'], { user: null, csrfToken: null });
      await queryClient.resetQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      await navigate({ to: '/' });
    }
  };

  return (
    <Layout className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Layout.Header className="app-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('app.nav')} className="app-nav">
          <Link to="/" activeOptions={{ exact: true }}>
            {t('app.home')}
          </Link>
          <Link to="/rankings">{t('app.rankings')}</Link>
          {user && <Link to="/audit">{t('app.audit')}</Link>}
        </nav>
        <Space className="app-tools">
          {/* Two visible choices, not a drop-down: one click, and no pop-up list left unnamed for screen readers. */}
          <Radio.Group
            aria-label={t('app.language')}
            value={lang}
            optionType="button"
            size="small"
            onChange={(e) => setLanguage(e.target.value as 'vi' | 'en')}
            options={[
              { value: 'vi', label: <span lang="vi">Tiếng Việt</span> },
              { value: 'en', label: <span lang="en">English</span> },
            ]}
            data-testid="language"
          />
          {user ? (
            <Dropdown
              menu={{ items: [{ key: 'out', label: t('app.signOut'), onClick: () => void signOut() }] }}
              trigger={['click']}
            >
              <Button aria-label={t('app.userMenu', { name: user.displayName ?? user.username })}>
                <UserOutlined aria-hidden /> {user.displayName ?? user.username} <DownOutlined aria-hidden />
              </Button>
            </Dropdown>
          ) : (
            <Link to="/login" search={{ redirect: undefined }}>
              <Button type="primary">{t('app.signIn')}</Button>
            </Link>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
