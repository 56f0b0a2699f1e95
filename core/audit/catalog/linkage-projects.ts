/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of cross-organisation linkage projects. Metadata holds ids, codes and counts only.
 */
import { z } from 'zod';

export const LINKAGE_PROJECTS_AUDIT_EVENTS = {
} satisfies Record<string, z.ZodType>;
