import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { TCreateProject, TOwnResult, TPartner, TProject, TProjectStatistics } from './types.ts';

export const projectKeys = {
  all: (orgId: string) => ['linkage-projects', orgId] as const,
  one: (orgId: string, projectId: string) => ['linkage-projects', orgId, projectId] as const,
  partners: (orgId: string) => ['linkage-projects', orgId, 'partners'] as const,
};

const base = (orgId: string) => `/api/organisations/${seg(orgId)}/linkage-projects`;
const one = (orgId: string, projectId: string) => `${base(orgId)}/${seg(projectId)}`;

export function useProjects(orgId: string) {
  return useQuery({ queryKey: projectKeys.all(orgId), queryFn: () => api.get<{ projects: TProject[] }>(base(orgId)), select: (d) => d.projects });
}

export function usePartners(orgId: string) {
  return useQuery({
    queryKey: projectKeys.partners(orgId),
    queryFn: () => api.get<{ organisations: TPartner[] }>(`/api/organisations/${seg(orgId)}/linkage-project-partners`),
    select: (d) => d.organisations,
  });
}

/** One project; polled every second while its match runs, so the progress bar moves. */
export function useProject(orgId: string, projectId: string) {
  return useQuery({
    queryKey: projectKeys.one(orgId, projectId),
    queryFn: () => api.get<{ project: TProject }>(one(orgId, projectId)),
    select: (d) => d.project,
    refetchInterval: (query) => (query.state.data?.project.status === 'matching' ? 1000 : false),
  });
}

export function useCreateProject(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateProject) => api.post<{ project: TProject }>(base(orgId), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.all(orgId) }),
  });
}

export type TProjectAction =
  | { kind: 'accept' | 'decline' | 'cancel' | 'match' }
  | { kind: 'submit'; secret: string }
  | { kind: 'upload'; partyId: string; encodings: string };

/** Every change of a project; afterwards the project (and the list) are fetched again. */
export function useProjectAction(orgId: string, projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: TProjectAction) => {
      const url = one(orgId, projectId);
      if (action.kind === 'submit') return api.post<{ project: TProject }>(`${url}/submission`, { secret: action.secret });
      if (action.kind === 'upload') return api.post<{ project: TProject }>(`${url}/parties/${seg(action.partyId)}/encodings`, { encodings: action.encodings });
      return api.post<{ project: TProject }>(`${url}/${action.kind}`, {});
    },
    onSuccess: (data) => {
      queryClient.setQueryData(projectKeys.one(orgId, projectId), data);
      void queryClient.invalidateQueries({ queryKey: projectKeys.all(orgId), exact: true });
    },
  });
}

export function useStatistics(orgId: string, projectId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...projectKeys.one(orgId, projectId), 'statistics'],
    queryFn: () => api.get<{ statistics: TProjectStatistics }>(`${one(orgId, projectId)}/statistics`),
    select: (d) => d.statistics,
    enabled,
  });
}

/** The organisation's own persons in shared clusters: the server audits each read, so fetched only when asked for. */
export function useOwnResult(orgId: string, projectId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...projectKeys.one(orgId, projectId), 'result'],
    queryFn: () => api.get<{ result: TOwnResult }>(`${one(orgId, projectId)}/result`),
    select: (d) => d.result,
    enabled,
    staleTime: Infinity,
  });
}

export const externalResultUrl = (orgId: string, projectId: string, partyId: string) => `${one(orgId, projectId)}/parties/${seg(partyId)}/result`;
