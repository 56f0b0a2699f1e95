/** The programmes API's answers, as the web app reads them (see server/modules/programmes/programmes.schemas.ts). */
type TLabels = { en: string; fr: string; es: string; ar: string };

export type TCell = { value: number } | { suppressed: true; reason: 'primary' | 'secondary' };
export type TRatioGap = 'numeratorSuppressed' | 'denominatorSuppressed' | 'denominatorZero';
/** A report's actual: a ratio may have no value, with the reason. */
export type TActual = TCell | { value: null; reason: TRatioGap };
export type TFilters = Record<string, (string | null)[]>;
export type TRatioTerm = { metric: string; filters: TFilters };
export type TIndicatorStatus = 'green' | 'amber' | 'red' | 'noTarget' | 'noData' | 'suppressed';
export type TIndicatorUnit = 'persons' | 'cases' | 'decisions' | 'days' | 'percent' | 'number';

export interface TProgrammeSummary {
  id: string; kind: 'national_action_plan' | 'project' | 'nrm'; name: string; description: string | null; startsOn: string; endsOn: string; template: string | null; createdAt: string;
  version: number; archivedAt: string | null;
}

export interface TNode { id: string; parentId: string | null; level: 'goal' | 'outcome' | 'output'; code: string; title: string; description: string | null; version: number }

export interface TManualValue {
  id: string; period: string; value: number; status: 'pending' | 'approved' | 'rejected'; enteredBy: string | null; enteredAt: string;
  reviewedBy: string | null; reviewedAt: string | null; basis: number | null; evidence: { id: string; fileName: string; contentType: string; sizeBytes: number }[];
}

export interface TIndicator {
  id: string; nodeId: string; code: string; name: string; kind: 'computed' | 'manual' | 'ratio';
  definition: { kind: 'computed'; metric: string; filters: TFilters; dimensions: string[] } | { kind: 'manual' } | { kind: 'ratio'; numerator: TRatioTerm; denominator: TRatioTerm; scale: number };
  definitionText: string | null; version: number;
  unit: TIndicatorUnit; direction: 'increase' | 'decrease'; frequency: 'year' | 'quarter' | 'month'; disaggregations: string[];
  baseline: number | null; baselinePeriod: string | null; dataSource: string; targets: { period: string; value: number }[]; values: TManualValue[];
}

export interface TAssessment {
  id: string; scope: 'region' | 'sector'; area: string; assessedOn: string; createdAt: string; updatedAt: string | null; version: number;
  findings: { category: 'capacity_building' | 'awareness' | 'protection_gap'; severity: 'low' | 'medium' | 'high'; summary: string; outcomeIds: string[] }[];
}

export interface TProgrammeDetail { programme: TProgrammeSummary; nodes: TNode[]; indicators: TIndicator[]; assessments: TAssessment[] }

export interface TReportIndicator {
  id: string; nodeId: string; code: string; name: string; kind: 'computed' | 'manual' | 'ratio'; unit: TIndicatorUnit; direction: 'increase' | 'decrease';
  definitionText: string | null;
  /** Null when there is none and when disclosure control hides it (baselineSuppressed). */
  baseline: number | null; baselineSuppressed: boolean;
  /** A planning figure, never a count of people: published. */
  target: number | null; targetIsPlanningFigure: true;
  actual: TActual | null; status: TIndicatorStatus;
  metric: { id: string; labels: TLabels } | null;
  ratio: { scale: number; numerator: { metric: { id: string; labels: TLabels }; value: TCell }; denominator: { metric: { id: string; labels: TLabels }; value: TCell } } | null;
  breakdown: { dimension: { id: string; labels: TLabels }; categories: { key: string | null; labels: TLabels; value: TCell }[] } | null;
}

export interface TProgressReport {
  programme: TProgrammeSummary; period: string; range: { from: string; to: string }; generatedAt: string; nodes: TNode[];
  indicators: TReportIndicator[]; summary: Record<TIndicatorStatus, number>; disclosure: { method: 'suppression'; threshold: number; baselines: 'countsBelowThresholdHidden'; targets: 'planningFigures' };
}

/** Metric choices for a computed indicator (from the statistics catalog). */
export interface TCatalogMetric { id: string; unit: string; measure: string; labels: TLabels; descriptions: TLabels; dimensions: string[]; filters: string[] }
export interface TCatalogDimension { id: string; labels: TLabels; kind: 'fixed' | 'observed'; categories: { key: string; labels: TLabels }[] }
export interface TCatalog { metrics: TCatalogMetric[]; dimensions: TCatalogDimension[]; notRecordedLabels: TLabels }
