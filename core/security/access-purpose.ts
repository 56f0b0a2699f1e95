/**
 * Why a reader opens a person's identity, when the organisation's policy asks (security policy
 * `requireAccessPurpose`). A closed list of codes, so the reason fits in audit metadata (codes
 * only) and an auditor can count and filter by it; free text is deliberately not taken, since it
 * could name the person and audit rows are never sealed.
 */
export const ACCESS_PURPOSES = [
  'casework',
  'victim_support',
  'identification_decision',
  'referral',
  'legal_proceedings',
  'safeguarding',
  'supervision',
  'audit_review',
] as const;

export type TAccessPurpose = (typeof ACCESS_PURPOSES)[number];

/** The query parameter that carries the purpose on identity-reading requests. */
export const ACCESS_PURPOSE_PARAM = 'purpose';

export function isAccessPurpose(value: unknown): value is TAccessPurpose {
  return typeof value === 'string' && (ACCESS_PURPOSES as readonly string[]).includes(value);
}
