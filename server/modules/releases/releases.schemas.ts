import { z } from 'zod';
import { DIMENSION_IDS, MAX_QUERY_DIMENSIONS, METRIC_UNITS } from '../../../core/metrics/index.ts';
import { ZUuid } from '../../http/common-schemas.ts';

export const RELEASE_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type TReleaseLanguage = (typeof RELEASE_LANGUAGES)[number];
export const RELEASE_KINDS = ['tables', 'record_level'] as const;
export const RELEASE_STATUSES = ['draft', 'published', 'rejected'] as const;
export const RELEASE_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type TReleaseFormat = (typeof RELEASE_FORMATS)[number];
export const DISCLOSURE_METHODS = ['suppression', 'rounding', 'differentialPrivacy', 'kAnonymity'] as const;
export const DP_MECHANISMS = ['discreteLaplace', 'discreteGaussian'] as const;
export type TDpMechanism = (typeof DP_MECHANISMS)[number];

/** Limits of a release request. */
export const RELEASE_LIMITS = { tables: 10, datasets: 50, titleChars: 200, keyChars: 40, filterKeys: 300, list: 200 } as const;

/** Positive decimal (`0.5`) or fraction (`1/3`); exact values travel as text. */
const ZExactAmount = z.string().regex(/^(?:\d{1,6}(?:\.\d{1,12})?|\d{1,9}\/\d{1,9})$/, 'a decimal such as 0.5 or a fraction such as 1/3');

const ZKey = z.string().min(1).max(RELEASE_LIMITS.keyChars);

export const ZReleaseTableRequest = z.strictObject({
  metric: z.string().min(1).max(100),
  dimensions: z.array(ZKey).max(MAX_QUERY_DIMENSIONS).default([]),
  /** Dimension id → category keys to keep; null keeps "not recorded". */
  filters: z.record(ZKey, z.array(ZKey.nullable()).min(1).max(RELEASE_LIMITS.filterKeys)).default({}),
});
export type TReleaseTableRequest = z.infer<typeof ZReleaseTableRequest>;

export const ZTableDisclosure = z.discriminatedUnion('method', [
  /** Primary suppression below the threshold plus exact secondary suppression (core/disclosure). */
  z.strictObject({ method: z.literal('suppression'), threshold: z.int().min(2).max(100).default(11) }),
  /** Controlled rounding to a base: additive, every entry a multiple of the base. */
  z.strictObject({ method: z.literal('rounding'), base: z.int().min(2).max(100).default(5) }),
  /** Exact discrete noise; ε (and δ for the Gaussian) is spent from each dataset's budget at publication. */
  z.strictObject({ method: z.literal('differentialPrivacy'), mechanism: z.enum(DP_MECHANISMS), epsilon: ZExactAmount, delta: ZExactAmount.optional() }),
]);
export type TTableDisclosure = z.infer<typeof ZTableDisclosure>;

const releaseCommon = {
  title: z.string().trim().min(1).max(RELEASE_LIMITS.titleChars),
  language: z.enum(RELEASE_LANGUAGES),
  /** CTDC import runs to count; every stored import of the organisation when absent. */
  datasets: z.array(ZUuid).min(1).max(RELEASE_LIMITS.datasets).optional(),
};

export const ZPrepareReleaseRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('tables'), ...releaseCommon, tables: z.array(ZReleaseTableRequest).min(1).max(RELEASE_LIMITS.tables), disclosure: ZTableDisclosure }),
  z.strictObject({
    kind: z.literal('record_level'),
    ...releaseCommon,
    /** Every combination of the six quasi-identifiers is shared by at least k records. */
    k: z.int().min(2).max(1000).default(11),
    /** Largest share of records that may be left out. */
    maxSuppressionRate: z.number().min(0).max(0.2).default(0.05),
  }),
]);
export type TPrepareReleaseRequest = z.infer<typeof ZPrepareReleaseRequest>;

export const ZReleaseParams = z.strictObject({ orgId: ZUuid, releaseId: ZUuid });
export const ZReleaseFileParams = z.strictObject({ orgId: ZUuid, releaseId: ZUuid, format: z.enum(RELEASE_FORMATS) });
export const ZBudgetParams = z.strictObject({ orgId: ZUuid, runId: ZUuid });
export const ZSetBudgetRequest = z.strictObject({ totalEpsilon: ZExactAmount, totalDelta: ZExactAmount });

