/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of retention and erasure (policies, legal holds, each anonymised person) and of
 * exports of identifying data.
 * Metadata holds ids, codes and counts only.
 */
import { z } from 'zod';

const ZId = z.string();
export const LEGAL_HOLD_REASONS = ['litigation', 'investigation', 'prosecution', 'audit', 'other'] as const;
/** Why identifying data leaves the system in an export (stated by the exporter, kept in the audit log). */
export const EXPORT_PURPOSES = ['case_handover', 'court_order', 'subject_access_request', 'data_migration', 'other'] as const;

export const RETENTION_AUDIT_EVENTS = {
  'retentionPolicy.changed': z.object({ anonymiseAfterDays: z.number().int().nullable() }).strict(),
  'legalHold.placed': z.object({ reason: z.enum(LEGAL_HOLD_REASONS) }).strict(),
  'legalHold.lifted': z.object({ reason: z.enum(LEGAL_HOLD_REASONS) }).strict(),
  /** Identifying data left the system in a password-protected archive. */
  'cases.exported': z.object({ count: z.number().int(), purpose: z.enum(EXPORT_PURPOSES), withIdentity: z.boolean() }).strict(),
  /** Identity and narrative removed; statistical fields kept. `trigger`: the retention sweep or an erasure request. */
  'person.anonymised': z.object({ personId: ZId, cases: z.number().int(), trigger: z.enum(['retention', 'erasure']) }).strict(),
} satisfies Record<string, z.ZodType>;
