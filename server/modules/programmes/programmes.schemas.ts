import { z } from 'zod';
import { INDICATOR_KINDS, INDICATOR_UNITS, MANUAL_DISAGGREGATIONS, MANUAL_VALUE_STATUSES } from '../../../core/programmes/indicators.ts';
import { MAX_RATIO_SCALE, RATIO_GAPS } from '../../../core/programmes/ratio.ts';
import { NODE_LEVELS, PROGRAMME_KINDS } from '../../../core/programmes/framework.ts';
import { PERIOD_KINDS } from '../../../core/programmes/periods.ts';
import { INDICATOR_DIRECTIONS, INDICATOR_STATUSES } from '../../../core/programmes/status.ts';
import { DOCUMENT_TYPE_NAMES } from '../documents/document-types.ts';
import { ZStatsCell } from '../stats/stats.schemas.ts';
import { ZUuid } from '../../http/common-schemas.ts';

/** Limits of programme requests. */
export const PROGRAMME_LIMITS = { name: 200, description: 4000, code: 20, title: 300, dataSource: 300, findings: 50, summary: 2000, area: 200, targets: 240, evidenceFiles: 5, evidenceBytes: 2 * 1024 * 1024 } as const;

/** A calendar date the database can store and a programme can mean (PostgreSQL has no year 0). */
const ZDate = z.iso.date().refine((date) => date >= '1900-01-01' && date <= '2100-12-31', 'a date between 1900-01-01 and 2100-12-31');
const ZPeriodKey = z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'a year, quarter or month: 2026, 2026-Q2, 2026-05');
const ZCode = z.string().trim().min(1).max(PROGRAMME_LIMITS.code).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash, underscore');
const ZTitle = z.string().trim().min(1).max(PROGRAMME_LIMITS.title);
const ZLanguage = z.enum(['en', 'fr', 'es', 'ar']);
const ZFiniteNumber = z.number().finite().min(-1e12).max(1e12);

export const ZProgrammeParams = z.object({ orgId: ZUuid, programmeId: ZUuid }).strict();
export const ZIndicatorParams = z.object({ orgId: ZUuid, programmeId: ZUuid, indicatorId: ZUuid }).strict();
export const ZValueParams = z.object({ orgId: ZUuid, programmeId: ZUuid, indicatorId: ZUuid, valueId: ZUuid }).strict();
export const ZEvidenceParams = z.object({ orgId: ZUuid, programmeId: ZUuid, indicatorId: ZUuid, valueId: ZUuid, evidenceId: ZUuid }).strict();
export const ZReportParams = z.object({ orgId: ZUuid, programmeId: ZUuid, period: ZPeriodKey }).strict();
export const ZReportPdfQuery = z.object({ lang: ZLanguage.default('en') }).strict();
export const ZNodeParams = z.object({ orgId: ZUuid, programmeId: ZUuid, nodeId: ZUuid }).strict();
export const ZAssessmentParams = z.object({ orgId: ZUuid, programmeId: ZUuid, assessmentId: ZUuid }).strict();
/** The programmes list: active ones by default; archived ones on request. */
export const ZListQuery = z.object({ status: z.enum(['active', 'archived', 'all']).default('active') }).strict();

const ZNodeInput = z.strictObject({ code: ZCode, title: ZTitle });

export const ZCreateProgramme = z.strictObject({
  kind: z.enum(PROGRAMME_KINDS),
  name: z.string().trim().min(1).max(PROGRAMME_LIMITS.name),
  description: z.string().trim().max(PROGRAMME_LIMITS.description).nullable().default(null),
  startsOn: ZDate,
  endsOn: ZDate,
  /** The goal and, optionally, outcomes with their outputs; more can be added later. */
  goal: ZNodeInput,
  outcomes: z.array(ZNodeInput.extend({ outputs: z.array(ZNodeInput).max(30).default([]) })).max(30).default([]),
});
export type TCreateProgramme = z.infer<typeof ZCreateProgramme>;

export const ZCreateFromTemplate = z.strictObject({
  name: z.string().trim().min(1).max(PROGRAMME_LIMITS.name).optional(),
  startsOn: ZDate,
  endsOn: ZDate,
  /** Language of the template's titles. */
  language: ZLanguage.default('en'),
});

