import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConsentTopic } from '../../../../core/nrm/consent.ts';
import type { TCaseDetail } from '../../api/case-types.ts';
import type { TStatusText } from '../../components/alert.tsx';
import { CheckboxField, CheckboxGroup, RadioGroup } from '../../components/choice-field.tsx';
import { countryName } from '../../components/country.ts';
import { TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm } from '../../components/form.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { ScreeningResult } from '../screening/screening-result.tsx';
import { fromTriState, useCaseOptions } from './options.ts';
import { useRecordConsent } from './queries.ts';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Who the person is. Identity is shown only to roles that may read it (the server sends null otherwise). */
export function PersonDetails({ caseItem }: { caseItem: TCaseDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { person } = caseItem;
  const id = person.identity;
  const text = (value: string | undefined) => (value ? <bdi>{value}</bdi> : <span className="muted">{t('form.notGiven')}</span>);
  return (
    <>
      {id ? (
        <dl className="details details--grid">
          <Item label={t('person.givenName')}>{text(id.givenName)}</Item>
          <Item label={t('person.familyName')}>{text(id.familyName)}</Item>
          {id.otherNames && id.otherNames.length > 0 && <Item label={t('person.otherNames')}>{text(id.otherNames.join(', '))}</Item>}
          {id.dateOfBirth && <Item label={t('person.dateOfBirth')}>{formatDate(`${id.dateOfBirth}T12:00:00`, lang)}</Item>}
          {id.documentNumbers && id.documentNumbers.length > 0 && <Item label={t('person.documentNumbers')}>{text(id.documentNumbers.join(', '))}</Item>}
          {id.phone && <Item label={t('person.phone')}>{text(id.phone)}</Item>}
          {id.address && <Item label={t('person.address')}>{text(id.address)}</Item>}
        </dl>
      ) : (
        <p className="muted">{t('casePage.identityHidden')}</p>
      )}
      <dl className="details details--grid">
        <Item label={t('person.sex')}>{t(`sexes.${person.sex}`)}</Item>
        <Item label={t('person.ageYears')}>{person.ageYears ?? <span className="muted">{t('form.notKnown')}</span>}</Item>
        <Item label={t('person.ageStatus')}>{t(`ageStatuses.${person.ageStatus}`)}</Item>
        <Item label={t('person.citizenship')}>{person.citizenship ? countryName(person.citizenship, lang) : t('form.notKnown')}</Item>
      </dl>
    </>
  );
}

export function CircumstancesDetails({ caseItem }: { caseItem: TCaseDetail }) {
  const { t, i18n } = useTranslation();
  const d = caseItem.details;
  return (
    <dl className="details details--grid">
      <Item label={t('details.exploitationForms')}>{d.exploitationForms.map((f) => t(`exploitationTypes.${f}`)).join(', ') || t('form.notKnown')}</Item>
      <Item label={t('details.countryOfExploitation')}>{d.countryOfExploitation ? countryName(d.countryOfExploitation, i18n.language) : t('form.notKnown')}</Item>
      {caseItem.isChild && <Item label={t('details.isUnaccompanied')}>{t(`yesNoUnknown.${fromTriState(d.isUnaccompanied)}`)}</Item>}
      <Item label={t('details.source')}>{t(`caseSources.${d.source}`)}</Item>
    </dl>
  );
}

/** The recorded consent, or (for an adult's draft case) the form to record it. */
export function ConsentDetails({ orgId, caseItem, onDone }: { orgId: string; caseItem: TCaseDetail; onDone: (status: TStatusText) => void }) {
  const { t, i18n } = useTranslation();
  const c = caseItem.consent;
  // Consent is taken before the referral; once given there is nothing more to record here.
  const canRecord = caseItem.status === 'draft' && !caseItem.isChild && caseItem.abilities['case.refer'] && c?.decision !== 'given';
  return (
    <>
      {caseItem.isChild && <p>{t('casePage.childNoConsent')}</p>}
      {c ? (
        <dl className="details details--grid">
          <Item label={t('consent.decision')}>{t(`consent.${c.decision}`)}</Item>
          <Item label={t('consent.topicsExplained')}>{c.topicsExplained.map((topic) => t(`consentTopics.${topic}`)).join('; ')}</Item>
          <Item label={t('consent.language')}>
            <bdi>{c.language}</bdi>
          </Item>
          <Item label={t('consent.interpreterUsed')}>{c.interpreterUsed ? t('yesNoUnknown.yes') : t('yesNoUnknown.no')}</Item>
          <Item label={t('consent.explainedAt')}>{formatDateTime(c.explainedAt, i18n.language)}</Item>
        </dl>
      ) : (
        !caseItem.isChild && <p className="muted">{t('casePage.noConsent')}</p>
      )}
      {canRecord && <ConsentForm orgId={orgId} caseItem={caseItem} onDone={onDone} />}
    </>
  );
}

function ConsentForm({ orgId, caseItem, onDone }: { orgId: string; caseItem: TCaseDetail; onDone: (status: TStatusText) => void }) {
  const { t, i18n } = useTranslation();
  const options = useCaseOptions();
  const record = useRecordConsent(orgId, caseItem.id);
  const form = useForm<'decision' | 'language' | 'topicsExplained'>({
    initial: { decision: '', language: i18n.language, topicsExplained: '' },
    issuePaths: { decision: 'decision', language: 'language', topicsExplained: 'topicsExplained' },
  });
  const [topics, setTopics] = useState<TConsentTopic[]>([]);
  const [interpreter, setInterpreter] = useState(false);

  function handleSubmit() {
    record.reset();
    const isValid = form.check({
      decision: form.values.decision ? undefined : t('form.chooseOne'),
      topicsExplained: topics.length ? undefined : t('form.chooseOne'),
      language: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(form.values.language.trim()) ? undefined : t('intake.languageInvalid'),
    });
    if (!isValid) return;
    record.mutate(
      { decision: form.values.decision as 'given' | 'declined', topicsExplained: topics, language: form.values.language.trim(), interpreterUsed: interpreter },
      { onSuccess: () => onDone((tr) => tr('casePage.consentRecorded')), onError: form.showServerErrors },
    );
  }

  return (
    <FormShell form={form} onSubmit={handleSubmit} error={record.error} busy={record.isPending} submitLabel={t('casePage.recordConsent')} busyLabel={t('casePage.working')}>
      <CheckboxGroup
        id="case-consent-topics"
        legend={t('consent.topicsExplained')}
        hint={t('intake.topicsHint')}
        options={options.consentTopics}
        values={topics}
        error={form.errors.topicsExplained}
        onChange={(values) => setTopics(values as TConsentTopic[])}
      />
      <TextField id="case-consent-language" label={t('consent.language')} hint={t('intake.languageHint')} className="input--short" dir="ltr" autoComplete="off" {...form.bind('language')} />
      <CheckboxField id="case-consent-interpreter" label={t('consent.interpreterUsed')} checked={interpreter} onChange={setInterpreter} />
      <RadioGroup
        id="case-consent-decision"
        legend={t('consent.decision')}
        options={[
          { value: 'given', label: t('consent.given') },
          { value: 'declined', label: t('consent.declined') },
        ]}
        value={form.values.decision}
        error={form.errors.decision}
        onChange={(value) => form.setValue('decision', value)}
      />
    </FormShell>
  );
}

/** Recorded screenings, newest first, each with its recommendation behind a disclosure. */
export function ScreeningsList({ caseItem }: { caseItem: TCaseDetail }) {
  const { t, i18n } = useTranslation();
  if (caseItem.screenings.length === 0) return <p className="muted">{t('casePage.noScreenings')}</p>;
  const screenings = [...caseItem.screenings].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  return (
    <ul className="plain-list records">
      {screenings.map((s) => (
        <li key={s.id} className="record">
          <details>
            <summary>
              {t('casePage.screeningSummary', {
                date: formatDateTime(s.recordedAt, i18n.language),
                outcome: i18n.exists(`screeningOutcomes.${s.outcome}`) ? t(`screeningOutcomes.${s.outcome}`) : s.outcome,
              })}
            </summary>
            <ScreeningResult result={s.result} headingLevel={4} />
          </details>
        </li>
      ))}
    </ul>
  );
}

/** Decisions with their reasons, newest first. */
export function DecisionsList({ caseItem }: { caseItem: TCaseDetail }) {
  const { t, i18n } = useTranslation();
  if (caseItem.decisions.length === 0) return <p className="muted">{t('casePage.noDecisions')}</p>;
  const decisions = [...caseItem.decisions].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt));
  return (
    <ul className="plain-list records">
      {decisions.map((d) => (
        <li key={d.id} className="record">
          <p className="record__title">
            <span className={`tag tag--${d.outcome === 'positive' ? 'positive' : 'negative'}`}>{t(`timeline.decision.${d.kind}_${d.outcome}`)}</span>
            {d.isReconsideration && <span className="muted"> ({t('timeline.reconsideration')})</span>}
          </p>
          <p className="muted">
            {formatDateTime(d.decidedAt, i18n.language)} · {t('casePage.standard', { standard: standardLabel(d.evidenceStandard) })}
          </p>
          {d.reasons.length > 0 ? (
            <ul className="reasons">
              {d.reasons.map((reason, index) => (
                <li key={index} className="prewrap">
                  {reason}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('casePage.reasonsHidden')}</p>
          )}
        </li>
      ))}
    </ul>
  );

  function standardLabel(standard: string): string {
    return i18n.exists(`evidenceStandards.${standard}`) ? t(`evidenceStandards.${standard as 'balance_of_probabilities'}`) : standard;
  }
}
