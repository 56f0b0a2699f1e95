/**
 * ⚠ PERSISTED SHAPES. Event names and metadata are stored in `audit_events` and hashed into
 * each organisation's chain: never rename an event or change the meaning of a field; add new
 * events or optional fields instead.
 *
 * The catalog of audit events, `resource.pastTenseVerb`, each with the zod schema of its
 * metadata. The audit writer only accepts names from here and validates metadata against them.
 */
import { z } from 'zod';
import { ORGANISATION_KINDS } from '../organisations/kinds.ts';
import { ROLES } from '../authz/permissions.ts';

const ZRole = z.enum(ROLES);

export const AUDIT_EVENT_CATALOG = {
  'setup.completed': z.object({ organisationId: z.string() }).strict(),
  'organisation.created': z.object({ name: z.string(), kind: z.enum(ORGANISATION_KINDS) }).strict(),
  'user.created': z.object({ email: z.string(), isPlatformAdmin: z.boolean() }).strict(),
  'user.loggedIn': z.object({ email: z.string() }).strict(),
  'user.loginFailed': z.object({ email: z.string(), reason: z.enum(['UNKNOWN_EMAIL', 'WRONG_PASSWORD', 'LOCKED', 'DISABLED']) }).strict(),
  'user.loggedOut': z.object({}).strict(),
  'user.passwordChanged': z.object({}).strict(),
  'membership.granted': z.object({ userId: z.string(), email: z.string(), role: ZRole }).strict(),
  'membership.roleChanged': z.object({ userId: z.string(), email: z.string(), from: ZRole, to: ZRole }).strict(),
  'membership.revoked': z.object({ userId: z.string(), email: z.string(), role: ZRole }).strict(),
  'audit.verified': z.object({ ok: z.boolean(), checked: z.number().int(), firstBrokenSeq: z.number().int().nullable() }).strict(),
} as const;

export type TAuditAction = keyof typeof AUDIT_EVENT_CATALOG;
export type TAuditMetadata<A extends TAuditAction> = z.infer<(typeof AUDIT_EVENT_CATALOG)[A]>;

export const AUDIT_ACTIONS = Object.keys(AUDIT_EVENT_CATALOG) as TAuditAction[];
