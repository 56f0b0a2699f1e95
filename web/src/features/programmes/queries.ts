import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { TCatalogDimension, TCatalogMetric, TProgrammeDetail, TProgrammeSummary, TProgressReport } from './types.ts';

/** Query hooks of the programme pages; every change refreshes the programme and its reports. */

export const programmeKeys = {
  all: (orgId: string) => ['programmes', orgId] as const,
  list: (orgId: string) => ['programmes', orgId, 'list'] as const,
  detail: (orgId: string, programmeId: string) => ['programmes', orgId, 'detail', programmeId] as const,
  report: (orgId: string, programmeId: string, period: string) => ['programmes', orgId, 'report', programmeId, period] as const,
};

export const programmesPath = (orgId: string, rest = '') => `/api/organisations/${seg(orgId)}/programmes${rest}`;

export function useProgrammes(orgId: string) {
  return useQuery({ queryKey: programmeKeys.list(orgId), queryFn: () => api.get<{ programmes: TProgrammeSummary[] }>(programmesPath(orgId)), select: (d) => d.programmes });
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
    queryFn: () => api.get<{ metrics: TCatalogMetric[]; dimensions: TCatalogDimension[] }>(`/api/organisations/${seg(orgId)}/stats/metrics`),
    staleTime: Infinity,
  });
}

/** A POST or PUT under the organisation's programmes; refreshes every programme query afterwards. */
export function useProgrammeMutation<T = { id: string }>(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ method = 'POST', path, body }: { method?: 'POST' | 'PUT'; path: string; body: object }) =>
      (method === 'PUT' ? api.put<T>(programmesPath(orgId, path), body) : api.post<T>(programmesPath(orgId, path), body)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programmeKeys.all(orgId) }),
  });
}
