import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TRole } from '../../../../core/authz/permissions.ts';
import type { TIdentityCheck, TPasswordResetReason, TTwoFactorResetReason } from '../../../../core/security/account-recovery.ts';
import { api, seg } from '../../api/client.ts';
import type { TAddMemberRequest, TMember, TMemberList } from '../../api/types.ts';

export const memberKeys = {
  list: (orgId: string) => ['members', orgId] as const,
};

/** Members of one organisation plus what the viewer may do with them (`abilities`). */
export function useMembers(orgId: string) {
  return useQuery({
    queryKey: memberKeys.list(orgId),
    queryFn: () => api.get<TMemberList>(`/api/organisations/${seg(orgId)}/members`),
  });
}

export function useAddMember(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TAddMemberRequest) => api.post<{ member: TMember }>(`/api/organisations/${seg(orgId)}/members`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.list(orgId) }),
  });
}

export function useChangeMemberRole(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: TRole }) =>
      api.patch<{ member: TMember }>(`/api/organisations/${seg(orgId)}/members/${seg(userId)}`, { role }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.list(orgId) }),
  });
}

export function useRemoveMember(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId }: { userId: string }) => api.delete<void>(`/api/organisations/${seg(orgId)}/members/${seg(userId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.list(orgId) }),
  });
}

/** What a platform administrator sends to recover a member's account: their own password, a reason, the identity check. */
export type TAccountRecoveryRequest<R extends string> = { userId: string; password: string; reason: R; identityCheck: TIdentityCheck };
/** A temporary password, shown once; it opens the account until `expiresAt`, and only to choose a new one. */
export type TIssuedTemporaryPassword = { password: string; expiresAt: string };

/** Resets a member's two-factor sign-in (for a suspected compromise, their password too). */
export function useResetTwoFactor() {
  return useMutation({
    // The variables hold the administrator's password, the result may hold a temporary one: not kept once reset.
    gcTime: 0,
    mutationFn: ({ userId, ...body }: TAccountRecoveryRequest<TTwoFactorResetReason>) =>
      api.post<{ endedSessions: number; temporaryPassword?: TIssuedTemporaryPassword }>(`/api/users/${seg(userId)}/two-factor/reset`, body),
  });
}

/** Gives a member a temporary password in place of theirs. */
export function useResetPassword() {
  return useMutation({
    gcTime: 0,
    mutationFn: async ({ userId, ...body }: TAccountRecoveryRequest<TPasswordResetReason>) => {
      const reset = await api.post<{ temporaryPassword: string; expiresAt: string; endedSessions: number }>(`/api/users/${seg(userId)}/password/reset`, body);
      return { endedSessions: reset.endedSessions, temporaryPassword: { password: reset.temporaryPassword, expiresAt: reset.expiresAt } };
    },
  });
}
