import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AppError } from '../../../../core/errors/app-error.ts';
import { api, csrfHeaders, NETWORK_ERROR_REASON, seg } from '../../api/client.ts';

const orgPath = (orgId: string, path: string) => `/api/organisations/${seg(orgId)}${path}`;
export const dataProtectionKeys = {
  retention: (orgId: string) => ['retentionPolicy', orgId] as const,
  rotations: (orgId: string) => ['keyRotations', orgId] as const,
  hold: (orgId: string, caseId: string) => ['legalHold', orgId, caseId] as const,
};

export interface TKeyRotation { id: string; toVersion: number; status: 'running' | 'finished' | 'failed'; rowsReencrypted: number; startedAt: string; finishedAt: string | null }
export interface TLegalHold { reason: string; placedAt: string; placedBy: string | null }
export const LEGAL_HOLD_REASONS = ['litigation', 'investigation', 'prosecution', 'audit', 'other'] as const;
export const EXPORT_PURPOSES = ['case_handover', 'court_order', 'subject_access_request', 'data_migration', 'other'] as const;

export function useRetentionPolicy(orgId: string) {
  return useQuery({ queryKey: dataProtectionKeys.retention(orgId), queryFn: () => api.get<{ anonymiseAfterDays: number | null }>(orgPath(orgId, '/retention-policy')) });
}

export function useChangeRetentionPolicy(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (anonymiseAfterDays: number | null) => api.put<{ anonymiseAfterDays: number | null }>(orgPath(orgId, '/retention-policy'), { anonymiseAfterDays }),
    onSuccess: (data) => queryClient.setQueryData(dataProtectionKeys.retention(orgId), data),
  });
}

export function useKeyRotations(orgId: string) {
  return useQuery({
    queryKey: dataProtectionKeys.rotations(orgId),
    queryFn: () => api.get<{ rotations: TKeyRotation[] }>(orgPath(orgId, '/key-rotations')),
    select: (data) => data.rotations,
    // A running rotation reports progress: look again every few seconds until it is done.
    refetchInterval: (query) => (query.state.data?.rotations.some((r) => r.status === 'running') ? 3_000 : false),
  });
}

export function useStartKeyRotation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ id: string }>(orgPath(orgId, '/key-rotations')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dataProtectionKeys.rotations(orgId) }),
  });
}

/** Downloads the password-protected archive of cases with identity (the server audits it). */
export async function downloadCaseExport(orgId: string, body: { password: string; purpose: string }): Promise<void> {
  let response: Response;
  try {
    response = await fetch(orgPath(orgId, '/exports/cases'), { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', ...csrfHeaders() }, body: JSON.stringify(body) });
  } catch {
    throw new AppError('INTERNAL', 'The server could not be reached.', { reason: NETWORK_ERROR_REASON });
  }
  if (!response.ok) throw AppError.fromBody(await response.json().catch(() => undefined), response.status);
  const url = URL.createObjectURL(await response.blob());
  const link = window.document.createElement('a');
  link.href = url;
  link.download = 'palermo-cases.zip';
  link.hidden = true;
  window.document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useLegalHold(orgId: string, caseId: string) {
  return useQuery({ queryKey: dataProtectionKeys.hold(orgId, caseId), queryFn: () => api.get<TLegalHold | null>(orgPath(orgId, `/cases/${seg(caseId)}/legal-hold`)) });
}

export function useLegalHoldCommands(orgId: string, caseId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: dataProtectionKeys.hold(orgId, caseId) });
  return {
    place: useMutation({ mutationFn: (reason: string) => api.put<TLegalHold>(orgPath(orgId, `/cases/${seg(caseId)}/legal-hold`), { reason }), onSuccess: refresh }),
    lift: useMutation({ mutationFn: () => api.delete<void>(orgPath(orgId, `/cases/${seg(caseId)}/legal-hold`)), onSuccess: refresh }),
  };
}

export function useEraseCase(orgId: string, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirmReference: string) => api.post<void>(orgPath(orgId, `/cases/${seg(caseId)}/erasure`), { confirmReference }),
    // Identity, documents and plan narrative are gone: every view of the case reloads.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