export const ZAddNode = z.strictObject({ parentId: ZUuid, level: z.enum(['outcome', 'output']), code: ZCode, title: ZTitle });

const ZFilters = z.record(z.string().min(1).max(40), z.array(z.string().min(1).max(40).nullable()).min(1).max(300));
const ZRatioTerm = z.strictObject({ metric: z.string().min(1).max(100), filters: ZFilters.default({}) });
export const ZIndicatorDefinition = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('computed'), metric: z.string().min(1).max(100), filters: ZFilters.default({}), dimensions: z.array(z.string().min(1).max(40)).max(2).default([]) }),
  z.strictObject({ kind: z.literal('manual') }),
  /** One count metric over another, times `scale` (100 = per hundred): e.g. convictions per 100 persons identified. */
  z.strictObject({ kind: z.literal('ratio'), numerator: ZRatioTerm, denominator: ZRatioTerm, scale: z.number().positive().max(MAX_RATIO_SCALE).default(100) }),
]);
const ZDefinitionText = z.string().trim().max(PROGRAMME_LIMITS.description).nullable();

const ZTarget = z.strictObject({ period: ZPeriodKey, value: ZFiniteNumber });

export const ZCreateIndicator = z.strictObject({
  nodeId: ZUuid,
  code: ZCode,
  name: ZTitle,
  unit: z.enum(INDICATOR_UNITS),
  direction: z.enum(INDICATOR_DIRECTIONS).default('increase'),
  frequency: z.enum(PERIOD_KINDS),
  /** Manual indicators only; a computed one is disaggregated by its metric's dimensions. */
  disaggregations: z.array(z.enum(MANUAL_DISAGGREGATIONS)).max(MANUAL_DISAGGREGATIONS.length).default([]),
  baseline: ZFiniteNumber.nullable().default(null),
  baselinePeriod: ZPeriodKey.nullable().default(null),
  dataSource: z.string().trim().min(1).max(PROGRAMME_LIMITS.dataSource).optional(),
  /** The written definition: what is counted and how, in words. */
  definitionText: ZDefinitionText.default(null),
  definition: ZIndicatorDefinition,
  targets: z.array(ZTarget).max(PROGRAMME_LIMITS.targets).default([]),
});
export type TCreateIndicator = z.infer<typeof ZCreateIndicator>;

export const ZSetTargets = z.strictObject({ targets: z.array(ZTarget).max(PROGRAMME_LIMITS.targets) });

export const ZEvidenceUpload = z.strictObject({
  fileName: z.string().trim().min(1).max(200).regex(/^[^/\\\u0000]+$/, 'no path separators'),
  contentType: z.enum(DOCUMENT_TYPE_NAMES as [string, ...string[]]),
  contentBase64: z.string().min(1).max(Math.ceil((PROGRAMME_LIMITS.evidenceBytes * 4) / 3) + 4).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});

export const ZEnterValue = z.strictObject({
  period: ZPeriodKey,
  value: ZFiniteNumber,
  /** Percentages and days: the persons or records behind the value (disclosure control hides it when too few). */
  basis: z.int().min(0).max(1_000_000_000).nullable().default(null),
  evidence: z.array(ZEvidenceUpload).min(1).max(PROGRAMME_LIMITS.evidenceFiles),
});
export type TEnterValue = z.infer<typeof ZEnterValue>;

export const ZReviewValue = z.strictObject({ decision: z.enum(['approved', 'rejected']) });

export const NEEDS_CATEGORIES = ['capacity_building', 'awareness', 'protection_gap'] as const;
export const NEEDS_SEVERITIES = ['low', 'medium', 'high'] as const;

export const ZRecordAssessment = z.strictObject({
  scope: z.enum(['region', 'sector']),
  area: z.string().trim().min(1).max(PROGRAMME_LIMITS.area),
  assessedOn: ZDate,
  findings: z.array(z.strictObject({
    category: z.enum(NEEDS_CATEGORIES),
    severity: z.enum(NEEDS_SEVERITIES),
    summary: z.string().trim().min(1).max(PROGRAMME_LIMITS.summary),
    /** Outcomes of this programme the finding informs. */
    outcomeIds: z.array(ZUuid).max(30).default([]),
  })).min(1).max(PROGRAMME_LIMITS.findings),
});
export type TRecordAssessment = z.infer<typeof ZRecordAssessment>;

