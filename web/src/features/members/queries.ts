import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TRole } from '../../../../core/authz/permissions.ts';
import type { TTwoFactorIdentityCheck, TTwoFactorResetReason } from '../../../../core/security/two-factor-reset.ts';
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

/** A platform administrator resets a member's two-factor sign-in (their own password, a reason, the identity check). */
export function useResetTwoFactor() {
  return useMutation({
    mutationFn: ({ userId, ...body }: { userId: string; password: string; reason: TTwoFactorResetReason; identityCheck: TTwoFactorIdentityCheck }) =>
      api.post<{ endedSessions: number }>(`/api/users/${seg(userId)}/two-factor/reset`, body),
  });
}
