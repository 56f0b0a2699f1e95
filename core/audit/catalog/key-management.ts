/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of key management: an organisation's data key rotated, and its ciphertexts moved
 * to the new key. Metadata holds versions and counts only.
 */
import { z } from 'zod';

export const KEY_MANAGEMENT_AUDIT_EVENTS = {
  'organisationKey.rotated': z.object({ rotationId: z.string(), toVersion: z.number().int() }).strict(),
  'organisationKey.reencrypted': z.object({ rotationId: z.string(), toVersion: z.number().int(), rows: z.number().int() }).strict(),
} satisfies Record<string, z.ZodType>;
