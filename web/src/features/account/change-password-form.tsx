import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { knownReason, useErrorMessage } from '../../components/errors.ts';
import { PASSWORD_MIN_LENGTH, useChangePassword } from '../session/queries.ts';

type TField = 'currentPassword' | 'newPassword' | 'repeatPassword';
const ISSUE_PATHS = { currentPassword: 'currentPassword', newPassword: 'newPassword' } as const satisfies Record<string, TField>;
const EMPTY: Record<TField, string> = { currentPassword: '', newPassword: '', repeatPassword: '' };

type TChangePasswordFormProps = {
  /** The current password is a temporary one from an administrator (labelled so). */
  temporary?: boolean;
};

/** Change one's own password: current password, new password typed twice. */
export function ChangePasswordForm({ temporary = false }: TChangePasswordFormProps) {
  const { t } = useTranslation();
  const validate = useValidators();
  const change = useChangePassword();
  const describe = useErrorMessage();
  const form = useForm<TField>({ initial: EMPTY, issuePaths: ISSUE_PATHS });
  const { values, bind } = form;
  const [done, setDone] = useState(false);

  function handleSubmit() {
    change.reset();
    setDone(false);
    const isValid = form.check({
      currentPassword: validate.required(values.currentPassword),
      newPassword: validate.minLength(values.newPassword, PASSWORD_MIN_LENGTH),
      repeatPassword: values.newPassword === values.repeatPassword ? undefined : t('account.passwordsDiffer'),
    });
    if (!isValid) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.reset();
          setDone(true);
        },
        onError: (error) => {
          if (knownReason(error) === 'WRONG_PASSWORD') form.show({ currentPassword: describe(error) });
          else form.showServerErrors(error);
        },
      },
    );
  }

  return (
    <FormShell
      form={form}
      onSubmit={handleSubmit}
      error={change.error}
      busy={change.isPending}
      submitLabel={t('account.submit')}
      busyLabel={t('account.submitting')}
      before={<StatusMessage>{done ? t('account.changed') : null}</StatusMessage>}
    >
      <TextField
        id="account-current-password"
        label={temporary ? t('account.passwordChangeRequired.currentPassword') : t('account.currentPassword')}
        type="password"
        autoComplete="current-password"
        dir="ltr"
        {...bind('currentPassword')}
      />
      <TextField
        id="account-new-password"
        label={t('account.newPassword')}
        hint={t('form.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        type="password"
        autoComplete="new-password"
        dir="ltr"
        {...bind('newPassword')}
      />
      <TextField id="account-repeat-password" label={t('account.repeatPassword')} type="password" autoComplete="new-password" dir="ltr" {...bind('repeatPassword')} />
    </FormShell>
  );
}
