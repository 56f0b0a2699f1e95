import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import { orgPath, protectionKeys } from './queries.ts';
import type { TPlanResponse, TPlanVersion } from './plan-types.ts';

/** Query hooks of the recovery plan: the latest version, the history, saves, reviews, goal owners and the approval setting. */

const planKey = (orgId: string, caseId: string) => [...protectionKeys.all(orgId), 'plan', caseId] as const;
const planPath = (orgId: string, caseId: string, rest = '') => orgPath(orgId, `/cases/${seg(caseId)}/plan${rest}`);

export function usePlan(orgId: string, caseId: string) {
  return useQuery({ queryKey: planKey(orgId, caseId), queryFn: () => api.get<TPlanResponse>(planPath(orgId, caseId)) });
}

/** Every version, newest first. Each load is an audited read on the server, so it is asked only when the history is opened. */
export function usePlanVersions(orgId: string, caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...planKey(orgId, caseId), 'versions'],
    queryFn: () => api.get<{ versions: TPlanVersion[] }>(planPath(orgId, caseId, '/versions')),
    select: (data) => data.versions,
    enabled,
  });
}

function usePlanWrite<V>(orgId: string, caseId: string, send: (variables: V) => Promise<TPlanResponse>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (data) => {
      queryClient.setQueryData(planKey(orgId, caseId), data);
      void queryClient.invalidateQueries({ queryKey: [...planKey(orgId, caseId), 'versions'] });
    },
  });
}

export function useSavePlan(orgId: string, caseId: string) {
  return usePlanWrite(orgId, caseId, (body: object) => api.put<TPlanResponse>(planPath(orgId, caseId), body));
}

export function useReviewPlan(orgId: string, caseId: string) {
  return usePlanWrite(orgId, caseId, ({ version, decision }: { version: number; decision: 'approved' | 'returned' }) =>
    api.post<TPlanResponse>(planPath(orgId, caseId, `/versions/${version}/review`), { decision }));
}

/** Members who can be named as a goal's owner (for those who write plans). */
export function useGoalOwners(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...protectionKeys.all(orgId), 'plan-goal-owners'],
    queryFn: () => api.get<{ owners: { userId: string; displayName: string }[] }>(orgPath(orgId, '/plan-goal-owners')),
    select: (data) => data.owners,
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Changes whether the organisation's plans need a supervisor's approval; every open plan shows the new rule. */
export function useSetPlanApproval(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requiresApproval: boolean) => api.put<{ requiresApproval: boolean }>(orgPath(orgId, '/plan-settings'), { requiresApproval }),
    onSuccess: () => { void queryClient.invalidateQueries({ queryKey: protectionKeys.all(orgId) }); },
  });
}
