import { useState } from 'react';
import { CheckboxField, CheckboxGroup } from '../../components/choice-field.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm } from '../../components/form.ts';
import { CountriesField } from './countries-field.tsx';
import { todayIso } from './format.ts';
import { useJusticeTranslation } from './i18n.ts';
import { useJusticeOptions } from './options.ts';
import { useOpenInvestigation, useOperations } from './queries.ts';
import type { TExploitationForm, TInvestigationDetail, TSpecialTechnique } from './types.ts';
import { useJusticeValidators } from './validate.ts';

type TField = 'operationId' | 'agency' | 'openedOn';
const ISSUE_PATHS = { operationId: 'operationId', agency: 'agency', openedOn: 'openedOn' } as const satisfies Record<string, TField>;

type TOpenInvestigationFormProps = {
  /** The active organisation (the viewer's), in whose name requests are made. */
  orgId: string;
  /** Called with the new investigation (the page then shows it). */
  onOpened: (investigation: TInvestigationDetail) => void;
};

/** Opens an investigation: agency, date, the operation it belongs to, forms of exploitation, techniques, cross-border cooperation. */
export function OpenInvestigationForm({ orgId, onOpened }: TOpenInvestigationFormProps) {
  const { t } = useJusticeTranslation();
  const validate = useJusticeValidators();
  const choices = useJusticeOptions();
  const operations = useOperations(orgId);
  const open = useOpenInvestigation(orgId);
  const form = useForm<TField>({ initial: { operationId: '', agency: '', openedOn: todayIso() }, issuePaths: ISSUE_PATHS });
  const [forms, setForms] = useState<TExploitationForm[]>([]);
  const [techniques, setTechniques] = useState<TSpecialTechnique[]>([]);
  const [countries, setCountries] = useState<string[]>([]);
  const [jointTeam, setJointTeam] = useState(false);
  const { values, bind } = form;

  function handleSubmit() {
    open.reset();
    if (!form.check({ agency: validate.required(values.agency), openedOn: validate.day(values.openedOn) })) return;
    open.mutate(
      {
        operationId: values.operationId || null,
        agency: values.agency.trim(),
        openedOn: values.openedOn,
        exploitationForms: forms,
        techniques,
        countriesInvolved: countries,
        jointInvestigationTeam: jointTeam,
      },
      { onSuccess: (data) => onOpened(data.investigation), onError: form.showServerErrors },
    );
  }

  return (
    <FormShell
      form={form}
      className="form--wide"
      onSubmit={handleSubmit}
      error={open.error}
      busy={open.isPending}
      submitLabel={t('newInvestigation.submit')}
      busyLabel={t('common.working')}
    >
      <TextField id="investigation-agency" label={t('investigation.agency')} hint={t('newInvestigation.agencyHint')} autoComplete="organization" {...bind('agency')} />
      <TextField id="investigation-opened-on" label={t('investigation.openedOn')} type="date" className="input--short" {...bind('openedOn')} />
      <SelectField
        id="investigation-operation"
        label={
          <>
            {t('investigation.operation')} <span className="field__optional">{t('common.optional')}</span>
          </>
        }
        hint={t('newInvestigation.operationHint')}
        placeholder={t('newInvestigation.noOperation')}
        options={(operations.data ?? []).map((o) => ({ value: o.id, label: o.codeName }))}
        {...bind('operationId')}
      />
      <CheckboxGroup
        id="investigation-forms"
        legend={t('investigation.exploitationForms')}
        layout="inline"
        options={choices.exploitationForms}
        values={forms}
        onChange={(next) => setForms(next as TExploitationForm[])}
      />
      <CheckboxGroup
        id="investigation-techniques"
        legend={t('investigation.techniques')}
        hint={t('newInvestigation.techniquesHint')}
        options={choices.techniques}
        values={techniques}
        onChange={(next) => setTechniques(next as TSpecialTechnique[])}
      />
      <CountriesField id="investigation-countries" legend={t('investigation.countriesInvolved')} hint={t('newInvestigation.countriesHint')} values={countries} onChange={setCountries} />
      <CheckboxField id="investigation-jit" label={t('investigation.jointInvestigationTeam')} checked={jointTeam} onChange={setJointTeam} />
    </FormShell>
  );
}
