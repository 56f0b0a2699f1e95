import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { TSessionInfo } from '../../api/types.ts';
import type { TEmergencyGrant, TEnrolment, TSecurityPolicy, TTwoFactorStatus } from './types.ts';

export const securityKeys = {
  twoFactor: ['twoFactor'] as const,
  policy: (orgId: string) => ['securityPolicy', orgId] as const,
  grants: (orgId: string, caseId: string) => ['emergencyAccess', orgId, caseId] as const,
};

export function useTwoFactorStatus() {
  return useQuery({ queryKey: securityKeys.twoFactor, queryFn: () => api.get<TTwoFactorStatus>('/api/account/two-factor') });
}

export function useStartEnrolment() {
  return useMutation({ mutationFn: () => api.post<TEnrolment>('/api/account/two-factor/enrolment') });
}

export function useConfirmEnrolment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<{ recoveryCodes: string[] }>('/api/account/two-factor/enrolment/confirm', { code }),
    // Everything the gate refused before enrolment may now answer: refetch it all (not awaited,
    // so the caller sees the recovery codes at once).
    onSuccess: () => void queryClient.invalidateQueries(),
  });
}

export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { password: string; code: string }) => api.post<void>('/api/account/two-factor/disable', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: securityKeys.twoFactor }),
  });
}

/** Replaces every recovery code; the new ones are in the answer, shown once. */
export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { password: string; code: string }) => api.post<{ recoveryCodes: string[] }>('/api/account/two-factor/recovery-codes', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: securityKeys.twoFactor }),
  });
}

/** The second sign-in step; the caller stores the session like the password step would. */
export function completeTwoFactorLogin(body: { challengeToken: string; code: string }): Promise<TSessionInfo> {
  return api.post<TSessionInfo>('/api/auth/login/two-factor', body);
}

export function useSecurityPolicy(orgId: string) {
  return useQuery({ queryKey: securityKeys.policy(orgId), queryFn: () => api.get<TSecurityPolicy>(`/api/organisations/${seg(orgId)}/security-policy`) });
}

export function useChangeSecurityPolicy(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: TSecurityPolicy) => api.put<TSecurityPolicy>(`/api/organisations/${seg(orgId)}/security-policy`, policy),
    onSuccess: (policy) => {
      queryClient.setQueryData(securityKeys.policy(orgId), policy);
      void queryClient.invalidateQueries({ queryKey: securityKeys.twoFactor });
    },
  });
}

export function useEmergencyGrants(orgId: string, caseId: string) {
  return useQuery({
    queryKey: securityKeys.grants(orgId, caseId),
    queryFn: async () => (await api.get<{ grants: TEmergencyGrant[] }>(`/api/organisations/${seg(orgId)}/cases/${seg(caseId)}/emergency-access`)).grants,
  });
}

export function useRequestEmergencyAccess(orgId: string, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (justification: string) => api.post<{ grant: TEmergencyGrant }>(`/api/organisations/${seg(orgId)}/cases/${seg(caseId)}/emergency-access`, { justification }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useEndEmergencyAccess(orgId: string, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (grantId: string) => api.post<void>(`/api/organisations/${seg(orgId)}/emergency-access/${seg(grantId)}/end`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: securityKeys.grants(orgId, caseId) }),
  });
}
