import { z } from 'zod';
import { ZPlainDate } from '../../../core/nrm/calendar.ts';
import { ZConsentBasis } from '../../../core/protection/consent.ts';
import { ZFieldGroup } from '../../../core/protection/field-groups.ts';
import { DECLINE_REASONS, REFERRAL_ACTIONS, REVOKE_REASONS, ZReferralStatus } from '../../../core/protection/referral-status.ts';
import { ZServiceKind } from '../../../core/protection/service-taxonomy.ts';
import { ZUuid } from '../../http/common-schemas.ts';
import { ZPersonIdentity } from '../cases/person-identity.ts';
import { ZLanguageCode } from '../services/services.schemas.ts';

const unique = <T>(values: T[]) => new Set(values).size === values.length;
const ZText = (max: number) => z.string().trim().min(1).max(max);
/** BCP 47, e.g. `ro` or `pt-BR`. */
export const ZLanguageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as ro or pt-BR');
const ZExpectedVersion = z.int().min(1);

export const ZCaseParams = z.object({ orgId: ZUuid, caseId: ZUuid }).strict();
export const ZConsentParams = z.object({ orgId: ZUuid, caseId: ZUuid, consentId: ZUuid }).strict();
export const ZReferralParams = z.object({ orgId: ZUuid, referralId: ZUuid }).strict();

export const ZRecordConsent = z.strictObject({
  receivingOrgId: ZUuid,
  /** The service kinds the person agreed to be referred for. */
  purposes: z.array(ZServiceKind).min(1).max(11).refine(unique, 'Purposes repeat'),
  /** What may be shared with that organisation. */
  fieldGroups: z.array(ZFieldGroup).min(1).max(6).refine(unique, 'Field groups repeat'),
  decision: z.enum(['given', 'declined']),
  basis: ZConsentBasis,
  language: ZLanguageTag,
  interpreterUsed: z.boolean(),
});
export type TRecordConsent = z.infer<typeof ZRecordConsent>;

const referralFields = {
  serviceId: ZUuid,
  serviceAtLocationId: ZUuid.nullable().default(null),
  purpose: ZServiceKind,
  fieldGroups: z.array(ZFieldGroup).min(1).max(6).refine(unique, 'Field groups repeat'),
  /** Written for this referral; shared only with the `needs` group. */
  needs: z.strictObject({ summary: ZText(4000), languages: z.array(ZLanguageCode).max(20).refine(unique, 'Languages repeat') }).nullable().default(null),
  /** Written for this referral; shared only with the `safety` group. */
  safetyNotes: ZText(4000).nullable().default(null),
};

/** Notes are written for a group and travel only with it: a note without its group, or the reverse, is refused. */
function checkNotes(value: { fieldGroups: string[]; needs: unknown; safetyNotes: unknown }, context: z.RefinementCtx): void {
  const pairs: [group: string, key: 'needs' | 'safetyNotes'][] = [['needs', 'needs'], ['safety', 'safetyNotes']];
  for (const [group, key] of pairs) {
    const isShared = value.fieldGroups.includes(group);
    if (isShared && value[key] === null) context.addIssue({ code: 'custom', path: [key], message: `Write the ${group} notes shared with the ${group} group` });
    if (!isShared && value[key] !== null) context.addIssue({ code: 'custom', path: [key], message: `Only shared with the ${group} field group` });
  }
}

export const ZSendReferral = z.strictObject(referralFields).superRefine(checkNotes);
export type TSendReferral = z.infer<typeof ZSendReferral>;
export const ZEmergencyReferral = z.strictObject({
  ...referralFields,
  /** Why consent could not be obtained first; stored encrypted, its use audited. */
  justification: ZText(4000).min(20, 'Explain the emergency in at least 20 characters'),
}).superRefine(checkNotes);

export const ZVersionRequest = z.strictObject({ expectedVersion: ZExpectedVersion });
export const ZDeclineReferral = z.strictObject({
  reason: z.enum(DECLINE_REASONS),
  note: ZText(1000).nullable().default(null),
  expectedVersion: ZExpectedVersion,
}).refine((value) => value.reason !== 'other' || value.note !== null, { message: 'Say why when the reason is other', path: ['note'] });

