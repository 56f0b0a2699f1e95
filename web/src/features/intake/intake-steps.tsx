import { useTranslation } from 'react-i18next';
import type { TObservationStatus } from '../../../../core/screening/schemas.ts';
import type { TScreeningList } from '../../api/case-types.ts';
import { CheckboxField, CheckboxGroup, RadioGroup } from '../../components/choice-field.tsx';
import { useCountryOptions } from '../../components/country.ts';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import type { TFieldErrors } from '../../components/form.ts';
import { useCaseOptions } from '../cases/options.ts';
import { ScreeningIndicators } from '../screening/screening-indicators.tsx';
import { ScreeningPreview } from '../screening/screening-preview.tsx';
import { looksLikeChild, type TIntakeData } from './intake-data.ts';

/** Field names across the steps, for errors and focus. */
export type TIntakeField = 'sex' | 'ageYears' | 'ageStatus' | 'dateOfBirth' | 'exploitationForms' | 'decision' | 'topicsExplained' | 'language';

type TStepProps<K extends keyof TIntakeData> = {
  data: TIntakeData;
  /** Replaces one part of the data (merged by the wizard). */
  onChange: (part: Partial<NonNullable<TIntakeData[K]>>) => void;
  errors: TFieldErrors<TIntakeField>;
};

/** Step 1: who the person is. Identity is optional (people may not give a name) and encrypted on the server. */
export function PersonStep({ data, onChange, errors }: TStepProps<'person'>) {
  const { t } = useTranslation();
  const options = useCaseOptions();
  const countries = useCountryOptions();
  const p = data.person;
  const text = (field: 'givenName' | 'familyName' | 'otherNames' | 'documentNumbers' | 'phone') => ({
    value: p[field],
    onChange: (e: { target: { value: string } }) => onChange({ [field]: e.target.value }),
  });
  return (
    <>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('intake.identity')}</legend>
        <p className="field__hint">{t('intake.identityHint')}</p>
        <TextField id="intake-given-name" label={t('person.givenName')} autoComplete="off" {...text('givenName')} />
        <TextField id="intake-family-name" label={t('person.familyName')} autoComplete="off" {...text('familyName')} />
        <TextField id="intake-other-names" label={t('person.otherNames')} hint={t('intake.commaHint')} autoComplete="off" {...text('otherNames')} />
        <TextField
          id="intake-date-of-birth"
          label={t('person.dateOfBirth')}
          type="date"
          dir="ltr"
          value={p.dateOfBirth}
          error={errors.dateOfBirth}
          onChange={(e) => onChange({ dateOfBirth: e.target.value })}
        />
        <TextField id="intake-documents" label={t('person.documentNumbers')} hint={t('intake.commaHint')} autoComplete="off" dir="ltr" {...text('documentNumbers')} />
        <TextField id="intake-phone" label={t('person.phone')} type="tel" autoComplete="off" dir="ltr" {...text('phone')} />
        <TextAreaField id="intake-address" label={t('person.address')} rows={2} value={p.address} onChange={(e) => onChange({ address: e.target.value })} />
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('intake.aboutPerson')}</legend>
        <RadioGroup id="intake-sex" legend={t('person.sex')} layout="inline" options={options.sexes} value={p.sex} error={errors.sex} onChange={(sex) => onChange({ sex: sex as TIntakeData['person']['sex'] })} />
        <TextField
          id="intake-age"
          label={t('person.ageYears')}
          hint={t('intake.ageHint')}
          inputMode="numeric"
          autoComplete="off"
          className="input--short"
          value={p.ageYears}
          error={errors.ageYears}
          onChange={(e) => onChange({ ageYears: e.target.value })}
        />
        <RadioGroup
          id="intake-age-status"
          legend={t('person.ageStatus')}
          hint={t('intake.ageStatusHint')}
          options={options.ageStatuses}
          value={p.ageStatus}
          error={errors.ageStatus}
          onChange={(ageStatus) => onChange({ ageStatus: ageStatus as TIntakeData['person']['ageStatus'] })}
        />
        <SelectField id="intake-citizenship" label={t('person.citizenship')} placeholder={t('form.notKnown')} options={countries} value={p.citizenship} onChange={(e) => onChange({ citizenship: e.target.value })} />
      </fieldset>
      {looksLikeChild(p) && <p className="status status--neutral">{t('intake.childNotice')}</p>}
    </>
  );
}

