import { z } from 'zod';
import { CASE_ACTIONS, ZCaseStatus } from '../../../core/nrm/case-status.ts';
import { ZClosureReason } from '../../../core/nrm/closure.ts';
import { ZConsentTopic } from '../../../core/nrm/consent.ts';
import { ZAgeStatus } from '../../../core/nrm/child-pathway.ts';
import { EXPLOITATION_TYPES } from '../../../core/nrm/anonymous-notification.ts';
import { ZScreeningResult } from '../../../core/screening/schemas.ts';
import { ACCESS_PURPOSES } from '../../../core/security/access-purpose.ts';
import { ZUuid } from '../../http/common-schemas.ts';
import { ZPersonIdentity } from './person-identity.ts';

export const ZCountryCode = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, e.g. GB');
export const ZSex = z.enum(['female', 'male', 'other', 'not_known']);
export const ZExploitationType = z.enum(EXPLOITATION_TYPES);
export const ZCaseSource = z.enum(['case_management', 'hotline', 'other']);
const ZReasons = z.array(z.string().trim().min(1).max(20_000)).min(1).max(50);
const ZExpectedVersion = z.int().min(1).max(2_147_483_647); // an integer column

export const ZCaseParams = z.object({ orgId: ZUuid, caseId: ZUuid }).strict();

export const ZCreateCaseRequest = z.strictObject({
  person: z.strictObject({
    identity: ZPersonIdentity,
    sex: ZSex,
    ageYears: z.int().min(0).max(130).nullable(),
    ageStatus: ZAgeStatus,
    citizenship: ZCountryCode.nullable(),
  }),
  details: z.strictObject({
    countryOfExploitation: ZCountryCode.nullable(),
    exploitationForms: z.array(ZExploitationType).max(EXPLOITATION_TYPES.length),
    isUnaccompanied: z.boolean().nullable(),
    source: ZCaseSource,
  }),
});
export type TCreateCaseRequest = z.infer<typeof ZCreateCaseRequest>;

