import type { ColumnType, Generated } from 'kysely';
import type { TTimestamp } from './foundation.ts';

/** SQL dates are kept as 'YYYY-MM-DD' strings (see database.ts). */
type TDate = ColumnType<string, string, string>;
/** numeric comes back from pg as a string, exactly. */
type TNumeric = ColumnType<string, string | number, string | number>;

export interface TOperationsTable { orgId: string; id: Generated<string>; codeName: string; countries: string[]; openedOn: TDate; createdAt: TTimestamp }
export interface TOperationSharesTable { orgId: string; operationId: string; sharedWithOrgId: string; sharedAt: TTimestamp }
export interface TInvestigationsTable {
  orgId: string; id: Generated<string>; operationId: string | null; reference: string; agency: string; openedOn: TDate; closedOn: TDate | null;
  status: string; exploitationForms: string[]; techniques: string[]; countriesInvolved: string[]; jointInvestigationTeam: boolean; version: number; createdAt: TTimestamp;
}
export interface TCooperationRequestsTable { orgId: string; id: Generated<string>; investigationId: string; kind: string; country: string; sentOn: TDate; status: string; respondedOn: TDate | null }
export interface TSuspectsTable {
  orgId: string; id: Generated<string>; investigationId: string; identityCiphertext: string; keyVersion: number; nameIndex: string[];
  role: string; sex: string; ageBand: string | null; citizenship: string | null; identifiedOn: TDate; createdAt: TTimestamp;
}
export interface TChargesTable { orgId: string; id: Generated<string>; suspectId: string; offenceCategory: string; offenceCode: string; chargedOn: TDate }
export interface TProsecutionsTable { orgId: string; id: Generated<string>; suspectId: string; court: string; startedOn: TDate }
export interface TCourtDecisionsTable { orgId: string; id: Generated<string>; chargeId: string; outcome: string; isAppeal: boolean; decidedOn: TDate }
export interface TSentencesTable {
  orgId: string; id: Generated<string>; suspectId: string; custodialMonths: number | null; isSuspended: boolean; fineAmount: TNumeric | null;
  fineCurrency: string | null; otherMeasure: string | null; sentencedOn: TDate;
}
export interface TConfiscationsTable { orgId: string; id: Generated<string>; investigationId: string; suspectId: string | null; kind: string; amount: TNumeric; currency: string; orderedOn: TDate }
export interface TCompensationOrdersTable { orgId: string; id: Generated<string>; suspectId: string; victimLinkId: string | null; amount: TNumeric; currency: string; orderedOn: TDate }
export interface TVictimLinksTable {
  orgId: string; id: Generated<string>; investigationId: string; caseOrgId: string; caseId: string; role: string; supportContact: string; participation: string; createdAt: TTimestamp;
}

/** Tables of the criminal-justice module (migration 0004). */
export interface TJusticeTables {
  operations: TOperationsTable;
  operationShares: TOperationSharesTable;
  investigations: TInvestigationsTable;
  cooperationRequests: TCooperationRequestsTable;
  suspects: TSuspectsTable;
  charges: TChargesTable;
  prosecutions: TProsecutionsTable;
  courtDecisions: TCourtDecisionsTable;
  sentences: TSentencesTable;
  confiscations: TConfiscationsTable;
  compensationOrders: TCompensationOrdersTable;
  victimLinks: TVictimLinksTable;
}
