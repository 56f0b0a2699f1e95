import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { TCandidateDetail, TCandidateStatus, TCandidateSummary, TDedupeJob, TUniquePersons } from './types.ts';

export const linkageKeys = {
  all: (orgId: string) => ['linkage', orgId] as const,
  jobs: (orgId: string) => ['linkage', orgId, 'jobs'] as const,
  queue: (orgId: string, status: TCandidateStatus) => ['linkage', orgId, 'queue', status] as const,
  candidate: (orgId: string, candidateId: string) => ['linkage', orgId, 'candidate', candidateId] as const,
  uniquePersons: (orgId: string) => ['linkage', orgId, 'unique-persons'] as const,
};

const base = (orgId: string) => `/api/organisations/${seg(orgId)}/linkage`;

/** The latest jobs; polled every second while one is running, so the progress bar moves. */
export function useDedupeJobs(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: linkageKeys.jobs(orgId),
    queryFn: () => api.get<{ jobs: TDedupeJob[] }>(`${base(orgId)}/dedupe-jobs`),
    select: (data) => data.jobs,
    enabled,
    refetchInterval: (query) => (query.state.data?.jobs.some((job) => job.status === 'running') ? 1000 : false),
  });
}

export function useStartDedupeJob(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ job: TDedupeJob }>(`${base(orgId)}/dedupe-jobs`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: linkageKeys.jobs(orgId) }),
  });
}

export function useCandidates(orgId: string, status: TCandidateStatus, enabled: boolean) {
  return useQuery({
    queryKey: linkageKeys.queue(orgId, status),
    queryFn: () => api.get<{ candidates: TCandidateSummary[] }>(`${base(orgId)}/duplicate-candidates?status=${status}&limit=100`),
    select: (data) => data.candidates,
    enabled,
  });
}

/** Opening a pair decrypts both identities on the server (audited): fetched only when asked for, never prefetched. */
export function useCandidateDetail(orgId: string, candidateId: string | null) {
  return useQuery({
    queryKey: linkageKeys.candidate(orgId, candidateId ?? ''),
    queryFn: () => api.get<{ candidate: TCandidateDetail }>(`${base(orgId)}/duplicate-candidates/${seg(candidateId ?? '')}`),
    select: (data) => data.candidate,
    enabled: candidateId !== null,
    staleTime: Infinity,
  });
}

type TReviewAction =
  | { kind: 'decide'; candidateId: string; decision: 'match' | 'not_match' | 'pending' }
  | { kind: 'merge'; candidateId: string; survivingPersonId: string }
  | { kind: 'unmerge'; mergeId: string };

/** Decisions, merges and unmerges; afterwards the queue and the open pair are refreshed. */
export function useReviewAction(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: TReviewAction) => {
      if (action.kind === 'decide') return api.post(`${base(orgId)}/duplicate-candidates/${seg(action.candidateId)}/decision`, { decision: action.decision });
      if (action.kind === 'merge') return api.post(`${base(orgId)}/duplicate-candidates/${seg(action.candidateId)}/merge`, { survivingPersonId: action.survivingPersonId });
      return api.post(`${base(orgId)}/merges/${seg(action.mergeId)}/unmerge`, {});
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: linkageKeys.all(orgId) }),
  });
}

export function useUniquePersons(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: linkageKeys.uniquePersons(orgId),
    queryFn: () => api.get<{ uniquePersons: TUniquePersons }>(`${base(orgId)}/unique-persons`),
    select: (data) => data.uniquePersons,
    enabled,
  });
}
