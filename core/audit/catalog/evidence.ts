/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of the evidence base: imports, statistics, releases.
 */
import { z } from 'zod';
import { CTDC_LAYOUTS } from '../../ctdc/record.ts';

/** What every import event says about the file (never its contents: no cell values). */
const importFacts = {
  runId: z.string(),
  source: z.enum(['ctdc']),
  layout: z.enum(CTDC_LAYOUTS),
  fileName: z.string(),
  fileSha256: z.string(),
  rowCount: z.number().int(),
  invalidRowCount: z.number().int(),
};

export const EVIDENCE_AUDIT_EVENTS = {
  /** Rows stored (all of them, or the valid ones when a partial import was asked for). */
  'dataset.imported': z.object({ ...importFacts, importedRowCount: z.number().int(), isPartial: z.boolean() }).strict(),
  /** A dry run: the file was checked and the report kept; nothing stored. */
  'dataset.validated': z.object(importFacts).strict(),
  /** Invalid rows and no partial import asked for: the report kept, nothing stored. */
  'dataset.rejected': z.object(importFacts).strict(),
  /** An import's records removed (the run stays in the history as deleted). */
  'dataset.deleted': z.object({ runId: z.string(), fileName: z.string(), deletedRowCount: z.number().int() }).strict(),
} as const;
