import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isAppError } from '../../../../core/errors/app-error.ts';
import { api, seg } from '../../api/client.ts';
import type { TCatalog, TProgrammeDetail, TProgrammeSummary, TProgressReport } from './types.ts';

/** Query hooks of the programme pages; every change refreshes the programme and its reports. */

export const programmeKeys = {
  all: (orgId: string) => ['programmes', orgId] as const,
  list: (orgId: string, status: TListStatus = 'active') => ['programmes', orgId, 'list', status] as const,
  detail: (orgId: string, programmeId: string) => ['programmes', orgId, 'detail', programmeId] as const,
  report: (orgId: string, programmeId: string, period: string) => ['programmes', orgId, 'report', programmeId, period] as const,
};

export const programmesPath = (orgId: string, rest = '') => `/api/organisations/${seg(orgId)}/programmes${rest}`;

export type TListStatus = 'active' | 'all';

/** The organisation's programmes: active ones, or archived ones too. */
export function useProgrammes(orgId: string, status: TListStatus = 'active') {
  return useQuery({
    queryKey: programmeKeys.list(orgId, status),
    queryFn: () => api.get<{ programmes: TProgrammeSummary[] }>(programmesPath(orgId, `?status=${status}`)),
    select: (d) => d.programmes,
  });
}

export function useProgramme(orgId: string, programmeId: string) {
  return useQuery({ queryKey: programmeKeys.detail(orgId, programmeId), queryFn: () => api.get<TProgrammeDetail>(programmesPath(orgId, `/${seg(programmeId)}`)) });
}

/** The progress report of a period: every number already through the server's disclosure control. */
export function useProgressReport(orgId: string, programmeId: string, period: string | null) {
  return useQuery({
    queryKey: programmeKeys.report(orgId, programmeId, period ?? ''),
    queryFn: () => api.get<TProgressReport>(programmesPath(orgId, `/${seg(programmeId)}/progress-reports/${seg(period ?? '')}`)),
    enabled: period !== null,
  });
}

/** Metrics an indicator can be computed from (the statistics catalog). */
export function useMetricChoices(orgId: string) {
  return useQuery({
    queryKey: ['stats', orgId, 'catalog'],
    queryFn: () => api.get<TCatalog>(`/api/organisations/${seg(orgId)}/stats/metrics`),
    staleTime: Infinity,
  });
}

/** A change under the organisation's programmes; refreshes every programme query afterwards, and after a version conflict (to show what changed). */
export function useProgrammeMutation<T = { id: string }>(orgId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: programmeKeys.all(orgId) });
  return useMutation({
    mutationFn: ({ method = 'POST', path, body }: { method?: 'POST' | 'PUT' | 'PATCH'; path: string; body: object }) =>
      (method === 'PUT' ? api.put<T>(programmesPath(orgId, path), body) : method === 'PATCH' ? api.patch<T>(programmesPath(orgId, path), body) : api.post<T>(programmesPath(orgId, path), body)),
    onSuccess: refresh,
    onError: (error) => { if (isAppError(error) && error.details.reason === 'VERSION_CONFLICT') void refresh(); },
  });
}
