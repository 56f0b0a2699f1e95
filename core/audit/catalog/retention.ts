/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of retention and erasure: policies, legal holds, and each anonymised person.
 * Metadata holds ids, codes and counts only.
 */
import { z } from 'zod';

const ZId = z.string();
export const LEGAL_HOLD_REASONS = ['litigation', 'investigation', 'prosecution', 'audit', 'other'] as const;

export const RETENTION_AUDIT_EVENTS = {
  'retentionPolicy.changed': z.object({ anonymiseAfterDays: z.number().int().nullable() }).strict(),
  'legalHold.placed': z.object({ reason: z.enum(LEGAL_HOLD_REASONS) }).strict(),
  'legalHold.lifted': z.object({ reason: z.enum(LEGAL_HOLD_REASONS) }).strict(),
  /** Identity and narrative removed; statistical fields kept. `trigger`: the retention sweep or an erasure request. */
  'person.anonymised': z.object({ personId: ZId, cases: z.number().int(), trigger: z.enum(['retention', 'erasure']) }).strict(),
} satisfies Record<string, z.ZodType>;
