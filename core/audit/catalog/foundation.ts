/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of the foundation: setup, organisations, users, sessions, memberships, the log itself.
 */
import { z } from 'zod';
import { ORGANISATION_KINDS } from '../../organisations/kinds.ts';
import { ROLES } from '../../authz/permissions.ts';
import { IDENTITY_CHECKS, PASSWORD_RESET_REASONS } from '../../security/account-recovery.ts';

const ZRole = z.enum(ROLES);

export const FOUNDATION_AUDIT_EVENTS = {
  'setup.completed': z.object({ organisationId: z.string() }).strict(),
  'organisation.created': z.object({ name: z.string(), kind: z.enum(ORGANISATION_KINDS) }).strict(),
  'user.created': z.object({ email: z.string(), isPlatformAdmin: z.boolean() }).strict(),
  'user.loggedIn': z.object({ email: z.string() }).strict(),
  'user.loginFailed': z.object({ email: z.string(), reason: z.enum(['UNKNOWN_EMAIL', 'WRONG_PASSWORD', 'LOCKED', 'DISABLED', 'TEMPORARY_PASSWORD_EXPIRED']) }).strict(),
  'user.loggedOut': z.object({}).strict(),
  'user.passwordChanged': z.object({}).strict(),
  /** A platform administrator replaced a member's password with a temporary one (subject: that member), saying why and how they checked who asked. */
  'user.passwordResetByAdministrator': z.object({
    reason: z.enum(PASSWORD_RESET_REASONS), identityCheck: z.enum(IDENTITY_CHECKS), endedSessions: z.number().int(), temporaryPasswordExpiresAt: z.string(),
  }).strict(),
  'membership.granted': z.object({ userId: z.string(), email: z.string(), role: ZRole }).strict(),
  'membership.roleChanged': z.object({ userId: z.string(), email: z.string(), from: ZRole, to: ZRole }).strict(),
  'membership.revoked': z.object({ userId: z.string(), email: z.string(), role: ZRole }).strict(),
  'backup.created': z.object({}).strict(),
  'audit.verified': z.object({ ok: z.boolean(), checked: z.number().int(), firstBrokenSeq: z.number().int().nullable() }).strict(),
} as const;
