/**
 * Service eligibility (HSDS `minimum_age` / `maximum_age`, plus Palermo's sex and nationality
 * attributes). Unknown facts never exclude anyone: a person of unknown age or nationality is
 * eligible until known otherwise. Eligibility can only be about who the service is for; there is
 * deliberately no field for cooperation with law enforcement (assistance is unconditional).
 */
import { assertRequirementsMet, type TUnmetRequirement } from '../nrm/requirements.ts';

export interface TServiceEligibility {
  /** Empty = any sex. */
  sexes: readonly string[];
  minimumAge: number | null;
  maximumAge: number | null;
  /** ISO 3166-1 alpha-2; empty = any nationality. */
  nationalities: readonly string[];
}

export interface TEligibilityFacts {
  sex: string;
  ageYears: number | null;
  citizenship: string | null;
}

/** Unmet eligibility rules. Never throws. */
export function eligibilityRequirements(eligibility: TServiceEligibility, person: TEligibilityFacts): TUnmetRequirement[] {
  const unmet: TUnmetRequirement[] = [];
  if (eligibility.sexes.length > 0 && person.sex !== 'not_known' && !eligibility.sexes.includes(person.sex)) {
    unmet.push({ code: 'SEX_NOT_ELIGIBLE', message: `the service is for: ${eligibility.sexes.join(', ')}` });
  }
  if (person.ageYears !== null) {
    if (eligibility.minimumAge !== null && person.ageYears < eligibility.minimumAge) unmet.push({ code: 'BELOW_MINIMUM_AGE', message: `the service is for ages ${eligibility.minimumAge} and over` });
    if (eligibility.maximumAge !== null && person.ageYears > eligibility.maximumAge) unmet.push({ code: 'ABOVE_MAXIMUM_AGE', message: `the service is for ages up to ${eligibility.maximumAge}` });
  }
  if (eligibility.nationalities.length > 0 && person.citizenship !== null && !eligibility.nationalities.includes(person.citizenship)) {
    unmet.push({ code: 'NATIONALITY_NOT_ELIGIBLE', message: `the service is for nationals of: ${eligibility.nationalities.join(', ')}` });
  }
  return unmet;
}

/** @throws AppError DOMAIN_RULE_VIOLATED with the first unmet code as reason and all in `unmet`. */
export function assertEligible(eligibility: TServiceEligibility, person: TEligibilityFacts): void {
  assertRequirementsMet(eligibilityRequirements(eligibility, person), 'The person is not eligible for this service');
}
