/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of case transfers between agencies and in-app notifications. Metadata holds ids, codes and counts only: never identifying data.
 */
import { z } from 'zod';

export const COOPERATION_AUDIT_EVENTS = {
} satisfies Record<string, z.ZodType>;
