import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/field.tsx';
import { hasErrors, useFormErrors, useValidators } from '../../components/form.ts';
import { fieldErrorsFromIssues, knownReason, useErrorMessage } from '../../components/errors.ts';
import { PASSWORD_MIN_LENGTH, useChangePassword } from '../session/queries.ts';

type TField = 'currentPassword' | 'newPassword' | 'repeatPassword';
const ISSUE_PATHS = { currentPassword: 'currentPassword', newPassword: 'newPassword' } as const satisfies Record<string, TField>;

/** Change one's own password: current password, new password typed twice. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const validate = useValidators();
  const change = useChangePassword();
  const describe = useErrorMessage();
  const { formRef, errors, show } = useFormErrors<TField>();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeatPassword, setRepeatPassword] = useState('');
  const [done, setDone] = useState(false);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    change.reset();
    setDone(false);
    const next = {
      currentPassword: validate.required(currentPassword),
      newPassword: validate.minLength(newPassword, PASSWORD_MIN_LENGTH),
      repeatPassword: newPassword === repeatPassword ? undefined : t('account.passwordsDiffer'),
    };
    show(next);
    if (hasErrors(next)) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          setRepeatPassword('');
          setDone(true);
        },
        onError: (error) =>
          show(knownReason(error) === 'WRONG_PASSWORD' ? { currentPassword: describe(error) } : fieldErrorsFromIssues(error, ISSUE_PATHS)),
      },
    );
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={handleSubmit}>
      <StatusMessage>{done ? t('account.changed') : null}</StatusMessage>
      <ErrorAlert error={change.error} fieldPaths={ISSUE_PATHS} />
      <TextField
        id="account-current-password"
        label={t('account.currentPassword')}
        type="password"
        autoComplete="current-password"
        dir="ltr"
        value={currentPassword}
        onChange={(e) => setCurrentPassword(e.target.value)}
        error={errors.currentPassword}
      />
      <TextField
        id="account-new-password"
        label={t('account.newPassword')}
        hint={t('form.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        type="password"
        autoComplete="new-password"
        dir="ltr"
        value={newPassword}
        onChange={(e) => setNewPassword(e.target.value)}
        error={errors.newPassword}
      />
      <TextField
        id="account-repeat-password"
        label={t('account.repeatPassword')}
        type="password"
        autoComplete="new-password"
        dir="ltr"
        value={repeatPassword}
        onChange={(e) => setRepeatPassword(e.target.value)}
        error={errors.repeatPassword}
      />
      <div className="form__actions">
        <Button type="submit" busy={change.isPending} busyLabel={t('account.submitting')}>
          {t('account.submit')}
        </Button>
      </div>
    </form>
  );
}

