import { z } from 'zod';
import { ZEmail, ZName, ZPassword, ZPermission, ZRole, ZUuid } from '../../http/common-schemas.ts';

export const ZMember = z.object({ userId: z.string(), email: z.string(), displayName: z.string(), role: ZRole, createdAt: z.string() });
export const ZMemberParams = z.object({ orgId: ZUuid, userId: ZUuid }).strict();
export const ZAddMemberRequest = z.object({ email: ZEmail, displayName: ZName, password: ZPassword.optional(), role: ZRole }).strict();
export const ZChangeRoleRequest = z.object({ role: ZRole }).strict();
export const ZMemberList = z.object({ members: z.array(ZMember), abilities: z.object({ 'member.manage': z.boolean() }) });
export const ZRoleList = z.object({ roles: z.array(z.object({ role: ZRole, permissions: z.array(ZPermission) })) });

export function presentMember(record: { userId: string; email: string; displayName: string; role: string; createdAt: Date }): z.infer<typeof ZMember> {
  return { userId: record.userId, email: record.email, displayName: record.displayName, role: record.role as z.infer<typeof ZRole>, createdAt: record.createdAt.toISOString() };
}
