/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of protect and assist: the service directory, consent per agency, service
 * referrals (each transition written to the referrer's chain with the case id, and to the
 * receiver's chain), deliveries, plans and remedies. Metadata holds ids, codes and counts only:
 * never names, addresses, needs or safety notes, plan wording or override justifications.
 */
import { z } from 'zod';
import { REFERRAL_STATUSES } from '../../protection/referral-status.ts';

const ZId = z.string();
const ZReferralStatus = z.enum(REFERRAL_STATUSES);

export const PROTECTION_AUDIT_EVENTS = {
  'directoryOrganization.created': z.object({ directoryOrganizationId: ZId }).strict(),
  'directoryLocation.created': z.object({ locationId: ZId, isConfidential: z.boolean() }).strict(),
  'service.created': z.object({ serviceId: ZId, kinds: z.array(z.string()) }).strict(),
  'service.updated': z.object({ serviceId: ZId, fields: z.array(z.string()) }).strict(),
  'service.capacityUpdated': z.object({ serviceId: ZId, maximum: z.number().int().nullable(), available: z.number().int().nullable() }).strict(),
  'service.locationLinked': z.object({ serviceId: ZId, locationId: ZId, serviceAtLocationId: ZId }).strict(),
  // format: which HSDS serialisation (JSON document or the tabular CSV package); absent on rows written before it existed.
  'directory.imported': z.object({ created: z.number().int(), updated: z.number().int(), services: z.number().int(), locations: z.number().int(), format: z.enum(['json', 'csv']).optional() }).strict(),
  'directory.exported': z.object({ scope: z.enum(['own', 'all']), includeConfidential: z.boolean(), services: z.number().int(), format: z.enum(['json', 'csv']).optional() }).strict(),
  'serviceConsent.recorded': z.object({
    consentId: ZId, receivingOrgId: ZId, purposes: z.array(z.string()), fieldGroups: z.array(z.string()), decision: z.enum(['given', 'declined']), basis: z.string(),
  }).strict(),
  'serviceConsent.withdrawn': z.object({ consentId: ZId, receivingOrgId: ZId, referralsRevoked: z.number().int() }).strict(),
  'serviceReferral.sent': z.object({
    referralId: ZId, caseOrgId: ZId, receivingOrgId: ZId, serviceId: ZId, purpose: z.string(), fieldGroups: z.array(z.string()), isOverride: z.boolean(),
  }).strict(),
  /** Consent was bypassed in an emergency; the written justification is stored encrypted on the referral. */
  'serviceReferral.overrideUsed': z.object({ referralId: ZId, receivingOrgId: ZId, purpose: z.string(), fieldGroups: z.array(z.string()), justificationLength: z.number().int() }).strict(),
  'serviceReferral.accepted': z.object({ referralId: ZId, from: ZReferralStatus, to: ZReferralStatus }).strict(),
  'serviceReferral.declined': z.object({ referralId: ZId, from: ZReferralStatus, to: ZReferralStatus, reason: z.string() }).strict(),
  'serviceReferral.completed': z.object({ referralId: ZId, from: ZReferralStatus, to: ZReferralStatus }).strict(),
  'serviceReferral.revoked': z.object({ referralId: ZId, from: ZReferralStatus, to: ZReferralStatus, reason: z.string() }).strict(),
  /** The receiving organisation opened the shared fields (recorded in both chains). */
  'serviceReferral.sharedViewed': z.object({ referralId: ZId, viewerOrgId: ZId, fieldGroups: z.array(z.string()) }).strict(),
  'serviceDelivery.recorded': z.object({ deliveryId: ZId, serviceKind: z.string(), referralId: ZId.nullable(), recordedByOrgId: ZId }).strict(),
  'plan.versionSaved': z.object({ planId: ZId, version: z.number().int(), domains: z.array(z.string()), goals: z.number().int(), approvalStatus: z.string() }).strict(),
  /** The plan (the survivor's words and needs) was opened: the latest version, or the history with the versions shown. */
  'plan.viewed': z.object({ planId: ZId, scope: z.enum(['latest', 'history']), versions: z.array(z.number().int()) }).strict(),
  'plan.reviewed': z.object({ planId: ZId, version: z.number().int(), decision: z.enum(['approved', 'returned']) }).strict(),
  'planSettings.changed': z.object({ requiresApproval: z.boolean() }).strict(),
  'remedy.claimOpened': z.object({ claimId: ZId, kind: z.string(), status: z.string(), currency: z.string() }).strict(),
  'remedy.statusChanged': z.object({ claimId: ZId, from: z.string(), to: z.string() }).strict(),
  'remedy.awardRecorded': z.object({ claimId: ZId, entryId: ZId, amount: z.string(), currency: z.string(), payer: z.string() }).strict(),
  'remedy.paymentRecorded': z.object({ claimId: ZId, entryId: ZId, amount: z.string(), currency: z.string(), payer: z.string() }).strict(),
} as const;
