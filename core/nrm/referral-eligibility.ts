import type { TOrganisationKind } from '../organisations/kinds.ts';
import type { TJurisdictionProfile } from './jurisdictions/schema.ts';
import { assertRequirementsMet, type TUnmetRequirement } from './requirements.ts';

export interface TReferringOrganisation {
  kind: TOrganisationKind;
  /** Set by the deployment's administrators for organisations formally designated as first responders. */
  isDesignatedFirstResponder: boolean;
}

/**
 * What stops this organisation from referring into the NRM under the profile: its kind may not
 * hold the first-responder role, or the profile requires designation and it has none. Never throws.
 */
export function referrerRequirements(
  profile: Pick<TJurisdictionProfile, 'referral'>,
  organisation: TReferringOrganisation,
): TUnmetRequirement[] {
  const unmet: TUnmetRequirement[] = [];
  if (!profile.referral.organisationKinds.includes(organisation.kind)) {
    unmet.push({ code: 'ORGANISATION_KIND_MAY_NOT_REFER', message: `a ${organisation.kind} organisation may not refer here` });
  }
  if (profile.referral.whoMayRefer === 'designated_first_responders' && !organisation.isDesignatedFirstResponder) {
    unmet.push({ code: 'NOT_A_DESIGNATED_FIRST_RESPONDER', message: 'only designated first responders may refer here' });
  }
  return unmet;
}

/**
 * @throws AppError DOMAIN_RULE_VIOLATED with reason `ORGANISATION_KIND_MAY_NOT_REFER` or
 *   `NOT_A_DESIGNATED_FIRST_RESPONDER`.
 */
export function assertMayRefer(profile: Pick<TJurisdictionProfile, 'referral'>, organisation: TReferringOrganisation): void {
  assertRequirementsMet(referrerRequirements(profile, organisation), 'The organisation cannot refer');
}
