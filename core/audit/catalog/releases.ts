/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of statistical releases, privacy budget, k-anonymous exports and population denominators. Metadata holds ids, codes and counts only: never identifying data.
 */
import { z } from 'zod';

const method = z.enum(['suppression', 'rounding', 'differentialPrivacy', 'kAnonymity']);

export const RELEASES_AUDIT_EVENTS = {
  /** An analyst prepared a draft release (tables or k-anonymous records). */
  'release.prepared': z.object({ releaseId: z.string(), kind: z.enum(['tables', 'record_level']), method, tableCount: z.number().int(), datasetCount: z.number().int() }).strict(),
  /** A coordinator (not the preparer) approved it: files generated and stored, privacy budget spent. */
  'release.published': z.object({
    releaseId: z.string(), kind: z.enum(['tables', 'record_level']), method, datasetCount: z.number().int(), fileCount: z.number().int(),
    /** Exact strings as in the ledger; null for releases without differential privacy. */
    epsilonSpent: z.string().nullable(), deltaSpent: z.string().nullable(),
  }).strict(),
  /** A coordinator turned a draft down; it can no longer be published. */
  'release.rejected': z.object({ releaseId: z.string() }).strict(),
  /** A release file was downloaded (a draft preview, or the published file). */
  'release.downloaded': z.object({ releaseId: z.string(), format: z.enum(['csv', 'xlsx', 'pdf']), isDraft: z.boolean() }).strict(),
  /** The lifetime privacy budget of a dataset was set (once, before any spend). */
  'privacyBudget.set': z.object({ importRunId: z.string(), totalEpsilon: z.string(), totalDelta: z.string() }).strict(),
} satisfies Record<string, z.ZodType>;
