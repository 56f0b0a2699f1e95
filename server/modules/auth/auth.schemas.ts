import { z } from 'zod';
import { PASSWORD_RESET_REASONS } from '../../../core/security/account-recovery.ts';
import { accountRecoveryRequest, ZEmail, ZOrganisation, ZPassword, ZPermission, ZRole, ZUuid } from '../../http/common-schemas.ts';

export const ZLoginRequest = z.object({ email: ZEmail, password: ZPassword }).strict();
export const ZChangePasswordRequest = z.object({ currentPassword: ZPassword, newPassword: ZPassword }).strict();

export const ZResetPasswordParams = z.object({ userId: ZUuid }).strict();
export const ZResetPasswordRequest = accountRecoveryRequest(PASSWORD_RESET_REASONS);
/** Shown once: only its hash is kept. */
export const ZPasswordReset = z.object({ temporaryPassword: z.string(), expiresAt: z.string(), endedSessions: z.number().int() });

export const ZSessionInfo = z.object({
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string(), isPlatformAdmin: z.boolean() }),
  memberships: z.array(z.object({ organisation: ZOrganisation, role: ZRole, permissions: z.array(ZPermission) })),
  csrfToken: z.string(),
  expiresAt: z.string(),
  /** Signed in with a temporary password from an administrator: choose a new one first. */
  passwordChangeRequired: z.boolean(),
});

export type TSessionInfo = z.infer<typeof ZSessionInfo>;