// Editing (optimistic locking: the version the client read; a stale one is a CONFLICT)

const ZExpectedVersion = z.int().min(1).max(2_147_483_647);

export const ZUpdateProgramme = z.strictObject({
  expectedVersion: ZExpectedVersion,
  name: z.string().trim().min(1).max(PROGRAMME_LIMITS.name).optional(),
  description: z.string().trim().max(PROGRAMME_LIMITS.description).nullable().optional(),
  startsOn: ZDate.optional(),
  endsOn: ZDate.optional(),
});
export type TUpdateProgramme = z.infer<typeof ZUpdateProgramme>;

/** Archiving a programme, or making it active again: only the version the change was made against. */
export const ZProgrammeStatusChange = z.strictObject({ expectedVersion: ZExpectedVersion });

export const ZUpdateNode = z.strictObject({
  expectedVersion: ZExpectedVersion,
  title: ZTitle.optional(),
  description: z.string().trim().max(PROGRAMME_LIMITS.description).nullable().optional(),
});
export type TUpdateNode = z.infer<typeof ZUpdateNode>;

/** The metric definition and the unit are not editable: past reports would silently change meaning. */
export const ZUpdateIndicator = z.strictObject({
  expectedVersion: ZExpectedVersion,
  name: ZTitle.optional(),
  definitionText: ZDefinitionText.optional(),
  baseline: ZFiniteNumber.nullable().optional(),
  baselinePeriod: ZPeriodKey.nullable().optional(),
  dataSource: z.string().trim().min(1).max(PROGRAMME_LIMITS.dataSource).optional(),
  direction: z.enum(INDICATOR_DIRECTIONS).optional(),
  frequency: z.enum(PERIOD_KINDS).optional(),
});
export type TUpdateIndicator = z.infer<typeof ZUpdateIndicator>;

export const ZUpdateAssessment = z.strictObject({
  expectedVersion: ZExpectedVersion,
  scope: ZRecordAssessment.shape.scope.optional(),
  area: ZRecordAssessment.shape.area.optional(),
  assessedOn: ZDate.optional(),
  /** Replaces the whole list of findings. */
  findings: ZRecordAssessment.shape.findings.optional(),
});
export type TUpdateAssessment = z.infer<typeof ZUpdateAssessment>;

export const ZVersioned = z.object({ id: z.string(), version: z.number().int() });

// Responses

export const ZProgrammeSummary = z.object({
  id: z.string(), kind: z.enum(PROGRAMME_KINDS), name: z.string(), description: z.string().nullable(), startsOn: z.string(), endsOn: z.string(),
  template: z.string().nullable(), createdAt: z.string(), version: z.number().int(),
  /** Set once archived: still readable, no longer editable. */
  archivedAt: z.string().nullable(),
});

export const ZNode = z.object({
  id: z.string(), parentId: z.string().nullable(), level: z.enum(NODE_LEVELS), code: z.string(), title: z.string(), description: z.string().nullable(), version: z.number().int(),
});

export const ZManualValue = z.object({
  id: z.string(), period: z.string(), value: z.number(), status: z.enum(MANUAL_VALUE_STATUSES), enteredBy: z.string().nullable(), enteredAt: z.string(),
  reviewedBy: z.string().nullable(), reviewedAt: z.string().nullable(), basis: z.number().int().nullable(),
  evidence: z.array(z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() })),
});

const ZFilterRecord = z.record(z.string(), z.array(z.string().nullable()));
const ZRatioTermOut = z.object({ metric: z.string(), filters: ZFilterRecord });

