import { useTranslation } from 'react-i18next';
import { ADULT_AGE_BANDS, EXPLOITATION_TYPES } from '../../../../core/nrm/anonymous-notification.ts';
import { AGE_STATUSES } from '../../../../core/nrm/child-pathway.ts';
import { CONSENT_TOPICS } from '../../../../core/nrm/consent.ts';
import type { TOption } from '../../components/field.tsx';

/** Translated choices for the case forms, in the order of core's value lists. */
export function useCaseOptions() {
  const { t } = useTranslation();
  const sexes = (['female', 'male', 'other', 'not_known'] as const).map((v) => ({ value: v, label: t(`sexes.${v}`) }));
  return {
    sexes,
    ageStatuses: AGE_STATUSES.map((v) => ({ value: v, label: t(`ageStatuses.${v}`) })),
    exploitationTypes: EXPLOITATION_TYPES.map((v) => ({ value: v, label: t(`exploitationTypes.${v}`) })),
    sources: (['case_management', 'hotline', 'other'] as const).map((v) => ({ value: v, label: t(`caseSources.${v}`) })),
    consentTopics: CONSENT_TOPICS.map((v) => ({ value: v, label: t(`consentTopics.${v}`) })),
    yesNoUnknown: (['yes', 'no', 'unknown'] as const).map((v) => ({ value: v, label: t(`yesNoUnknown.${v}`) })),
    ageBands: [...ADULT_AGE_BANDS, 'not_known' as const].map((v) => ({ value: v, label: v === 'not_known' ? t('ageBands.not_known') : t('ageBands.band', { band: v.replace('--', '–') }) })),
    ageAtExploitation: (['adult', 'child', 'not_known'] as const).map((v) => ({ value: v, label: t(`ageAtExploitation.${v}`) })),
    exploitationLocations: (['in_country', 'overseas', 'both', 'not_known'] as const).map((v) => ({ value: v, label: t(`exploitationLocations.${v}`) })),
  } satisfies Record<string, TOption[]>;
}

/** `true`/`false`/`null` as the yes / no / not known choice used by tri-state facts. */
export function fromTriState(value: boolean | null): 'yes' | 'no' | 'unknown' {
  return value === null ? 'unknown' : value ? 'yes' : 'no';
}

export function toTriState(value: string): boolean | null {
  return value === 'yes' ? true : value === 'no' ? false : null;
}