export const ZCaseListQuery = z.strictObject({
  status: ZCaseStatus.optional(),
  q: z.string().trim().min(2).max(200).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** `purpose`: why the reader opens the identity; required when the organisation's security policy says so. */
export const ZCaseDetailQuery = z.strictObject({ purpose: z.enum(ACCESS_PURPOSES).optional() });

export const ZConsentRequest = z.strictObject({
  decision: z.enum(['given', 'declined']),
  topicsExplained: z.array(ZConsentTopic).min(1).max(4),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
  interpreterUsed: z.boolean(),
});

export const ZVersionRequest = z.strictObject({ expectedVersion: ZExpectedVersion });
export const ZDecisionRequest = z.strictObject({
  kind: z.enum(['RG', 'CG']),
  outcome: z.enum(['positive', 'negative']),
  reasons: ZReasons,
  authority: z.enum(['competent_authority', 'multi_agency_panel', 'other']).default('competent_authority'),
  expectedVersion: ZExpectedVersion,
});
export const ZReconsiderationRequest = z.strictObject({ reasons: ZReasons, expectedVersion: ZExpectedVersion });
export const ZClosureRequest = z.strictObject({ reason: ZClosureReason, expectedVersion: ZExpectedVersion });
export const ZLeadRequest = z.strictObject({ userId: ZUuid });
export const ZAgeAssessmentRequest = z.strictObject({ outcome: z.enum(['child', 'adult']) });
export const ZGuardianRequest = z.strictObject({
  kind: z.enum(['legal_guardian', 'independent_child_trafficking_guardian', 'organisation', 'authority']),
  guardianRef: z.string().trim().min(1).max(200),
});
export const ZBestInterestsRequest = z.strictObject({
  outcome: z.enum(['return_in_best_interests', 'return_not_in_best_interests', 'other_durable_solution']),
  riskAndSecurityAssessmentDone: z.boolean(),
});
const ZApplicationStatus = z.enum(['none', 'applied', 'granted', 'refused']);
export const ZProtection = z.strictObject({
  nonPunishment: z.strictObject({ offencesLinkedToExploitation: z.boolean().nullable(), note: z.string().trim().max(2000).nullable() }),
  residence: z.strictObject({ status: ZApplicationStatus, kind: z.string().trim().max(200).nullable() }),
  asylum: z.strictObject({ status: ZApplicationStatus }),
  internationalProtectionNeeds: z.boolean().nullable(),
});
export type TProtection = z.infer<typeof ZProtection>;
export const EMPTY_PROTECTION: TProtection = {
  nonPunishment: { offencesLinkedToExploitation: null, note: null },
  residence: { status: 'none', kind: null },
  asylum: { status: 'none' },
  internationalProtectionNeeds: null,
};

const ZDeadlineState = z.enum(['due', 'dueSoon', 'breached', 'met', 'elapsed', 'cancelled']);
const ZRequirement = z.object({ code: z.string(), message: z.string() });

export const ZCaseSummary = z.object({
  id: z.string(),
  reference: z.string(),
  status: ZCaseStatus,
  isChild: z.boolean(),
  displayName: z.string().nullable(),
  sex: ZSex,
  ageYears: z.number().int().nullable(),
  citizenship: z.string().nullable(),
  nextDeadline: z.object({ kind: z.string(), dueAt: z.string(), state: ZDeadlineState }).nullable(),
  updatedAt: z.string(),
  /** `out`: handed over to another organisation; `in`: received from one; null otherwise. */
  transfer: z.enum(['out', 'in']).nullable(),
});

export const ZCaseDetail = ZCaseSummary.extend({
  version: z.number().int(),
  childBasis: z.string(),
  person: z.object({
    id: z.string(),
    identity: ZPersonIdentity.nullable(),
    sex: ZSex,
    ageYears: z.number().int().nullable(),
    ageStatus: ZAgeStatus,
    citizenship: z.string().nullable(),
  }),
  details: z.object({
    countryOfExploitation: z.string().nullable(),
    exploitationForms: z.array(z.string()),
    isUnaccompanied: z.boolean().nullable(),
    source: ZCaseSource,
    yearOfRegistration: z.number().int(),
  }),
  consent: z.object({
    decision: z.enum(['given', 'declined']), topicsExplained: z.array(z.string()), language: z.string(), interpreterUsed: z.boolean(),
    explainedAt: z.string(), explainedBy: z.object({ userId: z.string(), orgId: z.string() }),
  }).nullable(),
  screenings: z.array(z.object({ id: z.string(), listId: z.string(), outcome: z.string(), result: ZScreeningResult, recordedAt: z.string(), recordedBy: z.string().nullable() })),
  decisions: z.array(z.object({
    id: z.string(), kind: z.enum(['RG', 'CG']), outcome: z.enum(['positive', 'negative']), reasons: z.array(z.string()), evidenceStandard: z.string(),
    decidedAt: z.string(), decidedBy: z.string().nullable(), isReconsideration: z.boolean(),
  })),
  deadlines: z.array(z.object({ id: z.string(), kind: z.string(), dueAt: z.string(), state: ZDeadlineState })),
  recoveryPeriod: z.object({ startsAt: z.string(), earliestCgAt: z.string() }).nullable(),
  childProtection: z.object({
    lead: z.object({ userId: z.string(), displayName: z.string() }).nullable(),
    guardian: z.object({ kind: z.string(), guardianRef: z.string(), appointedAt: z.string() }).nullable(),
    ageAssessment: z.object({ outcome: z.enum(['child', 'adult']), assessedAt: z.string() }).nullable(),
    bestInterestsDetermination: z.object({ outcome: z.string(), completedAt: z.string(), riskAndSecurityAssessment: z.object({ completedAt: z.string() }).nullable() }).nullable(),
    unmet: z.object({ case: z.array(ZRequirement), closure: z.array(ZRequirement), return: z.array(ZRequirement) }),
  }),
  protection: ZProtection,
  jurisdictionProfile: z.object({ id: z.string(), version: z.string() }),
  closureReason: z.string().nullable(),
  linkedInvestigationCount: z.number().int(),
  allowedActions: z.array(z.enum(CASE_ACTIONS)),
  abilities: z.record(z.string(), z.boolean()),
  createdAt: z.string(),
});
export type TCaseDetail = z.infer<typeof ZCaseDetail>;
export type TCaseSummary = z.infer<typeof ZCaseSummary>;

export const ZCaseResponse = z.object({ case: ZCaseDetail });
