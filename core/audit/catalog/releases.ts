/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of statistical releases, privacy budget, k-anonymous exports and population denominators. Metadata holds ids, codes and counts only: never identifying data.
 */
import { z } from 'zod';

export const RELEASES_AUDIT_EVENTS = {
} satisfies Record<string, z.ZodType>;
