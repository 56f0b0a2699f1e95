import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TScreeningList } from '../../api/case-types.ts';
import { Button } from '../../components/button.tsx';
import { countryName } from '../../components/country.ts';
import { formatDate } from '../../components/format.ts';
import { looksLikeChild, type TIntakeData, type TIntakeStep } from './intake-data.ts';

type TIntakeReviewProps = {
  data: TIntakeData;
  lists: TScreeningList[];
  onEdit: (step: TIntakeStep) => void;
};

/** Step 5: everything entered, section by section, each with a way back to change it. */
export function IntakeReview({ data, lists, onEdit }: TIntakeReviewProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const p = data.person;
  const c = data.circumstances;
  const notGiven = <span className="muted">{t('form.notGiven')}</span>;
  const value = (text: string): ReactNode => (text.trim() ? <bdi>{text}</bdi> : notGiven);
  const list = lists.find((l) => l.id === data.screening.listId);
  const answers = Object.values(data.screening.observations);
  const isChild = looksLikeChild(p);

  return (
    <div className="review">
      <ReviewSection title={t('intake.steps.person')} onEdit={() => onEdit('person')}>
        <Item label={t('person.givenName')}>{value(p.givenName)}</Item>
        <Item label={t('person.familyName')}>{value(p.familyName)}</Item>
        <Item label={t('person.otherNames')}>{value(p.otherNames)}</Item>
        <Item label={t('person.dateOfBirth')}>{p.dateOfBirth ? formatDate(`${p.dateOfBirth}T12:00:00`, lang) : notGiven}</Item>
        <Item label={t('person.documentNumbers')}>{value(p.documentNumbers)}</Item>
        <Item label={t('person.phone')}>{value(p.phone)}</Item>
        <Item label={t('person.address')}>{value(p.address)}</Item>
        <Item label={t('person.sex')}>{p.sex ? t(`sexes.${p.sex}`) : notGiven}</Item>
        <Item label={t('person.ageYears')}>{value(p.ageYears)}</Item>
        <Item label={t('person.ageStatus')}>{p.ageStatus ? t(`ageStatuses.${p.ageStatus}`) : notGiven}</Item>
        <Item label={t('person.citizenship')}>{p.citizenship ? countryName(p.citizenship, lang) : t('form.notKnown')}</Item>
      </ReviewSection>
      <ReviewSection title={t('intake.steps.circumstances')} onEdit={() => onEdit('circumstances')}>
        <Item label={t('details.exploitationForms')}>{c.exploitationForms.map((f) => t(`exploitationTypes.${f}`)).join(', ') || notGiven}</Item>
        <Item label={t('details.countryOfExploitation')}>{c.countryOfExploitation ? countryName(c.countryOfExploitation, lang) : t('form.notKnown')}</Item>
        {isChild && <Item label={t('details.isUnaccompanied')}>{t(`yesNoUnknown.${c.isUnaccompanied}`)}</Item>}
        <Item label={t('details.source')}>{t(`caseSources.${c.source}`)}</Item>
      </ReviewSection>
      <ReviewSection title={t('intake.steps.screening')} onEdit={() => onEdit('screening')}>
        <Item label={t('screening.list')}>{list ? t('screening.listName', { ageGroup: t(`screening.ageGroups.${list.ageGroup}`), form: t(`screening.forms.${list.form}`) }) : t('intake.noScreening')}</Item>
        {list && (
          <Item label={t('screening.answers')}>
            {t('screening.counts', {
              present: answers.filter((a) => a === 'present').length,
              absent: answers.filter((a) => a === 'absent').length,
              unknown: list.indicators.length - answers.filter((a) => a !== 'unknown').length,
            })}
          </Item>
        )}
      </ReviewSection>
      <ReviewSection title={t('intake.steps.consent')} onEdit={() => onEdit('consent')}>
        {isChild ? (
          <Item label={t('consent.decision')}>{t('intake.consentNotNeeded')}</Item>
        ) : (
          <>
            <Item label={t('consent.decision')}>{data.consent.decision ? t(`consent.${data.consent.decision}`) : notGiven}</Item>
            <Item label={t('consent.topicsExplained')}>{data.consent.topicsExplained.map((topic) => t(`consentTopics.${topic}`)).join('; ') || notGiven}</Item>
            <Item label={t('consent.language')}>{value(data.consent.language)}</Item>
            <Item label={t('consent.interpreterUsed')}>{data.consent.interpreterUsed ? t('yesNoUnknown.yes') : t('yesNoUnknown.no')}</Item>
          </>
        )}
      </ReviewSection>
    </div>
  );
}

function ReviewSection({ title, onEdit, children }: { title: string; onEdit: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="review__section">
      <div className="review__head">
        <h3 className="review__title">{title}</h3>
        <Button variant="link" onClick={onEdit} aria-label={t('intake.changeSection', { section: title, interpolation: { escapeValue: false } })}>
          {t('intake.change')}
        </Button>
      </div>
      <dl className="details details--grid">{children}</dl>
    </section>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
