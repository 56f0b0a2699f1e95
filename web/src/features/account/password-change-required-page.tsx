import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Page } from '../../components/page.tsx';
import { useLogout } from '../session/queries.ts';
import { ChangePasswordForm } from './change-password-form.tsx';

/**
 * All a session opened with a temporary password shows, whatever the address: the server refuses
 * everything else (PASSWORD_CHANGE_REQUIRED) until the password is changed. After the change the
 * session is read again and the page that was asked for appears.
 */
export function PasswordChangeRequiredPage() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Page title={t('account.passwordChangeRequired.title')} intro={t('account.passwordChangeRequired.intro')}>
      <ChangePasswordForm temporary />
      <ErrorAlert error={logout.error} />
      <p>
        <Button variant="secondary" busy={logout.isPending} onClick={() => logout.mutate()}>
          {t('account.passwordChangeRequired.signOut')}
        </Button>
      </p>
    </Page>
  );
}