const ZLabels = z.object({ en: z.string(), fr: z.string(), es: z.string(), ar: z.string() });
export const ZReleaseCell = z.union([
  z.object({ value: z.number().int() }),
  z.object({ suppressed: z.literal(true), reason: z.enum(['primary', 'secondary']) }),
]);

export const ZReleaseTable = z.object({
  metric: z.object({ id: z.string(), unit: z.enum(METRIC_UNITS), labels: ZLabels }),
  dimensions: z.array(z.object({
    id: z.enum(DIMENSION_IDS),
    labels: ZLabels,
    categories: z.array(z.object({ key: z.string().nullable(), labels: ZLabels, members: z.array(z.string()).optional() })),
  })),
  filters: z.record(z.string(), z.array(z.string().nullable())),
  /** Null in a differential-privacy draft: noise is drawn only at publication. */
  values: z.object({
    cells: z.array(z.array(ZReleaseCell)),
    rowTotals: z.array(ZReleaseCell),
    columnTotals: z.array(ZReleaseCell),
    total: ZReleaseCell,
  }).nullable(),
  /** Per-table facts of the method: suppressed counts, noise scale, ε share… */
  notes: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type TReleaseTable = z.infer<typeof ZReleaseTable>;
export type TReleaseCell = z.infer<typeof ZReleaseCell>;
export type TReleaseValues = NonNullable<TReleaseTable['values']>;

export const ZRecordLevelSummary = z.object({
  k: z.number().int(),
  maxSuppressionRate: z.number(),
  inputRows: z.number().int(),
  rowsKept: z.number().int(),
  rowsSuppressed: z.number().int(),
  /** Iyengar's loss metric in [0, 1]. */
  informationLoss: z.number(),
  /** Generalisation level per quasi-identifier (0 = as recorded). */
  levels: z.record(z.string(), z.number().int()),
  classCount: z.number().int(),
  smallestClassSize: z.number().int(),
});
export type TRecordLevelSummary = z.infer<typeof ZRecordLevelSummary>;

export const ZReleaseResult = z.union([
  z.object({ kind: z.literal('tables'), tables: z.array(ZReleaseTable) }),
  z.object({ kind: z.literal('record_level'), summary: ZRecordLevelSummary }),
]);
export type TReleaseResult = z.infer<typeof ZReleaseResult>;

const ZUserRef = z.object({ userId: z.string(), displayName: z.string() });

export const ZReleaseFile = z.object({ format: z.enum(RELEASE_FORMATS), fileName: z.string(), mediaType: z.string(), byteCount: z.number().int(), sha256: z.string() });

export const ZRelease = z.object({
  id: z.string(),
  kind: z.enum(RELEASE_KINDS),
  status: z.enum(RELEASE_STATUSES),
  title: z.string(),
  language: z.enum(RELEASE_LANGUAGES),
  parameters: z.unknown(),
  datasetIds: z.array(z.string()),
  disclosure: z.object({ method: z.enum(DISCLOSURE_METHODS), parameters: z.record(z.string(), z.unknown()) }),
  result: ZReleaseResult,
  epsilonSpent: z.string().nullable(),
  deltaSpent: z.string().nullable(),
  preparedBy: ZUserRef,
  preparedAt: z.string(),
  approvedBy: ZUserRef.nullable(),
  publishedAt: z.string().nullable(),
  rejectedBy: ZUserRef.nullable(),
  rejectedAt: z.string().nullable(),
  files: z.array(ZReleaseFile),
  abilities: z.object({ canApprove: z.boolean(), canDownload: z.boolean() }),
});
export type TReleaseView = z.infer<typeof ZRelease>;

export const ZReleaseSummary = ZRelease.omit({ parameters: true, result: true });
export const ZReleaseResponse = z.object({ release: ZRelease });
export const ZReleaseList = z.object({ releases: z.array(ZReleaseSummary) });

export const ZPrivacyBudget = z.object({
  importRunId: z.string(),
  fileName: z.string(),
  isConfigured: z.boolean(),
  totalEpsilon: z.string(),
  totalDelta: z.string(),
  spentEpsilon: z.string(),
  spentDelta: z.string(),
  remainingEpsilon: z.string(),
  remainingDelta: z.string(),
  spends: z.array(z.object({ releaseId: z.string(), mechanism: z.enum(DP_MECHANISMS), epsilon: z.string(), delta: z.string(), spentAt: z.string() })),
});
export const ZPrivacyBudgetList = z.object({ budgets: z.array(ZPrivacyBudget) });
export const ZPrivacyBudgetResponse = z.object({ budget: ZPrivacyBudget });
