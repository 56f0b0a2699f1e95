import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../components/alert.tsx';
import { Page } from '../components/page.tsx';
import { LoginForm } from '../features/session/login-form.tsx';
import { wasSignedOutByUser } from '../features/session/queries.ts';
import { navigate, safeNextPath, useSearch } from '../router.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const search = useSearch();
  const next = safeNextPath(new URLSearchParams(search).get('next'));
  return (
    <Page title={t('login.title')} intro={t('login.intro')}>
      <StatusMessage tone="neutral">{wasSignedOutByUser() ? t('login.signedOut') : null}</StatusMessage>
      <LoginForm onSignedIn={() => navigate(next, { replace: true })} />
    </Page>
  );
}