export const ZIndicator = z.object({
  id: z.string(), nodeId: z.string(), code: z.string(), name: z.string(), kind: z.enum(INDICATOR_KINDS),
  definition: z.union([
    z.object({ kind: z.literal('computed'), metric: z.string(), filters: ZFilterRecord, dimensions: z.array(z.string()) }),
    z.object({ kind: z.literal('manual') }),
    z.object({ kind: z.literal('ratio'), numerator: ZRatioTermOut, denominator: ZRatioTermOut, scale: z.number() }),
  ]),
  definitionText: z.string().nullable(), version: z.number().int(),
  unit: z.enum(INDICATOR_UNITS), direction: z.enum(INDICATOR_DIRECTIONS), frequency: z.enum(PERIOD_KINDS), disaggregations: z.array(z.string()),
  baseline: z.number().nullable(), baselinePeriod: z.string().nullable(), dataSource: z.string(),
  targets: z.array(z.object({ period: z.string(), value: z.number() })),
  /** Manual indicators: every value entered, with its review status. */
  values: z.array(ZManualValue),
});

export const ZAssessment = z.object({
  id: z.string(), scope: z.enum(['region', 'sector']), area: z.string(), assessedOn: z.string(), createdAt: z.string(), updatedAt: z.string().nullable(), version: z.number().int(),
  findings: z.array(z.object({ category: z.enum(NEEDS_CATEGORIES), severity: z.enum(NEEDS_SEVERITIES), summary: z.string(), outcomeIds: z.array(z.string()) })),
});

export const ZProgrammeDetail = z.object({
  programme: ZProgrammeSummary,
  nodes: z.array(ZNode),
  indicators: z.array(ZIndicator),
  assessments: z.array(ZAssessment),
});
export type TProgrammeDetail = z.infer<typeof ZProgrammeDetail>;

const ZLabels = z.object({ en: z.string(), fr: z.string(), es: z.string(), ar: z.string() });

/** A ratio without a value: a term was hidden by disclosure control, or there is nothing to divide by. */
const ZRatioGap = z.object({ value: z.null(), reason: z.enum(RATIO_GAPS) });
const ZMetricRef = z.object({ id: z.string(), labels: ZLabels });

export const ZReportIndicator = z.object({
  id: z.string(), nodeId: z.string(), code: z.string(), name: z.string(), kind: z.enum(INDICATOR_KINDS), unit: z.enum(INDICATOR_UNITS),
  definitionText: z.string().nullable(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  /** An observation: null when there is none, and when disclosure control hides it (a small count; see baselineSuppressed). */
  baseline: z.number().nullable(),
  baselineSuppressed: z.boolean(),
  /** A planning figure (what the programme aims for), not a count of people: published, and labelled so. */
  target: z.number().nullable(),
  targetIsPlanningFigure: z.literal(true),
  /** The published actual: a value, or a suppression marker (never the hidden number); a ratio may have no value, with the reason. */
  actual: z.union([...ZStatsCell.options, ZRatioGap]).nullable(),
  /** Ratio indicators: both published terms and the scale. */
  ratio: z.object({ scale: z.number(), numerator: z.object({ metric: ZMetricRef, value: ZStatsCell }), denominator: z.object({ metric: ZMetricRef, value: ZStatsCell }) }).nullable(),
  status: z.enum(INDICATOR_STATUSES),
  metric: z.object({ id: z.string(), labels: ZLabels }).nullable(),
  breakdown: z.object({
    dimension: z.object({ id: z.string(), labels: ZLabels }),
    categories: z.array(z.object({ key: z.string().nullable(), labels: ZLabels, value: ZStatsCell })),
  }).nullable(),
});
export type TReportIndicator = z.infer<typeof ZReportIndicator>;

export const ZProgressReport = z.object({
  programme: ZProgrammeSummary,
  period: z.string(),
  range: z.object({ from: z.string(), to: z.string() }),
  generatedAt: z.string(),
  nodes: z.array(ZNode),
  indicators: z.array(ZReportIndicator),
  summary: z.record(z.enum(INDICATOR_STATUSES), z.number().int()),
  disclosure: z.object({
    method: z.literal('suppression'), threshold: z.number().int(),
    /** Baselines are observations: those of counts below the threshold are hidden like any small count. */
    baselines: z.literal('countsBelowThresholdHidden'),
    /** Targets are planning figures, not observations about people: published and labelled. */
    targets: z.literal('planningFigures'),
  }),
});
export type TProgressReport = z.infer<typeof ZProgressReport>;
