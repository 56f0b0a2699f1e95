import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_RESET_REASONS, TWO_FACTOR_RESET_REASONS } from '../../../../core/security/account-recovery.ts';
import type { TMember } from '../../api/types.ts';
import type { TStatusText } from '../../components/alert.tsx';
import { Section } from '../../components/page.tsx';
import { AccountRecoveryForm, type TRecoveryOutcome } from './account-recovery-form.tsx';
import { useResetPassword, useResetTwoFactor } from './queries.ts';
import { TemporaryPasswordNotice } from './temporary-password-notice.tsx';

type TAccountRecoveryProps = {
  /** Members who may be recovered (everyone but the administrator themself). */
  members: TMember[];
  onStatus: (status: TStatusText) => void;
};

/**
 * The platform administrator's account recovery on the members page: reset someone's two-factor
 * sign-in, or give them a temporary password. A temporary password stays on screen until hidden.
 */
export function AccountRecovery({ members, onStatus }: TAccountRecoveryProps) {
  const { t } = useTranslation();
  const resetTwoFactor = useResetTwoFactor();
  const resetPassword = useResetPassword();
  const [issued, setIssued] = useState<Required<Pick<TRecoveryOutcome, 'name' | 'temporaryPassword'>> | null>(null);

  function recovered(doneKey: 'members.resetTwoFactor.done' | 'members.resetPassword.done') {
    return ({ name, endedSessions, temporaryPassword }: TRecoveryOutcome) => {
      onStatus((tr) => tr(doneKey, { name, count: endedSessions }));
      setIssued(temporaryPassword ? { name, temporaryPassword } : null);
    };
  }

  return (
    <>
      {issued && <TemporaryPasswordNotice name={issued.name} issued={issued.temporaryPassword} onDismiss={() => setIssued(null)} />}
      <Section id="members-reset-password" title={t('members.resetPassword.open')}>
        <AccountRecoveryForm kind="resetPassword" reasons={PASSWORD_RESET_REASONS} mutation={resetPassword} members={members} onRecovered={recovered('members.resetPassword.done')} />
      </Section>
      <Section id="members-reset-two-factor" title={t('members.resetTwoFactor.open')}>
        <AccountRecoveryForm kind="resetTwoFactor" reasons={TWO_FACTOR_RESET_REASONS} mutation={resetTwoFactor} members={members} onRecovered={recovered('members.resetTwoFactor.done')} />
      </Section>
    </>
  );
}
