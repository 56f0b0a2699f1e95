import { useTranslation } from 'react-i18next';
import { formatDay, weekdayName } from './format.ts';
import { useSettingsTranslation } from './i18n.ts';
import type { TJurisdictionProfile } from './types.ts';

/** Holidays listed before the rest are folded away (the UK profile lists many years of bank holidays). */
const HOLIDAYS_SHOWN = 10;

/**
 * A jurisdiction profile in plain words: the decision standards and targets, the recovery
 * period, the calendar that working-day deadlines are counted on, and the referral rules.
 */
export function ProfileSummary({ profile }: { profile: TJurisdictionProfile }) {
  const { t, i18n } = useSettingsTranslation();
  const { t: tMain } = useTranslation();
  const language = i18n.language;
  const { reasonableGrounds: rg, conclusiveGrounds: cg, recoveryPeriod, calendar, referral } = profile;
  const target = (days: number | null) => (days === null ? t('summary.noTarget') : t('summary.workingDays', { count: days }));
  const today = new Date().toISOString().slice(0, 10);
  const upcoming = calendar.holidays.filter((h) => h.date >= today).sort((a, b) => (a.date < b.date ? -1 : 1));
  const past = calendar.holidays.filter((h) => h.date < today);

  return (
    <div className="nrm-summary" data-profile-id={profile.id} data-profile-version={profile.version}>
      <p className="nrm-summary__name">
        <bdi>{profile.name}</bdi>{' '}
        <span className="muted">
          {t('summary.idVersion', { id: profile.id, version: profile.version })}
        </span>
      </p>
      <dl className="details details--grid">
        <div>
          <dt>{t('summary.validity')}</dt>
          <dd>{profile.validTo ? t('summary.validBetween', { from: formatDay(profile.validFrom, language), to: formatDay(profile.validTo, language) }) : t('summary.validFrom', { from: formatDay(profile.validFrom, language) })}</dd>
        </div>
        <div>
          <dt>{t('summary.rgStandard')}</dt>
          <dd>{tMain(`evidenceStandards.${rg.standard}`)}</dd>
        </div>
        <div data-field="rgTarget">
          <dt>{t('summary.rgTarget')}</dt>
          <dd>{target(rg.targetWorkingDays)}</dd>
        </div>
        <div data-field="recoveryDays">
          <dt>{t('summary.recoveryPeriod')}</dt>
          <dd>{t('summary.days', { count: recoveryPeriod.minDays })}</dd>
        </div>
        <div>
          <dt>{t('summary.cgStandard')}</dt>
          <dd>{tMain(`evidenceStandards.${cg.standard}`)}</dd>
        </div>
        <div>
          <dt>{t('summary.cgTarget')}</dt>
          <dd>{target(cg.targetWorkingDays)}</dd>
        </div>
        <div>
          <dt>{t('summary.cgTiming')}</dt>
          <dd>{cg.mayPrecedeEndOfMinimumRecovery ? t('summary.cgMayPrecede') : t('summary.cgAfterRecovery')}</dd>
        </div>
        <div>
          <dt>{t('summary.ageOfMajority')}</dt>
          <dd>{t('summary.years', { count: profile.ageOfMajority })}</dd>
        </div>
        <div>
          <dt>{t('summary.timeZone')}</dt>
          <dd>
            <bdi dir="ltr">{profile.timeZone}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('summary.weekendDays')}</dt>
          <dd>{calendar.weekendDays.length === 0 ? t('summary.noWeekend') : calendar.weekendDays.map((d) => weekdayName(d, language)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('summary.whoMayRefer')}</dt>
          <dd>
            {t(`whoMayRefer.${referral.whoMayRefer}`)}
            <span className="cell__sub">{referral.organisationKinds.map((k) => tMain(`organisationKinds.${k}`)).join(', ')}</span>
          </dd>
        </div>
        <div>
          <dt>{t('summary.adultConsent')}</dt>
          <dd>
            {referral.adultConsentRequired ? t('summary.consentRequired') : t('summary.consentNotRequired')}{' '}
            {referral.anonymousNotificationWhenAdultDeclines && t('summary.anonymousWhenDeclined')}
          </dd>
        </div>
        <div>
          <dt>{t('summary.dueSoon')}</dt>
          <dd>{t('summary.hours', { count: profile.deadlines.dueSoonHours })}</dd>
        </div>
      </dl>

      <h3 className="nrm-summary__title">{t('summary.holidays', { count: calendar.holidays.length })}</h3>
      {calendar.holidays.length === 0 ? (
        <p className="muted">{t('summary.noHolidays')}</p>
      ) : (
        <>
          <HolidayList holidays={upcoming.slice(0, HOLIDAYS_SHOWN)} language={language} />
          {upcoming.length === 0 && <p className="muted">{t('summary.noUpcomingHolidays')}</p>}
          {(upcoming.length > HOLIDAYS_SHOWN || past.length > 0) && (
            <details className="nrm-details">
              <summary>{t('summary.allHolidays')}</summary>
              <HolidayList holidays={calendar.holidays} language={language} />
            </details>
          )}
        </>
      )}

      {referral.designatedFirstResponders.length > 0 && (
        <details className="nrm-details">
          <summary>{t('summary.firstResponders', { count: referral.designatedFirstResponders.length })}</summary>
          <ul className="plain-list">
            {referral.designatedFirstResponders.map((r) => (
              <li key={r.name}>
                <bdi>{r.name}</bdi> <span className="muted">({tMain(`organisationKinds.${r.kind}`)})</span>
              </li>
            ))}
          </ul>
        </details>
      )}

      <details className="nrm-details">
        <summary>{t('summary.sources')}</summary>
        <p className="muted">{t('summary.sourcesHint')}</p>
        <ul className="nrm-sources">
          {(
            [
              ['rgTarget', rg.basis],
              ['recoveryPeriod', recoveryPeriod.basis],
              ['cgStandard', cg.basis],
              ['cgTiming', cg.timingBasis],
              ['calendar', calendar.basis],
              ['whoMayRefer', referral.basis],
            ] as const
          ).map(([key, basis]) => (
            <li key={key}>
              <strong>{t(`sources.${key}`)}</strong> — {t(`evidence.${basis.evidence}`)}:{' '}
              <span lang="en">
                {basis.source}
                {basis.note ? ` (${basis.note})` : ''}
              </span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

function HolidayList({ holidays, language }: { holidays: TJurisdictionProfile['calendar']['holidays']; language: string }) {
  return (
    <ul className="nrm-holidays">
      {holidays.map((h) => (
        <li key={h.date}>
          <span className="nrm-holidays__date">{formatDay(h.date, language)}</span> <bdi>{h.name}</bdi>
        </li>
      ))}
    </ul>
  );
}
