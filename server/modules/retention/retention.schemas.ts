import { z } from 'zod';
import { LEGAL_HOLD_REASONS } from '../../../core/audit/catalog/retention.ts';

export const ZRetentionPolicy = z.strictObject({
  /** Days after the last of a person's cases closed; null = never anonymise automatically. */
  anonymiseAfterDays: z.number().int().min(1).max(36500).nullable(),
});
export const ZLegalHoldRequest = z.strictObject({ reason: z.enum(LEGAL_HOLD_REASONS) });
export const ZLegalHold = z.object({ reason: z.enum(LEGAL_HOLD_REASONS), placedAt: z.string(), placedBy: z.string().nullable() }).nullable();
/** The case reference, typed again: erasure cannot be undone. */
export const ZErasureRequest = z.strictObject({ confirmReference: z.string().min(1).max(50) });
