import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { SetupForm } from '../features/session/setup-form.tsx';
import { navigate } from '../router.tsx';

export function SetupPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('setup.title')} intro={t('setup.intro')}>
      <SetupForm onDone={() => navigate('/', { replace: true })} />
    </Page>
  );
}
