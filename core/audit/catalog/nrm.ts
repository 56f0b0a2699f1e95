/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of identify, refer, decide. Metadata never holds identifying values (names,
 * dates of birth, document numbers, decision reasons): only codes, ids and outcomes.
 */
import { z } from 'zod';
import { CASE_STATUSES } from '../../nrm/case-status.ts';
import { CLOSURE_REASONS } from '../../nrm/closure.ts';
import { ACCESS_PURPOSES } from '../../security/access-purpose.ts';

const ZStatus = z.enum(CASE_STATUSES);

export const NRM_AUDIT_EVENTS = {
  'case.created': z.object({ reference: z.string(), isChild: z.boolean(), jurisdictionProfile: z.string() }).strict(),
  // purpose: which view opened it; accessPurpose: the reader's stated reason, a code (security policy, migration 0020).
  'person.identityViewed': z.object({ personId: z.string(), purpose: z.string(), accessPurpose: z.enum(ACCESS_PURPOSES).optional() }).strict(),
  'person.identitiesListed': z.object({ count: z.number().int(), searched: z.boolean() }).strict(),
  'person.identityUpdated': z.object({ personId: z.string(), fields: z.array(z.string()) }).strict(),
  'screening.recorded': z.object({ screeningId: z.string(), listId: z.string(), outcome: z.string() }).strict(),
  'consent.recorded': z.object({ decision: z.enum(['given', 'declined']), topicsExplained: z.array(z.string()) }).strict(),
  'case.referred': z.object({ from: ZStatus, to: ZStatus, isChild: z.boolean() }).strict(),
  'decision.recorded': z.object({ decisionId: z.string(), kind: z.enum(['RG', 'CG']), outcome: z.enum(['positive', 'negative']), isReconsideration: z.boolean(), from: ZStatus, to: ZStatus }).strict(),
  'case.reconsiderationRequested': z.object({ from: ZStatus, to: ZStatus }).strict(),
  'case.withdrawn': z.object({ from: ZStatus }).strict(),
  'case.closed': z.object({ from: ZStatus, reason: z.enum(CLOSURE_REASONS) }).strict(),
  'case.childLeadAssigned': z.object({ userId: z.string() }).strict(),
  'case.ageAssessed': z.object({ outcome: z.enum(['child', 'adult']), isChild: z.boolean() }).strict(),
  'case.guardianRecorded': z.object({ kind: z.string() }).strict(),
  'case.bestInterestsDetermined': z.object({ outcome: z.string(), riskAndSecurityAssessmentDone: z.boolean() }).strict(),
  'case.protectionUpdated': z.object({ fields: z.array(z.string()) }).strict(),
  'deadline.breached': z.object({ deadlineId: z.string(), kind: z.string(), dueAt: z.string() }).strict(),
  'deadline.elapsed': z.object({ deadlineId: z.string(), kind: z.string(), dueAt: z.string() }).strict(),
  'document.uploaded': z.object({ documentId: z.string(), contentType: z.string(), sizeBytes: z.number().int() }).strict(),
  'document.downloaded': z.object({ documentId: z.string(), accessPurpose: z.enum(ACCESS_PURPOSES).optional() }).strict(),
  // A list of documents shows their file names (identifying): which documents were shown, never the names.
  'document.listed': z.object({ holder: z.enum(['case', 'plan']), documentIds: z.array(z.string()) }).strict(),
  'document.uploadedToPlan': z.object({ documentId: z.string(), planId: z.string(), contentType: z.string(), sizeBytes: z.number().int() }).strict(),
  'document.downloadedFromPlan': z.object({ documentId: z.string(), planId: z.string(), accessPurpose: z.enum(ACCESS_PURPOSES).optional() }).strict(),
  // A plan document copied onto the receiver's plan when a transferred case is handed over.
  'document.receivedByTransfer': z.object({ documentId: z.string(), planId: z.string(), transferId: z.string(), fromOrgId: z.string(), fromDocumentId: z.string() }).strict(),
  'anonymousNotification.recorded': z.object({ notificationId: z.string() }).strict(),
  'referralDraft.saved': z.object({ draftId: z.string(), step: z.number().int() }).strict(),
  'referralDraft.deleted': z.object({ draftId: z.string() }).strict(),
  'jurisdictionProfile.added': z.object({ id: z.string(), version: z.string() }).strict(),
  'organisation.jurisdictionChanged': z.object({ from: z.string(), to: z.string() }).strict(),
} as const;
