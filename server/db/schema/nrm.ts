import type { ColumnType, Generated, Selectable } from 'kysely';
import type { TGeneratedTimestamp, TTimestamp } from './foundation.ts';

/** jsonb written as a JSON string, read back parsed. */
type TJsonColumn<T> = ColumnType<T, string, string>;

export interface TOrganisationKeysTable {
  orgId: string;
  keyVersion: number;
  wrappedKey: string;
  createdAt: TTimestamp;
}

export interface TOrganisationSettingsTable {
  orgId: string;
  jurisdictionProfileId: string;
  updatedAt: TTimestamp;
}

export interface TJurisdictionProfilesTable {
  id: string;
  version: string;
  profile: TJsonColumn<unknown>;
  createdAt: TTimestamp;
}

export interface TOrganisationCountersTable {
  orgId: string;
  counterName: string;
  value: number;
}

export interface TPersonsTable {
  orgId: string;
  id: Generated<string>;
  identityCiphertext: string;
  keyVersion: number;
  nameIndex: string[];
  sex: string;
  ageYears: number | null;
  ageStatus: string;
  citizenship: string | null;
  createdAt: TTimestamp;
  updatedAt: TTimestamp;
  /** Set when retention or an erasure request removed the identity (migration 0012). */
  anonymisedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface TCasesTable {
  orgId: string;
  id: Generated<string>;
  reference: string;
  personId: string;
  status: string;
  version: number;
  jurisdictionProfileId: string;
  jurisdictionProfileVersion: string;
  isChild: boolean;
  childBasis: string;
  isUnaccompanied: boolean | null;
  countryOfExploitation: string | null;
  exploitationForms: string[];
  source: string;
  yearOfRegistration: number;
  consent: TJsonColumn<unknown> | null;
  referredAt: TTimestamp | null;
  rgPositiveAt: TTimestamp | null;
  closedAt: TTimestamp | null;
  closureReason: string | null;
  childProtectionLeadId: string | null;
  childProtectionLeadAssignedAt: TTimestamp | null;
  guardian: TJsonColumn<unknown> | null;
  ageAssessment: TJsonColumn<unknown> | null;
  bestInterestsDetermination: TJsonColumn<unknown> | null;
  protection: TJsonColumn<unknown>;
  createdBy: string | null;
  createdAt: TTimestamp;
  updatedAt: TTimestamp;
  /** Set when the case was handed over (migration 0007). */
  transferredToOrgId: Generated<string | null>;
  transferredToCaseId: Generated<string | null>;
  /** Set on the receiver's copy of a transferred case. */
  transferredFromOrgId: Generated<string | null>;
  transferredFromCaseId: Generated<string | null>;
}

export interface TScreeningsTable {
  orgId: string;
  id: Generated<string>;
  caseId: string;
  listId: string;
  listVersion: string;
  rulesVersion: string;
  observations: TJsonColumn<unknown>;
  result: TJsonColumn<unknown>;
  outcome: string;
  recordedBy: string | null;
  recordedAt: TTimestamp;
}

export interface TDecisionsTable {
  orgId: string;
  id: Generated<string>;
  caseId: string;
  kind: string;
  outcome: string;
  reasonsCiphertext: string;
  keyVersion: number;
  evidenceStandard: string;
  authority: string;
  isReconsideration: boolean;
  decidedBy: string | null;
  decidedAt: TTimestamp;
  jurisdictionProfileId: string;
  jurisdictionProfileVersion: string;
}

export interface TDeadlinesTable {
  orgId: string;
  id: Generated<string>;
  caseId: string;
  kind: string;
  dueAt: TTimestamp;
  status: string;
  breachedAt: TTimestamp | null;
  closedAt: TTimestamp | null;
  createdAt: TGeneratedTimestamp;
}

export interface TAnonymousNotificationsTable {
  orgId: string;
  id: Generated<string>;
  jurisdictionProfileId: string;
  notifiedOn: ColumnType<string, string, string>;
  sex: string;
  ageBand: string;
  ageAtExploitation: string;
  nationality: string;
  exploitationTypes: string[];
  exploitationLocation: string;
  locationRegion: string;
  referringOrgKind: string;
}

export interface TReferralDraftsTable {
  orgId: string;
  id: string;
  userId: string;
  step: number;
  dataCiphertext: string;
  keyVersion: number;
  updatedAt: TTimestamp;
}

export interface TReconsiderationRequestsTable {
  orgId: string;
  id: Generated<string>;
  caseId: string;
  decisionKind: string;
  reasonsCiphertext: string;
  keyVersion: number;
  requestedBy: string | null;
  requestedAt: TTimestamp;
}

/** Tables of the identify-refer-decide module (migration 0002). */
export interface TNrmTables {
  organisationKeys: TOrganisationKeysTable;
  organisationSettings: TOrganisationSettingsTable;
  jurisdictionProfiles: TJurisdictionProfilesTable;
  organisationCounters: TOrganisationCountersTable;
  persons: TPersonsTable;
  cases: TCasesTable;
  screenings: TScreeningsTable;
  decisions: TDecisionsTable;
  deadlines: TDeadlinesTable;
  anonymousNotifications: TAnonymousNotificationsTable;
  referralDrafts: TReferralDraftsTable;
  reconsiderationRequests: TReconsiderationRequestsTable;
}

export type TCaseRow = Selectable<TCasesTable>;
export type TPersonRow = Selectable<TPersonsTable>;
export type TDeadlineRow = Selectable<TDeadlinesTable>;
