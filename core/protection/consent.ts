/**
 * Consent to share a case with one receiving organisation for given purposes (our design, after
 * Primero's consent-gated disclosure, anchors.md 1.1). Consent is recorded per agency, per
 * purpose (a service kind) and per field group; a referral goes ahead only when the latest
 * recorded decision for that agency and purpose is a consent that covers every field group the
 * referral shares, unless an emergency override is used (a separate permission, audited).
 *
 * Children (domain.md d.4): consent comes from the guardian, or from a best-interests decision by
 * child protection; an unaccompanied child (or one whose accompaniment is not known) needs a
 * recorded guardian first. Nothing here depends on any criminal-justice participation.
 */
import { z } from 'zod';
import { assertRequirementsMet, type TUnmetRequirement } from '../nrm/requirements.ts';
import { missingFieldGroups, type TFieldGroup } from './field-groups.ts';
import type { TServiceKind } from './service-taxonomy.ts';

/** PERSISTED VALUES. Who gave the consent: the person, their guardian, or a best-interests decision. */
export const CONSENT_BASES = ['person', 'guardian', 'best_interests'] as const;
export const ZConsentBasis = z.enum(CONSENT_BASES);
export type TConsentBasis = z.infer<typeof ZConsentBasis>;

export interface TConsentSubject {
  isChild: boolean;
  /** null = not known, treated as unaccompanied (protective default). */
  isUnaccompanied: boolean | null;
  hasGuardian: boolean;
}

/** Unmet requirements for recording a consent on this basis. Never throws. */
export function consentBasisRequirements(subject: TConsentSubject, basis: TConsentBasis): TUnmetRequirement[] {
  if (!subject.isChild) {
    return basis === 'person' ? [] : [{ code: 'CONSENT_BASIS_NOT_ALLOWED', message: 'an adult gives consent personally' }];
  }
  const unmet: TUnmetRequirement[] = [];
  if (basis === 'person') unmet.push({ code: 'CONSENT_BASIS_NOT_ALLOWED', message: 'a child’s consent is given by the guardian or by a best-interests decision' });
  if (subject.isUnaccompanied !== false && !subject.hasGuardian) unmet.push({ code: 'GUARDIAN_REQUIRED', message: 'an unaccompanied child needs a recorded guardian' });
  return unmet;
}

/** @throws AppError DOMAIN_RULE_VIOLATED (`CONSENT_BASIS_NOT_ALLOWED`, `GUARDIAN_REQUIRED`) */
export function assertConsentBasis(subject: TConsentSubject, basis: TConsentBasis): void {
  assertRequirementsMet(consentBasisRequirements(subject, basis), 'The consent cannot be recorded');
}

export interface TConsentRecord {
  id: string;
  receivingOrgId: string;
  purposes: readonly TServiceKind[];
  fieldGroups: readonly TFieldGroup[];
  decision: 'given' | 'declined';
  recordedAt: Date;
  /** Insertion order, for records made in the same instant. */
  seq: number;
  withdrawnAt: Date | null;
}

export interface TReferralRequest {
  receivingOrgId: string;
  purpose: TServiceKind;
  fieldGroups: readonly TFieldGroup[];
}

/**
 * The consent a referral relies on, or what is missing. The latest decision recorded for the
 * agency and purpose counts (people change their minds); withdrawn records do not count.
 * Never throws.
 */
export function coveringConsent(consents: readonly TConsentRecord[], request: TReferralRequest): { consent: TConsentRecord | null; unmet: TUnmetRequirement[] } {
  const relevant = consents
    .filter((c) => c.receivingOrgId === request.receivingOrgId && c.purposes.includes(request.purpose) && c.withdrawnAt === null)
    .sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime() || b.seq - a.seq);
  const latest = relevant[0];
  if (!latest) return { consent: null, unmet: [{ code: 'CONSENT_REQUIRED', message: 'no consent is recorded for this organisation and purpose' }] };
  if (latest.decision === 'declined') return { consent: null, unmet: [{ code: 'CONSENT_DECLINED', message: 'the person declined sharing with this organisation for this purpose' }] };
  const missing = missingFieldGroups(request.fieldGroups, latest.fieldGroups);
  if (missing.length > 0) return { consent: null, unmet: [{ code: 'CONSENT_DOES_NOT_COVER_FIELDS', message: `consent does not cover: ${missing.join(', ')}` }] };
  return { consent: latest, unmet: [] };
}
