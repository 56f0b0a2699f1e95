/** Tables of monitoring and evaluation: programmes, results frameworks, indicators, needs assessments, progress reports. Keep in step with `migrations/`. */
import type { ColumnType, Generated } from 'kysely';
import type { TJson, TTimestamp } from './foundation.ts';

/** SQL dates are kept as 'YYYY-MM-DD' strings (see database.ts). */
type TDate = ColumnType<string, string, string>;
/** numeric comes back from pg as a string, exactly. */
type TNumeric = ColumnType<string, string | number, string | number>;

export interface TProgrammesTable {
  orgId: string; id: Generated<string>; kind: string; name: string; description: string | null; startsOn: TDate; endsOn: TDate;
  template: string | null; createdBy: string | null; createdAt: TTimestamp; updatedAt: TTimestamp;
  version: Generated<number>; archivedAt: TTimestamp | null; archivedBy: string | null;
}
export interface TProgrammeNodesTable {
  orgId: string; id: Generated<string>; programmeId: string; parentId: string | null; level: string; code: string; title: string; position: number; createdAt: TTimestamp;
  description: string | null; version: Generated<number>; updatedAt: TTimestamp | null;
}
export interface TProgrammeIndicatorsTable {
  orgId: string; id: Generated<string>; programmeId: string; nodeId: string; code: string; name: string; kind: string; definition: TJson<unknown>;
  unit: string; direction: string; frequency: string; disaggregations: string[]; baseline: TNumeric | null; baselinePeriod: string | null;
  dataSource: string; position: number; createdAt: TTimestamp; updatedAt: TTimestamp;
  definitionText: string | null; version: Generated<number>;
}
export interface TIndicatorTargetsTable {
  orgId: string; indicatorId: string; period: string; value: TNumeric;
}
export interface TIndicatorValuesTable {
  orgId: string; id: Generated<string>; indicatorId: string; period: string; value: TNumeric; status: string;
  enteredBy: string | null; enteredAt: TTimestamp; reviewedBy: string | null; reviewedAt: TTimestamp | null;
  basis: number | null;
}
export interface TIndicatorEvidenceTable {
  orgId: string; id: Generated<string>; valueId: string; fileNameCiphertext: string; contentType: string; sizeBytes: number;
  contentCiphertext: string; keyVersion: number; uploadedBy: string | null; uploadedAt: TTimestamp;
}
export interface TNeedsAssessmentsTable {
  orgId: string; id: Generated<string>; programmeId: string; scope: string; area: string; assessedOn: TDate; findings: TJson<unknown>;
  createdBy: string | null; createdAt: TTimestamp;
  version: Generated<number>; updatedAt: TTimestamp | null;
}

export interface TProgrammesTables {
  programmes: TProgrammesTable;
  programmeNodes: TProgrammeNodesTable;
  programmeIndicators: TProgrammeIndicatorsTable;
  indicatorTargets: TIndicatorTargetsTable;
  indicatorValues: TIndicatorValuesTable;
  indicatorEvidence: TIndicatorEvidenceTable;
  needsAssessments: TNeedsAssessmentsTable;
}
