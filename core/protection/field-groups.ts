/**
 * PERSISTED VALUES. The groups of case fields a service referral may share; a receiving
 * organisation sees exactly the groups the referral names (and the consent covers), nothing
 * else of the case. Add values; never rename or reuse one.
 */
import { z } from 'zod';

export const FIELD_GROUPS = [
  /** Names, sex, age, citizenship, whether treated as a child. */
  'identity_basic',
  /** Date of birth and identity-document numbers. */
  'identity_documents',
  /** Phone and address. */
  'contact',
  /** What the person needs from this service, in the referrer's words, and the languages they speak. */
  'needs',
  /** Safety notes for the receiver (risks, precautions). */
  'safety',
  /** Where the person is in the NRM (status, positive reasonable-grounds decision). */
  'nrm_status',
] as const;
export const ZFieldGroup = z.enum(FIELD_GROUPS);
export type TFieldGroup = z.infer<typeof ZFieldGroup>;

/** Field groups in `wanted` that `allowed` does not include, in catalogue order. Never throws. */
export function missingFieldGroups(wanted: readonly TFieldGroup[], allowed: readonly TFieldGroup[]): TFieldGroup[] {
  return FIELD_GROUPS.filter((group) => wanted.includes(group) && !allowed.includes(group));
}
