import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAnonymousNotificationRequest } from '../../api/case-types.ts';
import { CheckboxGroup } from '../../components/choice-field.tsx';
import { useCountryOptions } from '../../components/country.ts';
import { SelectField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useFormErrors } from '../../components/form.ts';
import { fieldErrorsFromIssues } from '../../components/errors.ts';
import { Button } from '../../components/button.tsx';
import { useCreateAnonymousNotification } from '../cases/queries.ts';
import { useCaseOptions } from '../cases/options.ts';

type TField = 'notifiedOn' | 'exploitationTypes';
const ISSUE_PATHS = { notifiedOn: 'notifiedOn', exploitationTypes: 'exploitationTypes' } as const satisfies Record<string, TField>;

type TAnonymousNotificationFormProps = {
  orgId: string;
  /** Statistical answers carried over from the intake; nothing identifying exists in this shape. */
  initial: TAnonymousNotificationRequest;
  onSent: () => void;
  onCancel: () => void;
};

/**
 * Counts an adult who declined referral without identifying them (UK: Duty to Notify). Every
 * field is a coarse category chosen from a list: there is deliberately no free text, because
 * free text is where names and phone numbers leak in.
 */
export function AnonymousNotificationForm({ orgId, initial, onSent, onCancel }: TAnonymousNotificationFormProps) {
  const { t } = useTranslation();
  const options = useCaseOptions();
  const countries = useCountryOptions();
  const send = useCreateAnonymousNotification(orgId);
  const { formRef, errors, show } = useFormErrors<TField>();
  const [values, setValues] = useState(initial);
  const form = { formRef, issuePaths: ISSUE_PATHS };
  const notKnown = { value: 'not_known', label: t('form.notKnown') };

  function set<K extends keyof TAnonymousNotificationRequest>(key: K, value: TAnonymousNotificationRequest[K]) {
    setValues((v) => ({ ...v, [key]: value }));
  }

  function handleSubmit() {
    send.reset();
    const next = {
      notifiedOn: /^\d{4}-\d{2}-\d{2}$/.test(values.notifiedOn) ? undefined : t('form.required'),
      exploitationTypes: values.exploitationTypes.length > 0 ? undefined : t('form.chooseOne'),
    };
    show(next);
    if (next.notifiedOn || next.exploitationTypes) return;
    send.mutate(values, { onSuccess: onSent, onError: (error) => show(fieldErrorsFromIssues(error, ISSUE_PATHS)) });
  }

  return (
    <FormShell
      form={form}
      onSubmit={handleSubmit}
      error={send.error}
      busy={send.isPending}
      submitLabel={t('anonymous.submit')}
      busyLabel={t('anonymous.submitting')}
      label={t('anonymous.title')}
      before={<p className="form__intro">{t('anonymous.intro')}</p>}
      actions={
        <Button variant="secondary" onClick={onCancel}>
          {t('anonymous.back')}
        </Button>
      }
    >
      <TextField id="anon-date" label={t('anonymous.notifiedOn')} type="date" dir="ltr" value={values.notifiedOn} error={errors.notifiedOn} onChange={(e) => set('notifiedOn', e.target.value)} />
      <SelectField id="anon-sex" label={t('person.sex')} options={options.sexes} value={values.sex} onChange={(e) => set('sex', e.target.value as TAnonymousNotificationRequest['sex'])} />
      <SelectField id="anon-age-band" label={t('anonymous.ageBand')} options={options.ageBands} value={values.ageBand} onChange={(e) => set('ageBand', e.target.value)} />
      <SelectField
        id="anon-age-at-exploitation"
        label={t('anonymous.ageAtExploitation')}
        options={options.ageAtExploitation}
        value={values.ageAtExploitation}
        onChange={(e) => set('ageAtExploitation', e.target.value as TAnonymousNotificationRequest['ageAtExploitation'])}
      />
      <SelectField id="anon-nationality" label={t('person.citizenship')} options={[notKnown, ...countries]} value={values.nationality} onChange={(e) => set('nationality', e.target.value)} />
      <CheckboxGroup
        id="anon-types"
        legend={t('details.exploitationForms')}
        options={options.exploitationTypes}
        values={values.exploitationTypes}
        error={errors.exploitationTypes}
        onChange={(types) => set('exploitationTypes', types as TAnonymousNotificationRequest['exploitationTypes'])}
      />
      <SelectField
        id="anon-location"
        label={t('anonymous.exploitationLocation')}
        options={options.exploitationLocations}
        value={values.exploitationLocation}
        onChange={(e) => set('exploitationLocation', e.target.value as TAnonymousNotificationRequest['exploitationLocation'])}
      />
      <SelectField id="anon-region" label={t('anonymous.locationRegion')} hint={t('anonymous.locationRegionHint')} options={[notKnown, ...countries]} value={values.locationRegion} onChange={(e) => set('locationRegion', e.target.value)} />
    </FormShell>
  );
}