export const ZInboxQuery = z.strictObject({
  box: z.enum(['shared_with_me', 'action_needed', 'sent']),
  caseId: ZUuid.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TInbox = z.infer<typeof ZInboxQuery>['box'];

export const DELIVERY_UNITS = ['session', 'night', 'hour', 'day', 'item', 'payment', 'other'] as const;
const deliveryFields = {
  serviceKind: ZServiceKind,
  deliveredOn: ZPlainDate,
  // numeric(10, 2): anything under a hundredth would round to 0 and break the positive check in the database.
  quantity: z.number().min(0.01).max(10_000).multipleOf(0.01),
  unit: z.enum(DELIVERY_UNITS),
  /** The language the service was delivered in. */
  language: ZLanguageTag,
  interpreterUsed: z.boolean(),
};
export const ZReferralDelivery = z.strictObject(deliveryFields);
export const ZCaseDelivery = z.strictObject({ ...deliveryFields, serviceId: ZUuid.nullable().default(null) });
export type TDeliveryInput = z.infer<typeof ZReferralDelivery>;

// ── responses ──

export const ZConsentView = z.object({
  id: z.string(), receivingOrg: z.object({ id: z.string(), name: z.string() }), purposes: z.array(z.string()), fieldGroups: z.array(z.string()),
  decision: z.enum(['given', 'declined']), basis: z.string(), language: z.string(), interpreterUsed: z.boolean(),
  recordedAt: z.string(), recordedBy: z.string().nullable(), withdrawnAt: z.string().nullable(),
});

/** What a receiving organisation sees: only the groups the referral shares are present. */
export const ZSharedFields = z.object({
  identityBasic: z.object({
    givenName: z.string().optional(), familyName: z.string().optional(), otherNames: z.array(z.string()).optional(),
    sex: z.string(), ageYears: z.number().nullable(), citizenship: z.string().nullable(), isChild: z.boolean(),
  }).optional(),
  identityDocuments: ZPersonIdentity.pick({ dateOfBirth: true, documentNumbers: true }).optional(),
  contact: ZPersonIdentity.pick({ phone: true, address: true }).optional(),
  needs: z.object({ summary: z.string(), languages: z.array(z.string()), exploitationForms: z.array(z.string()) }).optional(),
  safety: z.object({ notes: z.string() }).optional(),
  nrmStatus: z.object({ caseStatus: z.string(), hasPositiveReasonableGrounds: z.boolean() }).optional(),
});
export type TSharedFields = z.infer<typeof ZSharedFields>;

export const ZDeliveryView = z.object({
  id: z.string(), serviceKind: z.string(), serviceId: z.string().nullable(), referralId: z.string().nullable(), deliveredOn: z.string(), quantity: z.number(),
  unit: z.string(), language: z.string(), interpreterUsed: z.boolean(), deliveredBy: z.object({ userId: z.string(), displayName: z.string() }).nullable(),
  organisation: z.object({ id: z.string(), name: z.string() }), recordedAt: z.string(),
});
export type TDeliveryView = z.infer<typeof ZDeliveryView>;

const ZOrgRef = z.object({ id: z.string(), name: z.string() });
export const ZReferralView = z.object({
  id: z.string(),
  /** The viewer's side: the referring (case-owning) organisation or the receiving one. */
  side: z.enum(['referrer', 'receiver']),
  status: ZReferralStatus,
  purpose: z.string(),
  fieldGroups: z.array(z.string()),
  isEmergencyOverride: z.boolean(),
  service: z.object({ id: z.string(), name: z.string() }),
  serviceAtLocationId: z.string().nullable(),
  referringOrg: ZOrgRef,
  receivingOrg: ZOrgRef,
  /** Only the referrer sees which case this is. */
  case: z.object({ id: z.string(), reference: z.string() }).nullable(),
  /** Only the receiver, and only while the referral is sent or accepted. */
  shared: ZSharedFields.nullable(),
  declineReason: z.string().nullable(),
  declineNote: z.string().nullable(),
  revokeReason: z.enum(REVOKE_REASONS).nullable(),
  sentAt: z.string(),
  respondedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  version: z.number().int(),
  deliveries: z.array(ZDeliveryView),
  allowedActions: z.array(z.enum(REFERRAL_ACTIONS)),
});
export type TReferralView = z.infer<typeof ZReferralView>;

export const ZReferralSummary = z.object({
  id: z.string(), side: z.enum(['referrer', 'receiver']), status: ZReferralStatus, purpose: z.string(), serviceName: z.string(),
  counterpartOrg: ZOrgRef, caseReference: z.string().nullable(), isEmergencyOverride: z.boolean(), sentAt: z.string(), needsAction: z.boolean(),
});
