import type { TOption } from '../../components/field.tsx';
import { useJusticeTranslation } from './i18n.ts';
import {
  CONFISCATION_KINDS, COOPERATION_KINDS, COOPERATION_STATUSES, COURT_OUTCOMES, EXPLOITATION_FORMS, INVESTIGATION_STATUSES, OFFENCE_CATEGORIES,
  PARTICIPATION, SEXES, SPECIAL_TECHNIQUES, SUSPECT_ROLES, VICTIM_ROLES,
} from './types.ts';

/**
 * Age bands as CTDC publishes them (`30--38`, `48+`), so suspects and victims can be compared.
 * The server accepts any `n--m` or `n+` band; these are the ones offered.
 */
export const AGE_BANDS = ['0--8', '9--17', '18--20', '21--23', '24--26', '27--29', '30--38', '39--47', '48+'] as const;

/** "30--38" → "30–38" for display (the double hyphen is the data format, not typography). */
export function ageBandLabel(band: string): string {
  return band.replace('--', '–');
}

/** Translated choices for every list the justice forms offer, in the server's order. */
export function useJusticeOptions() {
  const { t } = useJusticeTranslation();
  const options = <V extends string>(values: readonly V[], label: (value: V) => string): TOption[] => values.map((value) => ({ value, label: label(value) }));
  return {
    statuses: options(INVESTIGATION_STATUSES, (v) => t(`investigationStatus.${v}`)),
    exploitationForms: options(EXPLOITATION_FORMS, (v) => t(`exploitationForms.${v}`)),
    techniques: options(SPECIAL_TECHNIQUES, (v) => t(`techniques.${v}`)),
    suspectRoles: options(SUSPECT_ROLES, (v) => t(`suspectRoles.${v}`)),
    sexes: options(SEXES, (v) => t(`sexes.${v}`)),
    offenceCategories: options(OFFENCE_CATEGORIES, (v) => t(`offenceCategories.${v}`)),
    courtOutcomes: options(COURT_OUTCOMES, (v) => t(`courtOutcomes.${v}`)),
    cooperationKinds: options(COOPERATION_KINDS, (v) => t(`cooperationKinds.${v}`)),
    cooperationStatuses: options(COOPERATION_STATUSES, (v) => t(`cooperationStatuses.${v}`)),
    confiscationKinds: options(CONFISCATION_KINDS, (v) => t(`confiscationKinds.${v}`)),
    victimRoles: options(VICTIM_ROLES, (v) => t(`victimRoles.${v}`)),
    participation: options(PARTICIPATION, (v) => t(`participation.${v}`)),
    ageBands: AGE_BANDS.map((band) => ({ value: band, label: ageBandLabel(band) })),
  };
}
