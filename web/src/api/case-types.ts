import type { TCaseAction, TCaseStatus } from '../../../core/nrm/case-status.ts';
import type { TClosureReason } from '../../../core/nrm/closure.ts';
import type { TConsentTopic } from '../../../core/nrm/consent.ts';
import type { TAgeStatus } from '../../../core/nrm/child-pathway.ts';
import type { TDimension, TStrength } from '../../../core/screening/dimensions.ts';
import type { TLabels } from '../../../core/screening/labels.ts';
import type { TScreeningOutcome } from '../../../core/screening/outcomes.ts';
import type { TObservationStatus, TScreeningResult } from '../../../core/screening/schemas.ts';

/**
 * Shapes of the NRM case API (identify, refer, decide) as the web app reads them. The server's
 * zod schemas are the source; what a user may do always comes from `allowedActions` and `abilities`.
 */

export type TSex = 'female' | 'male' | 'other' | 'not_known';
export type TExploitationType = 'labour' | 'sexual' | 'criminal' | 'domestic_servitude' | 'organ_removal' | 'forced_marriage' | 'other' | 'not_known';
export type TCaseSource = 'case_management' | 'hotline' | 'other';
export type TDeadlineKind = 'rg_decision' | 'recovery_period_end';
/** Open deadlines by time (due, dueSoon, breached); closed ones by outcome (met, elapsed, cancelled). */
export type TDeadlineState = 'due' | 'dueSoon' | 'breached' | 'met' | 'elapsed' | 'cancelled';
export type TGuardianKind = 'legal_guardian' | 'independent_child_trafficking_guardian' | 'organisation' | 'authority';
export type TBestInterestsOutcome = 'return_in_best_interests' | 'return_not_in_best_interests' | 'other_durable_solution';
export type TApplicationStatus = 'none' | 'applied' | 'granted' | 'refused';

export interface TScreeningIndicator {
  id: string;
  dimension: TDimension;
  strength: TStrength;
  labels: TLabels;
}

export interface TScreeningList {
  id: string;
  ageGroup: 'adult' | 'child';
  form: 'labour' | 'sexual';
  version: string;
  isProvisional: boolean;
  indicators: TScreeningIndicator[];
}

export interface TIdentity {
  givenName?: string;
  familyName?: string;
  otherNames?: string[];
  /** YYYY-MM-DD */
  dateOfBirth?: string;
  documentNumbers?: string[];
  phone?: string;
  address?: string;
}

export interface TPersonInput {
  identity: TIdentity;
  sex: TSex;
  ageYears: number | null;
  ageStatus: TAgeStatus;
  /** ISO 3166-1 alpha-2, or null when not known. */
  citizenship: string | null;
}

export interface TCaseDetailsInput {
  countryOfExploitation: string | null;
  exploitationForms: TExploitationType[];
  isUnaccompanied: boolean | null;
  source: TCaseSource;
}

export interface TCreateCaseRequest {
  person: TPersonInput;
  details: TCaseDetailsInput;
}

export interface TNextDeadline {
  kind: TDeadlineKind;
  dueAt: string;
  state: TDeadlineState;
}

export interface TCaseSummary {
  id: string;
  reference: string;
  status: TCaseStatus;
  isChild: boolean;
  /** Null for roles without access to identity. */
  displayName: string | null;
  sex: TSex;
  ageYears: number | null;
  citizenship: string | null;
  nextDeadline: TNextDeadline | null;
  updatedAt: string;
  /** `out`: handed over to another organisation; `in`: received from one. */
  transfer: 'out' | 'in' | null;
}

export interface TConsentRecord {
  decision: 'given' | 'declined';
  topicsExplained: TConsentTopic[];
  language: string;
  interpreterUsed: boolean;
  explainedAt: string;
  explainedBy: unknown;
}

export interface TScreeningRecord {
  id: string;
  listId: string;
  outcome: TScreeningOutcome;
  result: TScreeningResult;
  recordedAt: string;
  recordedBy: unknown;
}

export interface TDecision {
  id: string;
  kind: 'RG' | 'CG';
  outcome: 'positive' | 'negative';
  reasons: string[];
  evidenceStandard: string;
  decidedAt: string;
  decidedBy: unknown;
  isReconsideration: boolean;
}

export interface TCaseDeadline {
  id: string;
  kind: TDeadlineKind;
  dueAt: string;
  state: TDeadlineState;
}

export interface TRequirement {
  code: string;
  message: string;
}

export interface TChildProtection {
  lead: { userId: string; displayName: string } | null;
  guardian: { kind: TGuardianKind; guardianRef: string; appointedAt: string } | null;
  ageAssessment: { outcome: 'child' | 'adult'; assessedAt: string } | null;
  bestInterestsDetermination: {
    outcome: TBestInterestsOutcome;
    completedAt: string;
    riskAndSecurityAssessment: { completedAt: string } | null;
  } | null;
  unmet: { case: TRequirement[]; closure: TRequirement[]; return: TRequirement[] };
}

export interface TProtection {
  nonPunishment: { offencesLinkedToExploitation: boolean | null; note: string | null };
  residence: { status: TApplicationStatus; kind: string | null };
  asylum: { status: TApplicationStatus };
  internationalProtectionNeeds: boolean | null;
}

export type TCaseAbility = 'case.refer' | 'decision.record' | 'case.close' | 'child.manage' | 'screening.record' | 'person.readIdentity';

export interface TCaseDetail {
  id: string;
  reference: string;
  status: TCaseStatus;
  version: number;
  isChild: boolean;
  childBasis: string;
  person: {
    id: string;
    /** Null for roles without access to identity. */
    identity: TIdentity | null;
    sex: TSex;
    ageYears: number | null;
    ageStatus: TAgeStatus;
    citizenship: string | null;
  };
  details: TCaseDetailsInput & { yearOfRegistration?: number };
  consent: TConsentRecord | null;
  screenings: TScreeningRecord[];
  decisions: TDecision[];
  deadlines: TCaseDeadline[];
  recoveryPeriod: { startsAt: string; earliestCgAt: string } | null;
  childProtection: TChildProtection;
  protection: TProtection;
  jurisdictionProfile: { id: string; version: string };
  closureReason?: string | null;
  allowedActions: TCaseAction[];
  abilities: Record<TCaseAbility, boolean>;
  createdAt: string;
  updatedAt: string;
}

export interface TTimelineEvent {
  seq: number;
  action: string;
  actorLabel: string | null;
  createdAt: string;
  metadata: unknown;
}

export interface TScreeningRequest {
  listId: string;
  observations: { indicatorId: string; status: TObservationStatus }[];
}

export interface TConsentRequest {
  decision: 'given' | 'declined';
  topicsExplained: TConsentTopic[];
  language: string;
  interpreterUsed: boolean;
}

export interface TDecisionRequest {
  kind: 'RG' | 'CG';
  outcome: 'positive' | 'negative';
  reasons: string[];
}

export interface TClosureRequest {
  reason: TClosureReason;
}

export interface TAnonymousNotificationRequest {
  notifiedOn: string;
  sex: TSex;
  ageBand: string;
  ageAtExploitation: 'adult' | 'child' | 'not_known';
  nationality: string;
  exploitationTypes: TExploitationType[];
  exploitationLocation: 'in_country' | 'overseas' | 'both' | 'not_known';
  locationRegion: string;
}

export interface TDeadlineRow {
  id: string;
  caseId: string;
  caseReference: string;
  kind: TDeadlineKind;
  dueAt: string;
  state: TDeadlineState;
}

export interface TReferralDraft<D = unknown> {
  id: string;
  step: number;
  data: D;
  updatedAt: string;
}
