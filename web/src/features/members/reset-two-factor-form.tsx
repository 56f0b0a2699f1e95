import { useTranslation } from 'react-i18next';
import { TWO_FACTOR_IDENTITY_CHECKS, TWO_FACTOR_RESET_REASONS, type TTwoFactorIdentityCheck, type TTwoFactorResetReason } from '../../../../core/security/two-factor-reset.ts';
import type { TMember } from '../../api/types.ts';
import { SelectField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { useResetTwoFactor } from './queries.ts';

type TField = 'userId' | 'reason' | 'identityCheck' | 'password';
const ISSUE_PATHS = { userId: 'userId', reason: 'reason', identityCheck: 'identityCheck', password: 'password' } as const satisfies Record<string, TField>;
const EMPTY: Record<TField, string> = { userId: '', reason: '', identityCheck: '', password: '' };

type TResetTwoFactorFormProps = {
  /** Members who may be reset (everyone but the administrator themself). */
  members: TMember[];
  /** Called with the member's name and how many of their sessions ended, for the page's status message. */
  onReset: (name: string, endedSessions: number) => void;
};

/**
 * For platform administrators: removes a member's two-factor enrolment after checking who asks,
 * with their own password, a reason and how identity was checked (both recorded in the audit log).
 */
export function ResetTwoFactorForm({ members, onReset }: TResetTwoFactorFormProps) {
  const { t } = useTranslation();
  const validate = useValidators();
  const reset = useResetTwoFactor();
  const form = useForm<TField>({ initial: EMPTY, issuePaths: ISSUE_PATHS });
  const { values, bind } = form;

  function handleSubmit() {
    reset.reset();
    const isValid = form.check({
      userId: validate.required(values.userId),
      reason: validate.required(values.reason),
      identityCheck: validate.required(values.identityCheck),
      password: validate.required(values.password),
    });
    if (!isValid) return;
    const name = members.find((m) => m.userId === values.userId)?.displayName ?? '';
    reset.mutate(
      { userId: values.userId, password: values.password, reason: values.reason as TTwoFactorResetReason, identityCheck: values.identityCheck as TTwoFactorIdentityCheck },
      {
        onSuccess: ({ endedSessions }) => {
          onReset(name, endedSessions);
          form.reset();
          reset.reset();
        },
        onError: form.showServerErrors,
      },
    );
  }

  return (
    <FormShell
      form={form}
      onSubmit={handleSubmit}
      error={reset.error}
      busy={reset.isPending}
      submitLabel={t('members.resetTwoFactor.submit')}
      busyLabel={t('members.resetTwoFactor.submit')}
      before={<p className="form__intro">{t('members.resetTwoFactor.explain')}</p>}
    >
      <SelectField
        id="reset-2fa-member"
        label={t('members.resetTwoFactor.member')}
        placeholder={t('form.choose')}
        options={members.map((m) => ({ value: m.userId, label: `${m.displayName} (${m.email})` }))}
        {...bind('userId')}
      />
      <SelectField
        id="reset-2fa-reason"
        label={t('members.resetTwoFactor.reason')}
        placeholder={t('form.choose')}
        options={TWO_FACTOR_RESET_REASONS.map((r) => ({ value: r, label: t(`members.resetTwoFactor.reasons.${r}`) }))}
        {...bind('reason')}
      />
      <SelectField
        id="reset-2fa-identity-check"
        label={t('members.resetTwoFactor.identityCheck')}
        placeholder={t('form.choose')}
        options={TWO_FACTOR_IDENTITY_CHECKS.map((c) => ({ value: c, label: t(`members.resetTwoFactor.identityChecks.${c}`) }))}
        {...bind('identityCheck')}
      />
      <TextField id="reset-2fa-password" label={t('members.resetTwoFactor.password')} type="password" autoComplete="current-password" dir="ltr" {...bind('password')} />
    </FormShell>
  );
}
