import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AppError } from '../../../../core/errors/app-error.ts';
import { api, NETWORK_ERROR_REASON, seg } from '../../api/client.ts';
import { toBase64 } from '../documents/document-rules.ts';
import type { TConsentView, TDeliveryView, TImportResult, TInbox, TOwnDirectory, TReferralSummary, TReferralView, TServiceView } from './types.ts';

/** Query hooks of the protect-and-assist pages (directory, consents, referrals, deliveries). */

export const protectionKeys = {
  all: (orgId: string) => ['protection', orgId] as const,
  services: (orgId: string, filter: string) => ['protection', orgId, 'services', filter] as const,
  service: (orgId: string, serviceId: string) => ['protection', orgId, 'service', serviceId] as const,
  ownDirectory: (orgId: string) => ['protection', orgId, 'own-directory'] as const,
  consents: (orgId: string, caseId: string) => ['protection', orgId, 'consents', caseId] as const,
  caseReferrals: (orgId: string, caseId: string) => ['protection', orgId, 'case-referrals', caseId] as const,
  deliveries: (orgId: string, caseId: string) => ['protection', orgId, 'deliveries', caseId] as const,
  inbox: (orgId: string, box: TInbox) => ['protection', orgId, 'inbox', box] as const,
  referral: (orgId: string, referralId: string) => ['protection', orgId, 'referral', referralId] as const,
};

export function orgPath(orgId: string, rest: string): string {
  return `/api/organisations/${seg(orgId)}${rest}`;
}

export type TServiceFilter = { kind: string; language: string; q: string; hasCapacity: boolean };

export function useServices(orgId: string, filter: TServiceFilter) {
  const params = new URLSearchParams();
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.language.trim()) params.set('language', filter.language.trim().toLowerCase());
  if (filter.q.trim().length >= 2) params.set('q', filter.q.trim());
  if (filter.hasCapacity) params.set('hasCapacity', 'true');
  const query = params.toString();
  return useQuery({
    queryKey: protectionKeys.services(orgId, query),
    queryFn: () => api.get<{ services: TServiceView[] }>(orgPath(orgId, `/services${query ? `?${query}` : ''}`)),
    select: (data) => data.services,
  });
}

export function useService(orgId: string, serviceId: string) {
  return useQuery({
    queryKey: protectionKeys.service(orgId, serviceId),
    queryFn: () => api.get<{ service: TServiceView }>(orgPath(orgId, `/services/${seg(serviceId)}`)),
    select: (data) => data.service,
  });
}

export function useOwnDirectory(orgId: string, enabled = true) {
  return useQuery({ queryKey: protectionKeys.ownDirectory(orgId), queryFn: () => api.get<TOwnDirectory>(orgPath(orgId, '/directory')), enabled });
}

/** Any write to the directory refreshes every directory query of the organisation. */
function useDirectoryMutation<B, R>(orgId: string, send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: protectionKeys.all(orgId) }),
  });
}

export function useCreateDirectoryOrganization(orgId: string) {
  return useDirectoryMutation(orgId, (body: object) => api.post<{ id: string }>(orgPath(orgId, '/directory/organizations'), body));
}
export function useCreateLocation(orgId: string) {
  return useDirectoryMutation(orgId, (body: object) => api.post<{ id: string }>(orgPath(orgId, '/directory/locations'), body));
}
export function useCreateService(orgId: string) {
  return useDirectoryMutation(orgId, (body: object) => api.post<{ service: TServiceView }>(orgPath(orgId, '/services'), body));
}
export function useLinkLocation(orgId: string, serviceId: string) {
  return useDirectoryMutation(orgId, (body: object) => api.post<{ service: TServiceView }>(orgPath(orgId, `/services/${seg(serviceId)}/locations`), body));
}
export function useImportDirectory(orgId: string) {
  return useDirectoryMutation(orgId, (body: unknown) => api.post<TImportResult>(orgPath(orgId, '/directory/import'), body));
}
export function exportDirectory(orgId: string, scope: 'own' | 'all') {
  return api.get<unknown>(orgPath(orgId, `/directory/export?scope=${scope}`));
}

/** Imports an HSDS tabular data package (a ZIP of CSV files), sent base64 in JSON. */
export function useImportDirectoryCsv(orgId: string) {
  return useDirectoryMutation(orgId, async (file: File) => api.post<TImportResult>(orgPath(orgId, '/directory/import/csv'), { zipBase64: toBase64(new Uint8Array(await file.arrayBuffer())) }));
}

