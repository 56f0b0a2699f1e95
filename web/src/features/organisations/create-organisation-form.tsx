import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS, type TOrganisationKind } from '../../../../core/organisations/kinds.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { hasErrors, useFormErrors, useValidators } from '../../components/form.ts';
import { fieldErrorsFromIssues } from '../../components/errors.ts';
import { useCreateOrganisation } from './queries.ts';

type TField = 'name' | 'kind';
const ISSUE_PATHS = { name: 'name', kind: 'kind' } as const satisfies Record<string, TField>;

/** Creates an organisation (platform administrators). */
export function CreateOrganisationForm({ onCreated }: { onCreated: (name: string) => void }) {
  const { t } = useTranslation();
  const validate = useValidators();
  const create = useCreateOrganisation();
  const { formRef, errors, show } = useFormErrors<TField>();
  const [name, setName] = useState('');
  const [kind, setKind] = useState('');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.reset();
    const next = { name: validate.required(name), kind: validate.required(kind) };
    show(next);
    if (hasErrors(next)) return;
    create.mutate(
      { name: name.trim(), kind: kind as TOrganisationKind },
      {
        onSuccess: (data) => {
          onCreated(data.organisation.name);
          setName('');
          setKind('');
          create.reset();
        },
        onError: (error) => show(fieldErrorsFromIssues(error, ISSUE_PATHS)),
      },
    );
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={handleSubmit}>
      <ErrorAlert error={create.error} fieldPaths={ISSUE_PATHS} />
        <TextField id="organisation-name" label={t('organisations.name')} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
        <SelectField
          id="organisation-kind"
          label={t('organisations.kind')}
          placeholder={t('form.choose')}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisationKinds.${k}`) }))}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          error={errors.kind}
        />
      <div className="form__actions">
        <Button type="submit" busy={create.isPending} busyLabel={t('organisations.submitting')}>
          {t('organisations.submit')}
        </Button>
      </div>
    </form>
  );
}