/** Step 2: what happened, where, and how the case came in. */
export function CircumstancesStep({ data, onChange, errors }: TStepProps<'circumstances'>) {
  const { t } = useTranslation();
  const options = useCaseOptions();
  const countries = useCountryOptions();
  const c = data.circumstances;
  return (
    <>
      <CheckboxGroup
        id="intake-exploitation"
        legend={t('details.exploitationForms')}
        hint={t('intake.exploitationHint')}
        options={options.exploitationTypes}
        values={c.exploitationForms}
        error={errors.exploitationForms}
        onChange={(values) => onChange({ exploitationForms: values as TIntakeData['circumstances']['exploitationForms'] })}
      />
      <SelectField
        id="intake-country"
        label={t('details.countryOfExploitation')}
        placeholder={t('form.notKnown')}
        options={countries}
        value={c.countryOfExploitation}
        onChange={(e) => onChange({ countryOfExploitation: e.target.value })}
      />
      {looksLikeChild(data.person) && (
        <RadioGroup
          id="intake-unaccompanied"
          legend={t('details.isUnaccompanied')}
          hint={t('intake.unaccompaniedHint')}
          layout="inline"
          options={options.yesNoUnknown}
          value={c.isUnaccompanied}
          onChange={(value) => onChange({ isUnaccompanied: value as TIntakeData['circumstances']['isUnaccompanied'] })}
        />
      )}
      <SelectField
        id="intake-source"
        label={t('details.source')}
        options={options.sources}
        value={c.source}
        onChange={(e) => onChange({ source: e.target.value as TIntakeData['circumstances']['source'] })}
      />
    </>
  );
}

type TScreeningStepProps = TStepProps<'screening'> & {
  lists: TScreeningList[];
  /** The list that fits the person's age and the form of exploitation, if any. */
  suggestedListId: string | null;
};

/** Step 3: the ILO/EC indicators (optional). The preview is a recommendation computed in the browser. */
export function ScreeningStep({ data, onChange, lists, suggestedListId }: TScreeningStepProps) {
  const { t } = useTranslation();
  const s = data.screening;
  const list = lists.find((l) => l.id === s.listId);
  return (
    <>
      <p>{t('intake.screeningIntro')}</p>
      <SelectField
        id="intake-screening-list"
        label={t('screening.list')}
        hint={suggestedListId ? t('intake.suggestedList', { list: listName(suggestedListId) }) : undefined}
        placeholder={t('intake.noScreening')}
        options={lists.map((l) => ({ value: l.id, label: listName(l.id) }))}
        value={s.listId}
        onChange={(e) => onChange({ listId: e.target.value })}
      />
      {list && (
        <>
          <ScreeningIndicators
            list={list}
            idPrefix="intake"
            observations={s.observations}
            onChange={(indicatorId, value: TObservationStatus) => onChange({ observations: { ...s.observations, [indicatorId]: value } })}
          />
          <ScreeningPreview list={list} observations={s.observations} />
        </>
      )}
    </>
  );

  function listName(id: string): string {
    const l = lists.find((candidate) => candidate.id === id);
    return l ? t('screening.listName', { ageGroup: t(`screening.ageGroups.${l.ageGroup}`), form: t(`screening.forms.${l.form}`) }) : id;
  }
}

/** Step 4: informed consent (adults). Children need none: every child is referred. */
export function ConsentStep({ data, onChange, errors }: TStepProps<'consent'>) {
  const { t } = useTranslation();
  const options = useCaseOptions();
  const c = data.consent;
  if (looksLikeChild(data.person)) {
    return <p className="status status--neutral">{t('intake.consentChild')}</p>;
  }
  return (
    <>
      <p>{t('intake.consentIntro')}</p>
      <CheckboxGroup
        id="intake-consent-topics"
        legend={t('consent.topicsExplained')}
        hint={t('intake.topicsHint')}
        options={options.consentTopics}
        values={c.topicsExplained}
        error={errors.topicsExplained}
        onChange={(values) => onChange({ topicsExplained: values as TIntakeData['consent']['topicsExplained'] })}
      />
      <TextField
        id="intake-consent-language"
        label={t('consent.language')}
        hint={t('intake.languageHint')}
        className="input--short"
        autoComplete="off"
        dir="ltr"
        value={c.language}
        error={errors.language}
        onChange={(e) => onChange({ language: e.target.value })}
      />
      <CheckboxField id="intake-interpreter" label={t('consent.interpreterUsed')} checked={c.interpreterUsed} onChange={(interpreterUsed) => onChange({ interpreterUsed })} />
      <RadioGroup
        id="intake-consent-decision"
        legend={t('consent.decision')}
        options={[
          { value: 'given', label: t('consent.given') },
          { value: 'declined', label: t('consent.declined') },
        ]}
        value={c.decision}
        error={errors.decision}
        onChange={(decision) => onChange({ decision: decision as TIntakeData['consent']['decision'] })}
      />
      {c.decision === 'declined' && <p className="status status--neutral">{t('intake.declinedNotice')}</p>}
    </>
  );
}
