/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of population denominators. Metadata holds ids, codes and counts only.
 */
import { z } from 'zod';

export const POPULATIONS_AUDIT_EVENTS = {
  /** A platform administrator (or the CLI) committed a population CSV; the file itself is identified by its hash. */
  'population.imported': z.object({
    importId: z.string(),
    fileSha256: z.string(),
    rowCount: z.number().int(),
    rowsInserted: z.number().int(),
    rowsUpdated: z.number().int(),
    rowsUnchanged: z.number().int(),
    warningCount: z.number().int(),
  }).strict(),
} satisfies Record<string, z.ZodType>;
