import { z } from 'zod';
import { ZUuid } from '../../http/common-schemas.ts';
import { ZPersonIdentity } from '../cases/person-identity.ts';
import { ZCountryCode, ZSex } from '../cases/cases.schemas.ts';

export const ZJobParams = z.object({ orgId: ZUuid, jobId: ZUuid }).strict();
export const ZCandidateParams = z.object({ orgId: ZUuid, candidateId: ZUuid }).strict();
export const ZMergeParams = z.object({ orgId: ZUuid, mergeId: ZUuid }).strict();

export const JOB_STATUSES = ['running', 'succeeded', 'failed'] as const;
export const CANDIDATE_STATUSES = ['pending', 'match', 'not_match', 'merged'] as const;
export const ZCandidateStatus = z.enum(CANDIDATE_STATUSES);

export const ZJob = z.object({
  id: z.string(),
  kind: z.literal('dedupe'),
  status: z.enum(JOB_STATUSES),
  stage: z.string(),
  progress: z.number(),
  personsRead: z.number().nullable(),
  candidatePairs: z.number().nullable(),
  reviewPairs: z.number().nullable(),
  clusters: z.number().nullable(),
  modelSource: z.enum(['organisation', 'reference']).nullable(),
  failureReason: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TJob = z.infer<typeof ZJob>;

/** One term of a pair's score: the comparison's level and weight, never the compared values. */
export const ZComparisonWeight = z.object({
  comparison: z.string(),
  level: z.number(),
  label: z.string(),
  m: z.number().nullable(),
  u: z.number().nullable(),
  weight: z.number(),
  termFrequencyAdjustment: z.number(),
});
export const ZExplanation = z.object({
  priorWeight: z.number(),
  comparisons: z.array(ZComparisonWeight),
  namesSwapped: z.boolean(),
  totalWeight: z.number(),
  probability: z.number(),
});
export type TExplanation = z.infer<typeof ZExplanation>;

export const ZPersonCases = z.object({
  personId: z.string(),
  cases: z.array(z.object({ id: z.string(), reference: z.string(), status: z.string() })),
});

export const ZCandidateSummary = z.object({
  id: z.string(),
  jobId: z.string(),
  personA: ZPersonCases,
  personB: ZPersonCases,
  probability: z.number(),
  matchWeight: z.number(),
  explanation: ZExplanation,
  status: ZCandidateStatus,
  decidedAt: z.string().nullable(),
  mergeId: z.string().nullable(),
});
export type TCandidateSummary = z.infer<typeof ZCandidateSummary>;

/** A side of the side-by-side view: identity only for reviewers who may read it. */
export const ZReviewedPerson = ZPersonCases.extend({
  sex: z.string(),
  ageYears: z.number().nullable(),
  citizenship: z.string().nullable(),
  identity: ZPersonIdentity.nullable(),
});
export const ZCandidateDetail = ZCandidateSummary.extend({ personA: ZReviewedPerson, personB: ZReviewedPerson, identityShown: z.boolean() });
export type TCandidateDetail = z.infer<typeof ZCandidateDetail>;

export const ZCandidateListQuery = z.strictObject({
  status: ZCandidateStatus.default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZDecisionRequest = z.strictObject({
  decision: z.enum(['match', 'not_match', 'pending']),
});

export const ZMergeRequest = z.strictObject({
  /** The person who stays; the other one's cases move to them. */
  survivingPersonId: ZUuid,
});

export const ZMerge = z.object({
  id: z.string(),
  candidateId: z.string().nullable(),
  survivingPersonId: z.string(),
  mergedPersonId: z.string(),
  movedCaseIds: z.array(z.string()),
  status: z.enum(['merged', 'unmerged']),
  mergedAt: z.string(),
  unmergedAt: z.string().nullable(),
});
export type TMerge = z.infer<typeof ZMerge>;

export const ZDuplicateCheckRequest = z.strictObject({
  identity: ZPersonIdentity,
  sex: ZSex.nullable().default(null),
  citizenship: ZCountryCode.nullable().default(null),
});
export type TDuplicateCheckRequest = z.infer<typeof ZDuplicateCheckRequest>;

/**
 * What the registering user did about a check's possible matches: registered a new person anyway
 * (`caseId` = the new case) or opened an existing case (`caseId` = that case).
 */
export const ZDuplicateCheckDecisionRequest = z.strictObject({
  decision: z.enum(['registered_anyway', 'opened_existing']),
  caseId: ZUuid,
  matchedPersonIds: z.array(ZUuid).min(1).max(10),
});
export type TDuplicateCheckDecisionRequest = z.infer<typeof ZDuplicateCheckDecisionRequest>;

export const ZDuplicateMatch = ZPersonCases.extend({
  probability: z.number(),
  matchWeight: z.number(),
  explanation: ZExplanation,
  /** "Given Family" for callers holding person.readIdentity, otherwise null. */
  displayName: z.string().nullable(),
});
export type TDuplicateMatch = z.infer<typeof ZDuplicateMatch>;

export const ZPublishedCell = z.union([z.object({ value: z.number() }), z.object({ suppressed: z.literal(true), reason: z.enum(['primary', 'secondary']) })]);
export const ZUniquePersons = z.object({
  threshold: z.number(),
  /** People, once confirmed matches and merges are counted once (the grand total). */
  uniquePersons: ZPublishedCell,
  /** Persons by how many records they have in the register: 1, 2, 3+. */
  byBucket: z.array(z.object({ bucket: z.string(), persons: ZPublishedCell })),
  byParty: z.array(z.object({ party: z.string(), only: ZPublishedCell, shared: ZPublishedCell })),
  suppressedCells: z.number(),
});
