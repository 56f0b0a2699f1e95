/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of monitoring and evaluation: programmes, results frameworks, indicators, needs assessments, progress reports. Metadata holds ids, codes and counts only: never identifying data.
 */
import { z } from 'zod';

const ZId = z.string();

export const PROGRAMMES_AUDIT_EVENTS = {
  'programme.created': z.object({ programmeId: ZId, kind: z.string(), template: z.string().nullable(), nodes: z.number().int(), indicators: z.number().int() }).strict(),
  'programme.nodeAdded': z.object({ programmeId: ZId, nodeId: ZId, level: z.string() }).strict(),
  /** Ratio indicators (added later): `metric` is the numerator's, `denominatorMetric` the denominator's. */
  'indicator.created': z.object({ programmeId: ZId, indicatorId: ZId, kind: z.enum(['computed', 'manual', 'ratio']), metric: z.string().nullable(), denominatorMetric: z.string().optional(), unit: z.string() }).strict(),
  'indicator.targetsSet': z.object({ programmeId: ZId, indicatorId: ZId, periods: z.array(z.string()) }).strict(),
  'indicator.valueEntered': z.object({ programmeId: ZId, indicatorId: ZId, valueId: ZId, period: z.string(), evidenceCount: z.number().int() }).strict(),
  'indicator.valueReviewed': z.object({ programmeId: ZId, indicatorId: ZId, valueId: ZId, period: z.string(), decision: z.enum(['approved', 'rejected']) }).strict(),
  /** Evidence may name people (attendance sheets): every download is recorded. */
  'indicator.evidenceDownloaded': z.object({ programmeId: ZId, valueId: ZId, evidenceId: ZId }).strict(),
  'needsAssessment.recorded': z.object({ programmeId: ZId, assessmentId: ZId, scope: z.enum(['region', 'sector']), findings: z.number().int() }).strict(),
  /** Edits name the fields changed (never their values) and the version they produced. */
  'programme.updated': z.object({ programmeId: ZId, fields: z.array(z.enum(['name', 'description', 'startsOn', 'endsOn'])), version: z.number().int() }).strict(),
  'programme.archived': z.object({ programmeId: ZId, version: z.number().int() }).strict(),
  /** An archived programme made active again. */
  'programme.restored': z.object({ programmeId: ZId, version: z.number().int() }).strict(),
  'programme.nodeUpdated': z.object({ programmeId: ZId, nodeId: ZId, level: z.string(), fields: z.array(z.enum(['title', 'description'])), version: z.number().int() }).strict(),
  'indicator.updated': z.object({
    programmeId: ZId, indicatorId: ZId, fields: z.array(z.enum(['name', 'definitionText', 'baseline', 'baselinePeriod', 'dataSource', 'direction', 'frequency'])), version: z.number().int(),
  }).strict(),
  'needsAssessment.updated': z.object({ programmeId: ZId, assessmentId: ZId, fields: z.array(z.enum(['scope', 'area', 'assessedOn', 'findings'])), findings: z.number().int(), version: z.number().int() }).strict(),
  'progressReport.exported': z.object({ programmeId: ZId, period: z.string(), language: z.string(), format: z.enum(['pdf']) }).strict(),
} satisfies Record<string, z.ZodType>;
