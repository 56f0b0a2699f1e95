import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { TPrepareReleaseRequest, TPrivacyBudget, TRelease, TReleaseFormat, TReleaseSummary } from './release-types.ts';

/** Query hooks of the releases pages (list, one release, privacy budgets) and their actions. */
export const releaseKeys = {
  all: (orgId: string) => ['releases', orgId] as const,
  one: (orgId: string, releaseId: string) => ['releases', orgId, releaseId] as const,
  budgets: (orgId: string) => ['releases', orgId, 'budgets'] as const,
};

const orgPath = (orgId: string, rest: string) => `/api/organisations/${seg(orgId)}${rest}`;

/** Where a release file downloads from (a plain link: the session cookie authenticates a GET). */
export function releaseFileUrl(orgId: string, releaseId: string, format: TReleaseFormat): string {
  return orgPath(orgId, `/releases/${seg(releaseId)}/files/${format}`);
}

export function useReleases(orgId: string) {
  return useQuery({
    queryKey: releaseKeys.all(orgId),
    queryFn: () => api.get<{ releases: TReleaseSummary[] }>(orgPath(orgId, '/releases')),
    select: (data) => data.releases,
  });
}

export function useRelease(orgId: string, releaseId: string) {
  return useQuery({
    queryKey: releaseKeys.one(orgId, releaseId),
    queryFn: () => api.get<{ release: TRelease }>(orgPath(orgId, `/releases/${seg(releaseId)}`)),
    select: (data) => data.release,
  });
}

export function usePrivacyBudgets(orgId: string) {
  return useQuery({
    queryKey: releaseKeys.budgets(orgId),
    queryFn: () => api.get<{ budgets: TPrivacyBudget[] }>(orgPath(orgId, '/privacy-budgets')),
    select: (data) => data.budgets,
  });
}

export function usePrepareRelease(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPrepareReleaseRequest) => api.post<{ release: TRelease }>(orgPath(orgId, '/releases'), body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: releaseKeys.all(orgId) }),
  });
}

/** Approve (publish) or reject a draft; refreshes the release, the list and the budgets. */
export function useDecideRelease(orgId: string, releaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: 'approve' | 'reject') => api.post<{ release: TRelease }>(orgPath(orgId, `/releases/${seg(releaseId)}/${decision}`)),
    onSuccess: (data) => {
      queryClient.setQueryData(releaseKeys.one(orgId, releaseId), data);
      void queryClient.invalidateQueries({ queryKey: releaseKeys.all(orgId) });
    },
  });
}

/** Sets a dataset's lifetime budget (once, before anything is spent). */
export function useSetPrivacyBudget(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ runId, totalEpsilon, totalDelta }: { runId: string; totalEpsilon: string; totalDelta: string }) =>
      api.put<{ budgets: TPrivacyBudget[] }>(orgPath(orgId, `/privacy-budgets/${seg(runId)}`), { totalEpsilon, totalDelta }),
    onSuccess: (data) => queryClient.setQueryData(releaseKeys.budgets(orgId), data),
  });
}
