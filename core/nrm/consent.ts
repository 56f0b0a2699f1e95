/**
 * Consent to enter the NRM (domain.md d.3): an adult must give informed consent, recorded with
 * what was explained, when and by whom; a child needs none and is always referred; an adult who
 * declines is counted through an anonymous notification instead (anonymous-notification.ts).
 */
import { z } from 'zod';
import type { TJurisdictionProfile } from './jurisdictions/schema.ts';
import { assertRequirementsMet, type TUnmetRequirement } from './requirements.ts';
import { ZInstant } from './time-zone.ts';

/**
 * PERSISTED VALUES. What the first responder must explain before consent counts as informed:
 * what the NRM is, the support available, the possible outcomes, and that information may be
 * shared with and sought from other authorities.
 */
export const CONSENT_TOPICS = ['nrm_purpose', 'support_available', 'possible_outcomes', 'information_sharing'] as const;
export const ZConsentTopic = z.enum(CONSENT_TOPICS);
export type TConsentTopic = z.infer<typeof ZConsentTopic>;

export const ZInformedConsent = z.strictObject({
  decision: z.enum(['given', 'declined']),
  topicsExplained: z.array(ZConsentTopic).min(1),
  explainedAt: ZInstant,
  explainedBy: z.strictObject({ userId: z.string().min(1), orgId: z.string().min(1) }),
  /** BCP 47 tag of the language the explanation was given in, e.g. `ro` or `vi`. */
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
  interpreterUsed: z.boolean(),
});
export type TInformedConsent = z.infer<typeof ZInformedConsent>;

export interface TReferralSubject {
  /** From `childStatus`: presumed children count as children. */
  isChild: boolean;
  consent: TInformedConsent | null;
}

export type TReferralRoute = 'nrm_referral' | 'anonymous_notification' | 'awaiting_consent' | 'no_referral';

function missingTopics(consent: TInformedConsent): TConsentTopic[] {
  return CONSENT_TOPICS.filter((topic) => !consent.topicsExplained.includes(topic));
}

/**
 * What is missing before this person may be referred into the NRM. Empty for a child, or when
 * the profile requires no adult consent. Never throws.
 */
export function referralConsentRequirements(
  profile: Pick<TJurisdictionProfile, 'referral'>,
  subject: TReferralSubject,
): TUnmetRequirement[] {
  if (subject.isChild || !profile.referral.adultConsentRequired) return [];
  const consent = subject.consent;
  if (consent === null) return [{ code: 'CONSENT_REQUIRED', message: 'an adult referral needs recorded informed consent' }];
  if (consent.decision === 'declined') return [{ code: 'CONSENT_DECLINED', message: 'the person declined to be referred' }];
  const missing = missingTopics(consent);
  return missing.length === 0
    ? []
    : [{ code: 'CONSENT_NOT_INFORMED', message: `consent is not informed: not explained: ${missing.join(', ')}` }];
}

/**
 * @throws AppError DOMAIN_RULE_VIOLATED with reason `CONSENT_REQUIRED`, `CONSENT_DECLINED` or
 *   `CONSENT_NOT_INFORMED`.
 */
export function assertReferralConsent(profile: Pick<TJurisdictionProfile, 'referral'>, subject: TReferralSubject): void {
  assertRequirementsMet(referralConsentRequirements(profile, subject), 'The person cannot be referred');
}

/**
 * Which route an identified person takes: a full NRM referral (children always; adults with
 * informed consent), an anonymous notification (adults who decline, where the profile counts
 * them), or nothing yet while consent is being sought. Never throws.
 */
export function referralRoute(profile: Pick<TJurisdictionProfile, 'referral'>, subject: TReferralSubject): TReferralRoute {
  if (referralConsentRequirements(profile, subject).length === 0) return 'nrm_referral';
  if (subject.consent?.decision === 'declined') {
    return profile.referral.anonymousNotificationWhenAdultDeclines ? 'anonymous_notification' : 'no_referral';
  }
  return 'awaiting_consent';
}
