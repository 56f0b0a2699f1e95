import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IDENTITY_CHECKS, type TIdentityCheck } from '../../../../core/security/account-recovery.ts';
import type { TMember } from '../../api/types.ts';
import { SelectField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import type { TAccountRecoveryRequest, TIssuedTemporaryPassword } from './queries.ts';

type TField = 'userId' | 'reason' | 'identityCheck' | 'password';
const ISSUE_PATHS = { userId: 'userId', reason: 'reason', identityCheck: 'identityCheck', password: 'password' } as const satisfies Record<string, TField>;
const EMPTY: Record<TField, string> = { userId: '', reason: '', identityCheck: '', password: '' };

/** What the administrator learns from a recovery: sessions ended, and a temporary password to hand over. */
export type TRecoveryOutcome = { name: string; endedSessions: number; temporaryPassword?: TIssuedTemporaryPassword };

type TAccountRecoveryFormProps<R extends string> = {
  /** Which recovery: its strings live under `members.<kind>`, its fields' ids start with it. */
  kind: 'resetTwoFactor' | 'resetPassword';
  reasons: readonly R[];
  mutation: UseMutationResult<{ endedSessions: number; temporaryPassword?: TIssuedTemporaryPassword }, Error, TAccountRecoveryRequest<R>>;
  /** Members who may be recovered (everyone but the administrator themself). */
  members: TMember[];
  onRecovered: (outcome: TRecoveryOutcome) => void;
};

/**
 * For platform administrators: resets a member's two-factor sign-in or password after checking
 * who asks, with their own password, a reason and how identity was checked (both recorded in the
 * audit log).
 */
export function AccountRecoveryForm<R extends string>({ kind, reasons, mutation, members, onRecovered }: TAccountRecoveryFormProps<R>) {
  const { t } = useTranslation();
  const validate = useValidators();
  const form = useForm<TField>({ initial: EMPTY, issuePaths: ISSUE_PATHS });
  const { values, bind } = form;

  function handleSubmit() {
    mutation.reset();
    const isValid = form.check({
      userId: validate.required(values.userId),
      reason: validate.required(values.reason),
      identityCheck: validate.required(values.identityCheck),
      password: validate.required(values.password),
    });
    if (!isValid) return;
    const name = members.find((m) => m.userId === values.userId)?.displayName ?? '';
    mutation.mutate(
      { userId: values.userId, password: values.password, reason: values.reason as R, identityCheck: values.identityCheck as TIdentityCheck },
      {
        onSuccess: ({ endedSessions, temporaryPassword }) => {
          onRecovered({ name, endedSessions, temporaryPassword });
          form.reset();
          mutation.reset();
        },
        onError: form.showServerErrors,
      },
    );
  }

  return (
    <FormShell
      form={form}
      onSubmit={handleSubmit}
      error={mutation.error}
      busy={mutation.isPending}
      submitLabel={t(`members.${kind}.submit`)}
      busyLabel={t(`members.${kind}.submit`)}
      before={<p className="form__intro">{t(`members.${kind}.explain`)}</p>}
    >
      <SelectField
        id={`${kind}-member`}
        label={t('members.recovery.member')}
        placeholder={t('form.choose')}
        options={members.map((m) => ({ value: m.userId, label: `${m.displayName} (${m.email})` }))}
        {...bind('userId')}
      />
      <SelectField
        id={`${kind}-reason`}
        label={t('members.recovery.reason')}
        placeholder={t('form.choose')}
        options={reasons.map((r) => ({ value: r, label: t(`members.${kind}.reasons.${r}` as 'members.resetTwoFactor.reasons.lostDeviceAndCodes') }))}
        {...bind('reason')}
      />
      <SelectField
        id={`${kind}-identity-check`}
        label={t('members.recovery.identityCheck')}
        placeholder={t('form.choose')}
        options={IDENTITY_CHECKS.map((c) => ({ value: c, label: t(`members.recovery.identityChecks.${c}`) }))}
        {...bind('identityCheck')}
      />
      <TextField id={`${kind}-password`} label={t('members.recovery.password')} type="password" autoComplete="current-password" dir="ltr" {...bind('password')} />
    </FormShell>
  );
}
