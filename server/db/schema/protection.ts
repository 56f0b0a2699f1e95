import type { ColumnType, Generated, Selectable } from 'kysely';
import type { TJson, TTimestamp } from './foundation.ts';

/** SQL dates are kept as 'YYYY-MM-DD' strings (see database.ts). */
type TDate = ColumnType<string, string, string>;
/** numeric comes back from pg as a string, exactly. */
type TNumeric = ColumnType<string, string | number, string | number>;

export interface TDirectoryOrganizationsTable {
  orgId: string; id: Generated<string>; externalId: string | null; name: string; alternateName: string | null; description: string;
  email: string | null; website: string | null; createdAt: TTimestamp; updatedAt: TTimestamp;
}
export interface TDirectoryLocationsTable {
  orgId: string; id: Generated<string>; externalId: string | null; organizationId: string; locationType: string; isConfidential: boolean;
  name: string | null; description: string | null; address: TJson<unknown> | null; latitude: TNumeric | null; longitude: TNumeric | null;
  confidentialCiphertext: string | null; keyVersion: number | null; languages: string[]; createdAt: TTimestamp; updatedAt: TTimestamp;
}
export interface TDirectoryServicesTable {
  orgId: string; id: Generated<string>; externalId: string | null; organizationId: string; name: string; alternateName: string | null;
  description: string | null; url: string | null; email: string | null; status: string; kinds: string[];
  interpretationServices: string | null; applicationProcess: string | null; feesDescription: string | null; eligibilityDescription: string | null;
  minimumAge: number | null; maximumAge: number | null; eligibleSexes: string[]; eligibleNationalities: string[]; languages: string[];
  capacityMaximum: number | null; capacityAvailable: number | null; capacityUpdatedAt: TTimestamp | null;
  version: number; createdAt: TTimestamp; updatedAt: TTimestamp;
}
export interface TDirectoryServiceLocationsTable {
  orgId: string; id: Generated<string>; externalId: string | null; serviceId: string; locationId: string; description: string | null; createdAt: TTimestamp;
}
export interface TServiceConsentsTable {
  orgId: string; id: Generated<string>; seq: Generated<number>; caseId: string; receivingOrgId: string; purposes: string[]; fieldGroups: string[];
  decision: string; basis: string; language: string; interpreterUsed: boolean; recordedBy: string | null; recordedAt: TTimestamp;
  withdrawnAt: TTimestamp | null; withdrawnBy: string | null;
}
export interface TServiceReferralsTable {
  orgId: string; id: Generated<string>; caseId: string; receivingOrgId: string; serviceId: string; serviceAtLocationId: string | null;
  purpose: string; fieldGroups: string[]; status: string; consentId: string | null; isOverride: boolean;
  overrideJustificationCiphertext: string | null; overrideKeyVersion: number | null; sharedCiphertext: string | null; sharedKeyVersion: number | null;
  declineReason: string | null; responseNoteCiphertext: string | null; responseNoteKeyVersion: number | null; revokeReason: string | null;
  version: number; sentBy: string | null; sentAt: TTimestamp; respondedBy: string | null; respondedAt: TTimestamp | null;
  completedAt: TTimestamp | null; revokedBy: string | null; revokedAt: TTimestamp | null; updatedAt: TTimestamp;
}
export interface TServiceDeliveriesTable {
  orgId: string; id: Generated<string>; caseOrgId: string; caseId: string; referralId: string | null; serviceId: string | null; serviceKind: string;
  deliveredOn: TDate; quantity: TNumeric; unit: string; language: string; interpreterUsed: boolean; deliveredBy: string | null; recordedAt: TTimestamp;
}
export interface TPlanSettingsTable { orgId: string; requiresApproval: boolean; updatedAt: TTimestamp }
export interface TPlansTable { orgId: string; id: Generated<string>; caseId: string; latestVersion: number; createdAt: TTimestamp; updatedAt: TTimestamp }
export interface TPlanVersionsTable {
  orgId: string; planId: string; version: number; contentCiphertext: string; keyVersion: number; domains: string[]; goalSummary: TJson<unknown>;
  approvalStatus: string; createdBy: string | null; createdAt: TTimestamp; reviewedBy: string | null; reviewedAt: TTimestamp | null;
}
export interface TRemedyClaimsTable {
  orgId: string; id: Generated<string>; caseId: string; kind: string; status: string; forum: string | null; currency: string;
  amountClaimed: TNumeric | null; unpaidWagesClaimed: TNumeric | null; filedOn: TDate | null; version: number; createdBy: string | null;
  createdAt: TTimestamp; updatedAt: TTimestamp;
}
export interface TRemedyEntriesTable {
  orgId: string; id: Generated<string>; claimId: string; kind: string; amount: TNumeric; currency: string; payer: string; occurredOn: TDate;
  recordedBy: string | null; recordedAt: TTimestamp;
}

/** Tables of protect and assist (migration 0005). */
export interface TProtectionTables {
  directoryOrganizations: TDirectoryOrganizationsTable;
  directoryLocations: TDirectoryLocationsTable;
  directoryServices: TDirectoryServicesTable;
  directoryServiceLocations: TDirectoryServiceLocationsTable;
  serviceConsents: TServiceConsentsTable;
  serviceReferrals: TServiceReferralsTable;
  serviceDeliveries: TServiceDeliveriesTable;
  planSettings: TPlanSettingsTable;
  plans: TPlansTable;
  planVersions: TPlanVersionsTable;
  remedyClaims: TRemedyClaimsTable;
  remedyEntries: TRemedyEntriesTable;
}

export type TDirectoryServiceRow = Selectable<TDirectoryServicesTable>;
export type TDirectoryLocationRow = Selectable<TDirectoryLocationsTable>;
export type TDirectoryOrganizationRow = Selectable<TDirectoryOrganizationsTable>;
export type TServiceReferralRow = Selectable<TServiceReferralsTable>;
export type TServiceConsentRow = Selectable<TServiceConsentsTable>;
export type TRemedyClaimRow = Selectable<TRemedyClaimsTable>;
