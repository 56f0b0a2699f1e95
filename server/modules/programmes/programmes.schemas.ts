import { z } from 'zod';
import { INDICATOR_UNITS, MANUAL_DISAGGREGATIONS, MANUAL_VALUE_STATUSES } from '../../../core/programmes/indicators.ts';
import { NODE_LEVELS, PROGRAMME_KINDS } from '../../../core/programmes/framework.ts';
import { PERIOD_KINDS } from '../../../core/programmes/periods.ts';
import { INDICATOR_DIRECTIONS, INDICATOR_STATUSES } from '../../../core/programmes/status.ts';
import { DOCUMENT_TYPE_NAMES } from '../documents/document-types.ts';
import { ZStatsCell } from '../stats/stats.schemas.ts';
import { ZUuid } from '../../http/common-schemas.ts';

/** Limits of programme requests. */
export const PROGRAMME_LIMITS = { name: 200, description: 4000, code: 20, title: 300, dataSource: 300, findings: 50, summary: 2000, area: 200, targets: 240, evidenceFiles: 5, evidenceBytes: 2 * 1024 * 1024 } as const;

const ZDate = z.iso.date();
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
export const ZIndicatorDefinition = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('computed'), metric: z.string().min(1).max(100), filters: ZFilters.default({}), dimensions: z.array(z.string().min(1).max(40)).max(2).default([]) }),
  z.strictObject({ kind: z.literal('manual') }),
]);

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

// Responses

export const ZProgrammeSummary = z.object({
  id: z.string(), kind: z.enum(PROGRAMME_KINDS), name: z.string(), description: z.string().nullable(), startsOn: z.string(), endsOn: z.string(),
  template: z.string().nullable(), createdAt: z.string(),
});

export const ZNode = z.object({ id: z.string(), parentId: z.string().nullable(), level: z.enum(NODE_LEVELS), code: z.string(), title: z.string() });

export const ZManualValue = z.object({
  id: z.string(), period: z.string(), value: z.number(), status: z.enum(MANUAL_VALUE_STATUSES), enteredBy: z.string().nullable(), enteredAt: z.string(),
  reviewedBy: z.string().nullable(), reviewedAt: z.string().nullable(),
  evidence: z.array(z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() })),
});

export const ZIndicator = z.object({
  id: z.string(), nodeId: z.string(), code: z.string(), name: z.string(), kind: z.enum(['computed', 'manual']),
  definition: z.union([
    z.object({ kind: z.literal('computed'), metric: z.string(), filters: z.record(z.string(), z.array(z.string().nullable())), dimensions: z.array(z.string()) }),
    z.object({ kind: z.literal('manual') }),
  ]),
  unit: z.enum(INDICATOR_UNITS), direction: z.enum(INDICATOR_DIRECTIONS), frequency: z.enum(PERIOD_KINDS), disaggregations: z.array(z.string()),
  baseline: z.number().nullable(), baselinePeriod: z.string().nullable(), dataSource: z.string(),
  targets: z.array(z.object({ period: z.string(), value: z.number() })),
  /** Manual indicators: every value entered, with its review status. */
  values: z.array(ZManualValue),
});

export const ZAssessment = z.object({
  id: z.string(), scope: z.enum(['region', 'sector']), area: z.string(), assessedOn: z.string(), createdAt: z.string(),
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

export const ZReportIndicator = z.object({
  id: z.string(), nodeId: z.string(), code: z.string(), name: z.string(), kind: z.enum(['computed', 'manual']), unit: z.enum(INDICATOR_UNITS),
  direction: z.enum(INDICATOR_DIRECTIONS), baseline: z.number().nullable(), target: z.number().nullable(),
  /** The published actual: a value, or a suppression marker (never the hidden number). */
  actual: ZStatsCell.nullable(),
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
  disclosure: z.object({ method: z.literal('suppression'), threshold: z.number().int() }),
});
export type TProgressReport = z.infer<typeof ZProgressReport>;