/**
 * Downloads the directory as an HSDS tabular data package (ZIP). The api client speaks JSON only,
 * so the bytes are fetched here; failures still become AppErrors.
 */
export async function downloadDirectoryCsv(orgId: string, scope: 'own' | 'all'): Promise<void> {
  let response: Response;
  try {
    response = await fetch(orgPath(orgId, `/directory/export/csv?scope=${scope}`), { credentials: 'same-origin' });
  } catch {
    throw new AppError('INTERNAL', 'The server could not be reached.', { reason: NETWORK_ERROR_REASON });
  }
  if (!response.ok) throw AppError.fromBody(await response.json().catch(() => undefined), response.status);
  const url = URL.createObjectURL(await response.blob());
  const link = window.document.createElement('a');
  link.href = url;
  link.download = `hsds-directory-${scope}.zip`;
  link.hidden = true;
  window.document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ── the case side ──

export function useConsents(orgId: string, caseId: string) {
  return useQuery({
    queryKey: protectionKeys.consents(orgId, caseId),
    queryFn: () => api.get<{ consents: TConsentView[] }>(orgPath(orgId, `/cases/${seg(caseId)}/service-consents`)),
    select: (data) => data.consents,
  });
}

function useCaseMutation<B, R>(orgId: string, send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => queryClient.invalidateQueries({ queryKey: protectionKeys.all(orgId) }) });
}

export function useRecordConsent(orgId: string, caseId: string) {
  return useCaseMutation(orgId, (body: object) => api.post<{ consents: TConsentView[] }>(orgPath(orgId, `/cases/${seg(caseId)}/service-consents`), body));
}
export function useWithdrawConsent(orgId: string, caseId: string) {
  return useCaseMutation(orgId, (consentId: string) => api.post<unknown>(orgPath(orgId, `/cases/${seg(caseId)}/service-consents/${seg(consentId)}/withdrawal`), {}));
}
export function useSendReferral(orgId: string, caseId: string) {
  return useCaseMutation(orgId, ({ emergency, body }: { emergency: boolean; body: object }) =>
    api.post<{ referral: TReferralView }>(orgPath(orgId, `/cases/${seg(caseId)}/service-referrals${emergency ? '/emergency' : ''}`), body));
}
export function useCaseReferrals(orgId: string, caseId: string) {
  return useQuery({
    queryKey: protectionKeys.caseReferrals(orgId, caseId),
    queryFn: () => api.get<{ referrals: TReferralSummary[] }>(orgPath(orgId, `/service-referrals?box=sent&caseId=${seg(caseId)}`)),
    select: (data) => data.referrals,
  });
}
export function useCaseDeliveries(orgId: string, caseId: string) {
  return useQuery({
    queryKey: protectionKeys.deliveries(orgId, caseId),
    queryFn: () => api.get<{ deliveries: TDeliveryView[] }>(orgPath(orgId, `/cases/${seg(caseId)}/deliveries`)),
    select: (data) => data.deliveries,
  });
}
export function useRecordCaseDelivery(orgId: string, caseId: string) {
  return useCaseMutation(orgId, (body: object) => api.post<unknown>(orgPath(orgId, `/cases/${seg(caseId)}/deliveries`), body));
}

// ── referrals ──

export function useInbox(orgId: string, box: TInbox) {
  return useQuery({
    queryKey: protectionKeys.inbox(orgId, box),
    queryFn: () => api.get<{ referrals: TReferralSummary[] }>(orgPath(orgId, `/service-referrals?box=${box}`)),
    select: (data) => data.referrals,
  });
}
export function useReferral(orgId: string, referralId: string) {
  return useQuery({
    queryKey: protectionKeys.referral(orgId, referralId),
    queryFn: () => api.get<{ referral: TReferralView }>(orgPath(orgId, `/service-referrals/${seg(referralId)}`)),
    select: (data) => data.referral,
  });
}
/** accept / decline / complete / revoke / deliveries: the answer is the referral as it now is. */
export function useReferralCommand(orgId: string, referralId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ command, body }: { command: 'accept' | 'decline' | 'complete' | 'revoke' | 'deliveries'; body: object }) =>
      api.post<{ referral: TReferralView }>(orgPath(orgId, `/service-referrals/${seg(referralId)}/${command}`), body),
    onSuccess: (data) => {
      queryClient.setQueryData(protectionKeys.referral(orgId, referralId), data);
      void queryClient.invalidateQueries({ queryKey: protectionKeys.all(orgId) });
    },
  });
}
