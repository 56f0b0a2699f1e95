import { useTranslation } from 'react-i18next';
import { Page, Section } from '../components/page.tsx';
import { ChangePasswordForm } from '../features/account/change-password-form.tsx';
import { useActiveOrg } from '../features/session/active-org.tsx';
import { TwoFactorAccountSection } from '../features/security/two-factor-section.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  const { session } = useActiveOrg();
  return (
    <Page title={t('account.title')}>
      <Section id="account-profile" title={t('account.profile')}>
        <dl className="details">
          <div>
            <dt>{t('account.name')}</dt>
            <dd>{session.user.displayName}</dd>
          </div>
          <div>
            <dt>{t('account.email')}</dt>
            <dd>
              <bdi>{session.user.email}</bdi>
            </dd>
          </div>
        </dl>
      </Section>
      <Section id="account-password" title={t('account.passwordTitle')}>
        <ChangePasswordForm />
      </Section>
      <TwoFactorAccountSection />
    </Page>
  );
}
