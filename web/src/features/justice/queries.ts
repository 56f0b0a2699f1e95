import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { TCreateInvestigationRequest, TFunnel, TFunnelGroup, TFunnelMode, TInvestigationDetail, TInvestigationSummary, TOperation } from './types.ts';

/**
 * Query hooks for the criminal-justice pages. Every command on an investigation answers with the
 * whole file as it now is, so the cache is replaced from that answer instead of asking again.
 */

export const justiceKeys = {
  all: (orgId: string) => ['justice', orgId] as const,
  operations: (orgId: string) => ['justice', orgId, 'operations'] as const,
  investigations: (orgId: string) => ['justice', orgId, 'investigations'] as const,
  investigation: (orgId: string, investigationId: string) => ['justice', orgId, 'investigation', investigationId] as const,
  funnel: (orgId: string, mode: TFunnelMode, groupBy: TFunnelGroup) => ['justice', orgId, 'funnel', mode, groupBy] as const,
};

function orgPath(orgId: string, rest: string): string {
  return `/api/organisations/${seg(orgId)}${rest}`;
}

/** Operations of the organisation with how many investigations, suspects and victims concern each. */
export function useOperations(orgId: string) {
  return useQuery({
    queryKey: justiceKeys.operations(orgId),
    queryFn: () => api.get<{ operations: TOperation[] }>(orgPath(orgId, '/operations')),
    select: (data) => data.operations,
  });
}

/** Investigations of the organisation and those shared with it through an operation. */
export function useInvestigations(orgId: string) {
  return useQuery({
    queryKey: justiceKeys.investigations(orgId),
    queryFn: () => api.get<{ investigations: TInvestigationSummary[] }>(orgPath(orgId, '/investigations')),
    select: (data) => data.investigations,
  });
}

/** One investigation file (each read of suspects' names is audited by the server). */
export function useInvestigation(orgId: string, investigationId: string) {
  return useQuery({
    queryKey: justiceKeys.investigation(orgId, investigationId),
    queryFn: () => api.get<{ investigation: TInvestigationDetail }>(orgPath(orgId, `/investigations/${seg(investigationId)}`)),
    select: (data) => data.investigation,
  });
}

/** The attrition funnel; the previous answer stays shown while another mode or grouping loads. */
export function useFunnel(orgId: string, mode: TFunnelMode, groupBy: TFunnelGroup) {
  return useQuery({
    queryKey: justiceKeys.funnel(orgId, mode, groupBy),
    queryFn: () => api.get<TFunnel>(orgPath(orgId, `/justice/funnel?mode=${encodeURIComponent(mode)}&groupBy=${encodeURIComponent(groupBy)}`)),
    placeholderData: keepPreviousData,
  });
}

/** Opens an operation (one trafficking activity or network); the operations list is refreshed. */
export function useCreateOperation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { codeName: string; countries: string[]; openedOn: string }) => api.post<{ operation: { id: string } }>(orgPath(orgId, '/operations'), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: justiceKeys.operations(orgId) }),
  });
}

/** Shares an operation (and so its investigations) with another organisation; the server audits it. */
export function useShareOperation(orgId: string) {
  return useMutation({
    mutationFn: ({ operationId, organisationId }: { operationId: string; organisationId: string }) =>
      api.post<void>(orgPath(orgId, `/operations/${seg(operationId)}/shares`), { organisationId }),
  });
}

/** Opens an investigation; its answer seeds the file's cache entry so the next page shows it at once. */
export function useOpenInvestigation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateInvestigationRequest) => api.post<{ investigation: TInvestigationDetail }>(orgPath(orgId, '/investigations'), body),
    onSuccess: (data) => {
      queryClient.setQueryData(justiceKeys.investigation(orgId, data.investigation.id), data);
      void queryClient.invalidateQueries({ queryKey: justiceKeys.all(orgId) });
    },
  });
}

/**
 * Where a command on an investigation file is sent, relative to the organisation: the file itself
 * (`/investigations/:id/suspects`), one suspect (`/suspects/:id/charges`) or one charge.
 */
export type TCommandTarget =
  | { kind: 'investigation'; id: string; action: 'status' | 'cooperation-requests' | 'suspects' | 'confiscations' | 'victim-links' }
  | { kind: 'suspect'; id: string; action: 'charges' | 'prosecutions' | 'sentences' | 'compensation-orders' }
  | { kind: 'charge'; id: string; action: 'decisions' };

function commandPath(target: TCommandTarget): string {
  const base = target.kind === 'investigation' ? '/investigations/' : target.kind === 'suspect' ? '/suspects/' : '/charges/';
  return `${base}${seg(target.id)}/${target.action}`;
}

/**
 * One command on an investigation file (add a suspect, charge, decision, sentence…). The answer
 * is the updated file: it replaces the cached one, and lists and the funnel are refreshed.
 * @param investigationId the file the target belongs to (its cache entry is replaced).
 */
export function useInvestigationCommand<TBody>(orgId: string, investigationId: string, target: TCommandTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api.post<{ investigation: TInvestigationDetail }>(orgPath(orgId, commandPath(target)), body),
    onSuccess: (data) => {
      queryClient.setQueryData(justiceKeys.investigation(orgId, investigationId), data);
      void queryClient.invalidateQueries({ queryKey: justiceKeys.investigations(orgId) });
      void queryClient.invalidateQueries({ queryKey: justiceKeys.operations(orgId) });
      void queryClient.invalidateQueries({ queryKey: ['justice', orgId, 'funnel'] });
    },
  });
}
