import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRole } from '../../../../core/authz/permissions.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { SelectField, TextField, type TOption } from '../../components/field.tsx';
import { hasErrors, useFormErrors, useValidators } from '../../components/form.ts';
import { fieldErrorsFromIssues } from '../../components/errors.ts';
import { PASSWORD_MIN_LENGTH } from '../session/queries.ts';
import { useAddMember } from './queries.ts';

type TField = 'email' | 'displayName' | 'password' | 'role';
const ISSUE_PATHS = { email: 'email', displayName: 'displayName', password: 'password', role: 'role' } as const satisfies Record<string, TField>;
const EMPTY: Record<TField, string> = { email: '', displayName: '', password: '', role: '' };

type TAddMemberFormProps = {
  orgId: string;
  /** Roles the viewer may grant. */
  roleOptions: TOption[];
  /** Called with the new member's name and role, for the page's status message. */
  onAdded: (name: string, role: TRole) => void;
};

/** Adds a person to the organisation; creates their account when the email is new (then a password is needed). */
export function AddMemberForm({ orgId, roleOptions, onAdded }: TAddMemberFormProps) {
  const { t } = useTranslation();
  const validate = useValidators();
  const add = useAddMember(orgId);
  const { formRef, errors, show } = useFormErrors<TField>();
  const [values, setValues] = useState(EMPTY);

  const bind = (field: TField) => ({
    value: values[field],
    error: errors[field],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value })),
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    add.reset();
    const next = {
      email: validate.email(values.email),
      displayName: validate.required(values.displayName),
      // Optional: an existing account needs none; when given it must be long enough.
      password: values.password ? validate.minLength(values.password, PASSWORD_MIN_LENGTH) : undefined,
      role: validate.required(values.role),
    };
    show(next);
    if (hasErrors(next)) return;
    const role = values.role as TRole;
    add.mutate(
      {
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        role,
        ...(values.password ? { password: values.password } : {}),
      },
      {
        onSuccess: () => {
          onAdded(values.displayName.trim(), role);
          setValues(EMPTY);
          add.reset();
        },
        onError: (error) => show(fieldErrorsFromIssues(error, ISSUE_PATHS)),
      },
    );
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={handleSubmit}>
      <p className="form__intro">{t('members.addIntro')}</p>
      <ErrorAlert error={add.error} fieldPaths={ISSUE_PATHS} />
        <TextField
          id="member-email"
          label={t('members.email')}
          type="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
          {...bind('email')}
        />
        <TextField id="member-display-name" label={t('members.displayName')} autoComplete="off" {...bind('displayName')} />
        <TextField
          id="member-password"
          label={
            <>
              {t('members.password')} <span className="field__optional">{t('form.optional')}</span>
            </>
          }
          hint={t('members.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          type="password"
          autoComplete="new-password"
          dir="ltr"
          {...bind('password')}
        />
        <SelectField id="member-role" label={t('members.role')} placeholder={t('form.choose')} options={roleOptions} {...bind('role')} />
      <div className="form__actions">
        <Button type="submit" busy={add.isPending} busyLabel={t('members.submitting')}>
          {t('members.submit')}
        </Button>
      </div>
    </form>
  );
}
