import { z } from 'zod';
import { DIMENSIONS, DIMENSION_IDS, MAX_QUERY_DIMENSIONS, METRIC_MEASURES, METRIC_SOURCES, METRIC_UNITS, METRICS, type TLabels } from '../../../core/metrics/index.ts';
import { ZUuid } from '../../http/common-schemas.ts';

/** Published statistics pass small-cell suppression at this threshold (CTDC's k). */
export const STATS_SUPPRESSION_THRESHOLD = 11;
/** Limits of a query body. */
export const STATS_LIMITS = { filterKeys: 300, keyChars: 40, metricChars: 100, datasets: 50 } as const;

const ZKey = z.string().min(1).max(STATS_LIMITS.keyChars);

export const ZStatsQueryRequest = z.object({
  metric: z.string().min(1).max(STATS_LIMITS.metricChars),
  dimensions: z.array(z.string().min(1).max(STATS_LIMITS.keyChars)).max(MAX_QUERY_DIMENSIONS).default([]),
  /** Dimension id → category keys to keep; null keeps "not recorded". */
  filters: z.record(z.string().min(1).max(STATS_LIMITS.keyChars), z.array(ZKey.nullable()).min(1).max(STATS_LIMITS.filterKeys)).default({}),
  /** CTDC import runs to count; all of the organisation's imported data when absent. */
  datasets: z.array(ZUuid).min(1).max(STATS_LIMITS.datasets).optional(),
  /** Only records dated within this period: a year (2026), quarter (2026-Q2) or month (2026-05). */
  period: z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'a year, quarter or month: 2026, 2026-Q2, 2026-05').optional(),
  /** `national`: every organisation of the deployment (needs stats.readNational); default: this organisation. */
  scope: z.enum(['organisation', 'national']).default('organisation'),
}).strict();
export type TStatsQueryRequest = z.infer<typeof ZStatsQueryRequest>;

const ZLabels = z.object({ en: z.string(), fr: z.string(), es: z.string(), ar: z.string() });

export const ZStatsCell = z.union([
  /** A count (an integer), or a median, percentile or share (percent) for non-count measures. */
  z.object({ value: z.number() }),
  z.object({ suppressed: z.literal(true), reason: z.enum(['primary', 'secondary']) }),
]);

/** A cell of a statistics result: a count or measure, suppressed, or a rate without a denominator. */
export const ZStatsResultCell = z.union([
  ...ZStatsCell.options,
  /**
   * A rate whose count was published but that has no denominator: no population imported for
   * the cell's country, year, sex and age group, or the cell spans several countries or years.
   */
  z.object({ value: z.null(), reason: z.enum(['noDenominator', 'notOneCountryAndYear']) }),
]);

const ZCategory = z.object({
  /** The category key; null = not recorded; `*other` = categories grouped (see members). */
  key: z.string().nullable(),
  labels: ZLabels,
  members: z.array(z.string()).optional(),
});

export const ZStatsResult = z.object({
  metric: z.object({ id: z.string(), unit: z.enum(METRIC_UNITS), labels: ZLabels }),
  dimensions: z.array(z.object({ id: z.enum(DIMENSION_IDS), labels: ZLabels, categories: z.array(ZCategory) })),
  /** Rows = first dimension's categories; columns = second's (one column when there is at most one dimension). */
  cells: z.array(z.array(ZStatsCell)),
  rowTotals: z.array(ZStatsCell),
  columnTotals: z.array(ZStatsCell),
  total: ZStatsCell,
  disclosure: z.object({
    method: z.literal('suppression'),
    threshold: z.number().int(),
    zeros: z.enum(['sensitive', 'publish']),
    primaryCount: z.number().int(),
    secondaryCount: z.number().int(),
    groupedCategoryCount: z.number().int(),
  }),
  /** The SQL that produced the counts, for review; values travel as parameters. */
  sql: z.object({ text: z.string(), parameters: z.array(z.unknown()) }),
});
/** The engine's protected table (counts, medians, shares): what programmes and other callers get. */
export type TStatsResult = z.infer<typeof ZStatsResult>;

/** What the statistics API returns: a protected table, whose cells are rates for rate metrics. */
export const ZStatsQueryResult = ZStatsResult.extend({
  metric: z.object({ id: z.string(), unit: z.enum(METRIC_UNITS), measure: z.enum(METRIC_MEASURES), labels: ZLabels }),
  cells: z.array(z.array(ZStatsResultCell)),
  rowTotals: z.array(ZStatsResultCell),
  columnTotals: z.array(ZStatsResultCell),
  total: ZStatsResultCell,
  /** `national` when the table spans every organisation of the deployment. */
  scope: z.enum(['organisation', 'national']),
});
export type TStatsQueryResult = z.infer<typeof ZStatsQueryResult>;

export const ZMetricCatalog = z.object({
  metrics: z.array(z.object({
    id: z.string(),
    source: z.enum(METRIC_SOURCES),
    unit: z.enum(METRIC_UNITS),
    measure: z.enum(METRIC_MEASURES),
    labels: ZLabels,
    descriptions: ZLabels,
    dimensions: z.array(z.enum(DIMENSION_IDS)),
    filters: z.array(z.enum(DIMENSION_IDS)),
    targetDays: z.number().int().optional(),
  })),
  dimensions: z.array(z.object({
    id: z.enum(DIMENSION_IDS),
    labels: ZLabels,
    kind: z.enum(['fixed', 'observed']),
    isOrdered: z.boolean(),
    categories: z.array(z.object({ key: z.string(), labels: ZLabels })),
  })),
  maxDimensions: z.number().int(),
  notRecordedLabels: ZLabels,
  disclosure: z.object({ method: z.literal('suppression'), threshold: z.number().int() }),
});

export function presentMetricCatalog(notRecordedLabels: TLabels): z.infer<typeof ZMetricCatalog> {
  return {
    metrics: METRICS.map((m) => ({ id: m.id, source: m.source, unit: m.unit, measure: m.measure, labels: m.labels, descriptions: m.descriptions, dimensions: [...m.dimensions], filters: [...m.filters], ...(m.targetDays === undefined ? {} : { targetDays: m.targetDays }) })),
    dimensions: DIMENSION_IDS.map((id) => {
      const d = DIMENSIONS[id];
      return { id, labels: d.labels, kind: d.kind, isOrdered: d.isOrdered, categories: d.categories.map((c) => ({ key: c.key, labels: c.labels })) };
    }),
    maxDimensions: MAX_QUERY_DIMENSIONS,
    notRecordedLabels,
    disclosure: { method: 'suppression', threshold: STATS_SUPPRESSION_THRESHOLD },
  };
}
