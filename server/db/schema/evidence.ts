import type { Generated } from 'kysely';
import type { TJson, TTimestamp } from './foundation.ts';

/** Tables of the evidence module: imported datasets, statistics, releases (migration 0003). */

/** One stored problem of an import: a cell (or `(row)` for the whole row) and what is wrong. */
export interface TImportIssueJson {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface TImportRunsTable {
  orgId: string;
  id: Generated<string>;
  source: string;
  status: string;
  isDryRun: boolean;
  isPartialAllowed: boolean;
  layout: string;
  fileName: string;
  fileBytes: number;
  fileSha256: string;
  rowCount: number;
  validRowCount: number;
  invalidRowCount: number;
  importedRowCount: number;
  issueCount: number;
  issues: TJson<TImportIssueJson[]>;
  isIssueListTruncated: boolean;
  warnings: TJson<TImportIssueJson[]>;
  startedAt: TTimestamp;
  finishedAt: TTimestamp;
  startedByType: string;
  startedById: string | null;
  startedByLabel: string | null;
  deletedAt: TTimestamp | null;
}

/** CTDC variables in camelCase (the plugin maps them to the snake_case columns). */
export interface TExternalCtdcRecordsTable {
  orgId: string;
  importRunId: string;
  rowNumber: number;
  yearOfRegistration: number | null;
  dataSource: string | null;
  gender: string | null;
  ageBand: string | null;
  majorityStatus: string | null;
  majorityStatusAtExploit: string | null;
  majorityEntry: string | null;
  citizenship: string | null;
  countryOfExploitation: string | null;
  traffickMonths: string | null;
  exploitationForm: string | null;
  labourType: string | null;
  meansOfControlDebtBondage: boolean | null;
  meansOfControlTakesEarnings: boolean | null;
  meansOfControlRestrictsFinancialAccess: boolean | null;
  meansOfControlThreats: boolean | null;
  meansOfControlPsychologicalAbuse: boolean | null;
  meansOfControlPhysicalAbuse: boolean | null;
  meansOfControlSexualAbuse: boolean | null;
  meansOfControlFalsePromises: boolean | null;
  meansOfControlPsychoactiveSubstances: boolean | null;
  meansOfControlRestrictsMovement: boolean | null;
  meansOfControlRestrictsMedicalCare: boolean | null;
  meansOfControlExcessiveWorkingHours: boolean | null;
  meansOfControlUsesChildren: boolean | null;
  meansOfControlThreatOfLawEnforcement: boolean | null;
  meansOfControlWithholdsNecessities: boolean | null;
  meansOfControlWithholdsDocuments: boolean | null;
  meansOfControlOther: boolean | null;
  meansOfControlNotSpecified: boolean | null;
  meansDebtBondageEarnings: boolean | null;
  meansThreats: boolean | null;
  meansAbusePsyPhySex: boolean | null;
  meansDenyBasicNeeds: boolean | null;
  isForcedLabour: boolean | null;
  isSexualExploit: boolean | null;
  isOtherExploit: boolean | null;
  isSexAndLabour: boolean | null;
  isForcedMarriage: boolean | null;
  isForcedMilitary: boolean | null;
  isOrganRemoval: boolean | null;
  isSlaveryAndPractices: boolean | null;
  typeOfLabourAgriculture: boolean | null;
  typeOfLabourAquafarming: boolean | null;
  typeOfLabourBegging: boolean | null;
  typeOfLabourConstruction: boolean | null;
  typeOfLabourDomesticWork: boolean | null;
  typeOfLabourHospitality: boolean | null;
  typeOfLabourIllicitActivities: boolean | null;
  typeOfLabourManufacturing: boolean | null;
  typeOfLabourMiningOrDrilling: boolean | null;
  typeOfLabourPeddling: boolean | null;
  typeOfLabourTransportation: boolean | null;
  typeOfLabourOther: boolean | null;
  typeOfLabourNotSpecified: boolean | null;
  typeOfSexProstitution: boolean | null;
  typeOfSexPornography: boolean | null;
  typeOfSexRemoteInteractiveServices: boolean | null;
  typeOfSexPrivateSexualServices: boolean | null;
  recruiterRelationIntimatePartner: boolean | null;
  recruiterRelationFriend: boolean | null;
  recruiterRelationFamily: boolean | null;
  recruiterRelationOther: boolean | null;
  recruiterRelationUnknown: boolean | null;
  isAbduction: boolean | null;
  recruiterRelationship: string[] | null;
  meansOfControlConcatenated: string | null;
  typeOfExploitConcatenated: string | null;
  typeOfLabourConcatenated: string | null;
  typeOfSexConcatenated: string | null;
}

export interface TCtdcCountriesTable {
  iso2: string;
  iso3: string | null;
  name: string;
  unRegion: string | null;
  unSubRegion: string | null;
  iomRegion: string | null;
  isCurrentIso: boolean;
}

export interface TEvidenceTables {
  importRuns: TImportRunsTable;
  externalCtdcRecords: TExternalCtdcRecordsTable;
  ctdcCountries: TCtdcCountriesTable;
}
