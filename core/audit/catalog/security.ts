/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of two-factor login, password policy, emergency (break-the-glass) access, retention and erasure, exports and key rotation. Metadata holds ids, codes and counts only: never identifying data.
 */
import { z } from 'zod';

export const SECURITY_AUDIT_EVENTS = {
} satisfies Record<string, z.ZodType>;
