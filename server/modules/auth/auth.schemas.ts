import { z } from 'zod';
import { ZEmail, ZOrganisation, ZPassword, ZPermission, ZRole } from '../../http/common-schemas.ts';

export const ZLoginRequest = z.object({ email: ZEmail, password: ZPassword }).strict();
export const ZChangePasswordRequest = z.object({ currentPassword: ZPassword, newPassword: ZPassword }).strict();

export const ZSessionInfo = z.object({
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string(), isPlatformAdmin: z.boolean() }),
  memberships: z.array(z.object({ organisation: ZOrganisation, role: ZRole, permissions: z.array(ZPermission) })),
  csrfToken: z.string(),
  expiresAt: z.string(),
});

export type TSessionInfo = z.infer<typeof ZSessionInfo>;
