/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of monitoring and evaluation: programmes, results frameworks, indicators, needs assessments, progress reports. Metadata holds ids, codes and counts only: never identifying data.
 */
import { z } from 'zod';

export const PROGRAMMES_AUDIT_EVENTS = {
} satisfies Record<string, z.ZodType>;
