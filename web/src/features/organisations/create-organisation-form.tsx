import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS, type TOrganisationKind } from '../../../../core/organisations/kinds.ts';
import { SelectField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { useCreateOrganisation } from './queries.ts';

type TField = 'name' | 'kind';
const ISSUE_PATHS = { name: 'name', kind: 'kind' } as const satisfies Record<string, TField>;
const EMPTY: Record<TField, string> = { name: '', kind: '' };

/** Creates an organisation (platform administrators). */
export function CreateOrganisationForm({ onCreated }: { onCreated: (name: string) => void }) {
  const { t } = useTranslation();
  const validate = useValidators();
  const create = useCreateOrganisation();
  const form = useForm<TField>({ initial: EMPTY, issuePaths: ISSUE_PATHS });
  const { values, bind } = form;

  function handleSubmit() {
    create.reset();
    if (!form.check({ name: validate.required(values.name), kind: validate.required(values.kind) })) return;
    create.mutate(
      { name: values.name.trim(), kind: values.kind as TOrganisationKind },
      {
        onSuccess: (data) => {
          onCreated(data.organisation.name);
          form.reset();
          create.reset();
        },
        onError: form.showServerErrors,
      },
    );
  }

  return (
    <FormShell form={form} onSubmit={handleSubmit} error={create.error} busy={create.isPending} submitLabel={t('organisations.submit')} busyLabel={t('organisations.submitting')}>
      <TextField id="organisation-name" label={t('organisations.name')} autoComplete="off" {...bind('name')} />
      <SelectField
        id="organisation-kind"
        label={t('organisations.kind')}
        placeholder={t('form.choose')}
        options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisationKinds.${k}`) }))}
        {...bind('kind')}
      />
    </FormShell>
  );
}
