/** Kinds of agency that take part in a national referral mechanism. */
export const ORGANISATION_KINDS = [
  'government',
  'ngo',
  'police',
  'prosecution',
  'labour_inspectorate',
  'international_organisation',
] as const;

export type TOrganisationKind = (typeof ORGANISATION_KINDS)[number];
