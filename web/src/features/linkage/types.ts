/** Response shapes of the linkage API (server/modules/linkage/linkage.schemas.ts). */
export type TJobStatus = 'running' | 'succeeded' | 'failed';
export type TCandidateStatus = 'pending' | 'match' | 'not_match' | 'merged';

export interface TDedupeJob {
  id: string;
  status: TJobStatus;
  stage: string;
  progress: number;
  personsRead: number | null;
  candidatePairs: number | null;
  reviewPairs: number | null;
  clusters: number | null;
  modelSource: 'organisation' | 'reference' | null;
  failureReason: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface TComparisonWeight {
  comparison: string;
  level: number;
  label: string;
  m: number | null;
  u: number | null;
  weight: number;
  termFrequencyAdjustment: number;
}

export interface TExplanation {
  priorWeight: number;
  comparisons: TComparisonWeight[];
  namesSwapped: boolean;
  totalWeight: number;
  probability: number;
}

export interface TCaseRef { id: string; reference: string; status: string }
export interface TPersonCases { personId: string; cases: TCaseRef[] }

export interface TCandidateSummary {
  id: string;
  personA: TPersonCases;
  personB: TPersonCases;
  probability: number;
  matchWeight: number;
  explanation: TExplanation;
  status: TCandidateStatus;
  decidedAt: string | null;
  mergeId: string | null;
}

export interface TPersonIdentity {
  givenName?: string;
  familyName?: string;
  otherNames?: string[];
  dateOfBirth?: string;
  documentNumbers?: string[];
  phone?: string;
  address?: string;
}

export interface TReviewedPerson extends TPersonCases {
  sex: string;
  ageYears: number | null;
  citizenship: string | null;
  identity: TPersonIdentity | null;
}

export interface TCandidateDetail extends Omit<TCandidateSummary, 'personA' | 'personB'> {
  personA: TReviewedPerson;
  personB: TReviewedPerson;
  identityShown: boolean;
}

export type TPublishedCell = { value: number } | { suppressed: true; reason: 'primary' | 'secondary' };

export interface TUniquePersons {
  threshold: number;
  uniquePersons: TPublishedCell;
  byBucket: { bucket: string; persons: TPublishedCell }[];
}
