import { useTranslation } from 'react-i18next';
import type { TRole } from '../../../../core/authz/permissions.ts';
import { INITIAL_PASSWORD_DAYS } from '../../../../core/security/account-recovery.ts';
import { SelectField, TextField, type TOption } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
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
  const form = useForm<TField>({ initial: EMPTY, issuePaths: ISSUE_PATHS });
  const { values, bind } = form;

  function handleSubmit() {
    add.reset();
    const isValid = form.check({
      email: validate.email(values.email),
      displayName: validate.required(values.displayName),
      // Optional: an existing account needs none; when given it must be long enough.
      password: values.password ? validate.minLength(values.password, PASSWORD_MIN_LENGTH) : undefined,
      role: validate.required(values.role),
    });
    if (!isValid) return;
    const role = values.role as TRole;
    const displayName = values.displayName.trim();
    add.mutate(
      { email: values.email.trim(), displayName, role, ...(values.password ? { password: values.password } : {}) },
      {
        onSuccess: () => {
          onAdded(displayName, role);
          form.reset();
          add.reset();
        },
        onError: form.showServerErrors,
      },
    );
  }

  return (
    <FormShell
      form={form}
      onSubmit={handleSubmit}
      error={add.error}
      busy={add.isPending}
      submitLabel={t('members.submit')}
      busyLabel={t('members.submitting')}
      before={<p className="form__intro">{t('members.addIntro')}</p>}
    >
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
        hint={t('members.passwordHint', { min: PASSWORD_MIN_LENGTH, days: INITIAL_PASSWORD_DAYS })}
        type="password"
        autoComplete="new-password"
        dir="ltr"
        {...bind('password')}
      />
      <SelectField id="member-role" label={t('members.role')} placeholder={t('form.choose')} options={roleOptions} {...bind('role')} />
    </FormShell>
  );
}
