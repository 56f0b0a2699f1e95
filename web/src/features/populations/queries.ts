import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isAppError } from '../../../../core/errors/app-error.ts';
import { api } from '../../api/client.ts';
import type { TPopulationCsvRejection, TPopulationImportReport, TPopulationImportRun, TPopulationPage } from './types.ts';

/**
 * Population denominators are deployment-wide (not per organisation): one cache for everyone.
 * A committed import changes both the figures and the list of runs.
 */
export const populationKeys = {
  all: ['populations'] as const,
  page: (filter: TPopulationFilter) => ['populations', 'page', filter] as const,
  imports: ['populations', 'imports'] as const,
};

export interface TPopulationFilter {
  country: string;
  year: string;
  offset: number;
  limit: number;
}

export function usePopulationPage(filter: TPopulationFilter) {
  const params = new URLSearchParams({ offset: String(filter.offset), limit: String(filter.limit) });
  if (filter.country) params.set('country', filter.country);
  if (filter.year) params.set('year', filter.year);
  return useQuery({
    queryKey: populationKeys.page(filter),
    queryFn: () => api.get<TPopulationPage>(`/api/populations?${params.toString()}`),
    placeholderData: keepPreviousData,
  });
}

export function usePopulationImports() {
  return useQuery({
    queryKey: populationKeys.imports,
    queryFn: () => api.get<{ imports: TPopulationImportRun[] }>('/api/populations/imports'),
    select: (data) => data.imports,
  });
}

export interface TPopulationImportInput {
  fileName: string;
  csv: string;
  dryRun: boolean;
  sourceNote: string | null;
}

/** Dry run or import (platform administrators). A file with problems fails with a 422 listing them; see {@link csvRejectionOf}. */
export function usePopulationImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TPopulationImportInput) => api.post<TPopulationImportReport>('/api/populations/imports', input),
    onSuccess: (report) => {
      if (!report.isDryRun) void queryClient.invalidateQueries({ queryKey: populationKeys.all });
    },
  });
}

/** The row-by-row problems of a rejected file, or null for any other failure. */
export function csvRejectionOf(error: unknown): TPopulationCsvRejection | null {
  if (!isAppError(error) || error.details.reason !== 'POPULATION_CSV_INVALID') return null;
  return error.details as unknown as TPopulationCsvRejection;
}
