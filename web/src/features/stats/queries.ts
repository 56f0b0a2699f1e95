import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { TCtdcImportRequest, TImportRun, TImportRunSummary, TMetricCatalog, TStatsQueryRequest, TStatsResult } from './types.ts';

/**
 * Query hooks for the statistics pages. Statistics are reads even though the query travels in a
 * POST body (filters do not fit a URL), so they live in the query cache keyed by the request:
 * going back to an earlier choice shows it at once, and a new import refreshes them all.
 */

export const statsKeys = {
  all: (orgId: string) => ['stats', orgId] as const,
  catalog: (orgId: string) => ['stats', orgId, 'catalog'] as const,
  query: (orgId: string, request: TStatsQueryRequest) => ['stats', orgId, 'query', request] as const,
  imports: (orgId: string) => ['stats', orgId, 'imports'] as const,
};

function orgPath(orgId: string, rest: string): string {
  return `/api/organisations/${seg(orgId)}${rest}`;
}

/** The metric catalog (metrics, dimensions, categories, labels in four languages); it changes only with a deployment. */
export function useMetricCatalog(orgId: string) {
  return useQuery({
    queryKey: statsKeys.catalog(orgId),
    queryFn: () => api.get<TMetricCatalog>(orgPath(orgId, '/stats/metrics')),
    staleTime: Infinity,
  });
}

/**
 * One protected table: every cell and total is a number or "suppressed", never the hidden value.
 * The previous table stays shown (marked busy) while another one is computed.
 * @param request null while nothing has been asked yet.
 */
export function useStatsQuery(orgId: string, request: TStatsQueryRequest | null) {
  return useQuery({
    queryKey: request ? statsKeys.query(orgId, request) : ['stats', orgId, 'query', null],
    queryFn: () => api.post<TStatsResult>(orgPath(orgId, '/stats/query'), request),
    enabled: request !== null,
    placeholderData: keepPreviousData,
  });
}

/** The organisation's CTDC import runs, newest first (summaries). */
export function useImportRuns(orgId: string) {
  return useQuery({
    queryKey: statsKeys.imports(orgId),
    queryFn: () => api.get<{ runs: TImportRunSummary[] }>(orgPath(orgId, '/datasets/ctdc-imports')),
    select: (data) => data.runs,
  });
}

/**
 * Uploads a CTDC file's text: a dry run only checks every row; an import stores the valid rows.
 * Afterwards the run list and every statistic of the organisation are refreshed.
 */
export function useCtdcImport(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCtdcImportRequest) => api.post<{ run: TImportRun }>(orgPath(orgId, '/datasets/ctdc-imports'), body),
    onSuccess: (data) => {
      void queryClient.invalidateQueries({ queryKey: statsKeys.imports(orgId) });
      if (!data.run.isDryRun) void queryClient.invalidateQueries({ queryKey: ['stats', orgId, 'query'] });
    },
  });
}
