/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of population denominators. Metadata holds ids, codes and counts only.
 */
import { z } from 'zod';

export const POPULATIONS_AUDIT_EVENTS = {
} satisfies Record<string, z.ZodType>;
