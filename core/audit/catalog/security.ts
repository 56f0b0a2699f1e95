/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of two-factor login, password policy, emergency (break-the-glass) access, retention and erasure, exports and key rotation. Metadata holds ids, codes and counts only: never identifying data.
 */
import { z } from 'zod';
import { TWO_FACTOR_REQUIREMENTS } from '../../security/two-factor-policy.ts';
import { IDENTITY_CHECKS, TWO_FACTOR_RESET_REASONS } from '../../security/account-recovery.ts';

export const SECURITY_AUDIT_EVENTS = {
  // Two-factor sign-in: the system chain (orgId null), like the other login events.
  'twoFactor.enrolmentStarted': z.object({}).strict(),
  'twoFactor.enabled': z.object({ recoveryCodes: z.number().int() }).strict(),
  'twoFactor.disabled': z.object({}).strict(),
  /** A fresh set of recovery codes replaced every earlier one (password and a current code given). */
  'twoFactor.recoveryCodesRegenerated': z.object({ recoveryCodes: z.number().int() }).strict(),
  /** The password was right; a second step is now due. */
  'twoFactor.challenged': z.object({ challengeId: z.string() }).strict(),
  'twoFactor.verified': z.object({ challengeId: z.string(), method: z.enum(['totp', 'recovery_code']), recoveryCodesLeft: z.number().int() }).strict(),
  // administrator_reset: a platform administrator's own password, re-entered to reset someone's 2FA or password.
  'twoFactor.failed': z.object({ reason: z.enum(['WRONG_CODE', 'LOCKED', 'CHALLENGE_INVALID']), purpose: z.enum(['login', 'enrolment', 'disable', 'recovery_codes', 'administrator_reset']) }).strict(),
  /** A platform administrator removed a member's enrolment (subject: that member), saying why and how they checked who asked. */
  // temporaryPasswordExpiresAt: a suspected compromise replaces the password too (absent before migration 0023).
  'twoFactor.resetByAdministrator': z.object({
    reason: z.enum(TWO_FACTOR_RESET_REASONS), identityCheck: z.enum(IDENTITY_CHECKS), endedSessions: z.number().int(), temporaryPasswordExpiresAt: z.string().optional(),
  }).strict(),
  // Organisation policy: the organisation's chain.
  // requireAccessPurpose: added with migration 0020 (absent from earlier rows).
  'securityPolicy.changed': z.object({ twoFactorRequirement: z.enum(TWO_FACTOR_REQUIREMENTS), emergencyAccessHours: z.number().int(), requireAccessPurpose: z.boolean().optional() }).strict(),
  // Break-the-glass: a class of its own, so an auditor can list every emergency access at once.
  'emergencyAccess.granted': z.object({ grantId: z.string(), caseId: z.string(), hours: z.number().int(), expiresAt: z.string() }).strict(),
  /** Every read of the case made through a grant (beside the usual identityViewed row). */
  'emergencyAccess.caseRead': z.object({ grantId: z.string(), caseId: z.string(), view: z.enum(['case', 'timeline']) }).strict(),
  'emergencyAccess.ended': z.object({ grantId: z.string(), caseId: z.string(), endedBy: z.enum(['holder', 'administrator']) }).strict(),
} satisfies Record<string, z.ZodType>;
