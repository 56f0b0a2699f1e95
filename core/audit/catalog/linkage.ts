/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of de-duplication and privacy-preserving record linkage. Metadata holds ids, codes and counts only: never identifying data.
 */
import { z } from 'zod';

export const LINKAGE_AUDIT_EVENTS = {
} satisfies Record<string, z.ZodType>;
