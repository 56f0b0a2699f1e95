import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS, type TOrganisationKind } from '../../../../core/organisations/kinds.ts';
import { SelectField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { knownReason } from '../../components/errors.ts';
import { PASSWORD_MIN_LENGTH, sessionKeys, useSetup } from './queries.ts';

type TField = 'setupToken' | 'organisationName' | 'organisationKind' | 'displayName' | 'email' | 'password';

const ISSUE_PATHS = {
  setupToken: 'setupToken',
  'organisation.name': 'organisationName',
  'organisation.kind': 'organisationKind',
  'admin.displayName': 'displayName',
  'admin.email': 'email',
  'admin.password': 'password',
} as const satisfies Record<string, TField>;

const EMPTY: Record<TField, string> = { setupToken: '', organisationName: '', organisationKind: '', displayName: '', email: '', password: '' };

/** First-run form: the setup token from the server log, the first organisation and its administrator. */
export function SetupForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const validate = useValidators();
  const setup = useSetup();
  const queryClient = useQueryClient();
  const form = useForm<TField>({ initial: EMPTY, issuePaths: ISSUE_PATHS });
  const { values, bind } = form;

  function handleSubmit() {
    setup.reset();
    const isValid = form.check({
      setupToken: validate.required(values.setupToken),
      organisationName: validate.required(values.organisationName),
      organisationKind: validate.required(values.organisationKind),
      displayName: validate.required(values.displayName),
      email: validate.email(values.email),
      password: validate.minLength(values.password, PASSWORD_MIN_LENGTH),
    });
    if (!isValid) return;
    setup.mutate(
      {
        setupToken: values.setupToken.trim(),
        organisation: { name: values.organisationName.trim(), kind: values.organisationKind as TOrganisationKind },
        admin: { email: values.email.trim(), displayName: values.displayName.trim(), password: values.password },
      },
      {
        onSuccess: onDone,
        onError: (error) => {
          const reason = knownReason(error);
          // Someone else finished setup meanwhile: re-read the status and the app moves on to sign-in.
          if (reason === 'SETUP_DONE') void queryClient.invalidateQueries({ queryKey: sessionKeys.setup });
          if (reason === 'SETUP_TOKEN_INVALID') form.show({ setupToken: t('errors.reasons.SETUP_TOKEN_INVALID') });
          else form.showServerErrors(error);
        },
      },
    );
  }

  return (
    <FormShell form={form} onSubmit={handleSubmit} error={setup.error} busy={setup.isPending} submitLabel={t('setup.submit')} busyLabel={t('setup.submitting')}>
      <TextField
        id="setup-token"
        label={t('setup.token')}
        hint={t('setup.tokenHint')}
        autoComplete="off"
        spellCheck={false}
        dir="ltr"
        {...bind('setupToken')}
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('setup.organisationSection')}</legend>
        <TextField id="setup-org-name" label={t('setup.organisationName')} autoComplete="organization" {...bind('organisationName')} />
        <SelectField
          id="setup-org-kind"
          label={t('setup.organisationKind')}
          placeholder={t('form.choose')}
          options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`organisationKinds.${kind}`) }))}
          {...bind('organisationKind')}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('setup.adminSection')}</legend>
        <TextField id="setup-display-name" label={t('setup.displayName')} autoComplete="name" {...bind('displayName')} />
        <TextField
          id="setup-email"
          label={t('setup.email')}
          type="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
          {...bind('email')}
        />
        <TextField
          id="setup-password"
          label={t('setup.password')}
          hint={t('form.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          type="password"
          autoComplete="new-password"
          dir="ltr"
          {...bind('password')}
        />
      </fieldset>
    </FormShell>
  );
}
