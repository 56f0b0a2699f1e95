import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TCaseStatus } from '../../../../core/nrm/case-status.ts';
import { api, seg } from '../../api/client.ts';
import { accessPurposeQuery, rememberAccessPurpose } from '../security/access-purpose-store.ts';
import type {
  TAnonymousNotificationRequest,
  TBestInterestsOutcome,
  TCaseDetail,
  TCaseSummary,
  TClosureRequest,
  TConsentRequest,
  TCreateCaseRequest,
  TDecisionRequest,
  TGuardianKind,
  TProtection,
  TScreeningRecord,
  TScreeningRequest,
  TTimelineEvent,
} from '../../api/case-types.ts';

export const caseKeys = {
  all: (orgId: string) => ['cases', orgId] as const,
  list: (orgId: string, filters: TCaseFilters) => ['cases', orgId, 'list', filters] as const,
  detail: (orgId: string, caseId: string) => ['cases', orgId, 'detail', caseId] as const,
  timeline: (orgId: string, caseId: string) => ['cases', orgId, 'timeline', caseId] as const,
};

/** The deadline dashboard reads the same cases; it is refreshed whenever a case changes. */
export const deadlineKeys = { all: (orgId: string) => ['deadlines', orgId] as const };

export interface TCaseFilters {
  status: TCaseStatus | '';
  /** Searched in names by the server (blind index), never filtered here. */
  q: string;
  overdue: boolean;
}

function casesPath(orgId: string, rest = ''): string {
  return `/api/organisations/${seg(orgId)}/cases${rest}`;
}

/**
 * Plain requests, for flows that chain several steps (the intake's submit); pages use the hooks
 * below, which also keep the cache in step.
 */
export const caseApi = {
  // With the reader's purpose when one was given for this case (security policy requireAccessPurpose).
  get: (orgId: string, caseId: string) => api.get<{ case: TCaseDetail }>(casesPath(orgId, `/${seg(caseId)}${accessPurposeQuery(orgId, caseId)}`)),
  create: async (orgId: string, body: TCreateCaseRequest) => {
    const created = await api.post<{ case: TCaseDetail }>(casesPath(orgId), body);
    // Whoever registers the person is doing casework: the intake's follow-up loads of the case say so.
    rememberAccessPurpose(orgId, created.case.id, 'casework');
    return created;
  },
  recordScreening: (orgId: string, caseId: string, body: TScreeningRequest) =>
    api.post<{ screening: TScreeningRecord }>(casesPath(orgId, `/${seg(caseId)}/screenings`), body),
  recordConsent: (orgId: string, caseId: string, body: TConsentRequest) => api.post<{ case: TCaseDetail }>(casesPath(orgId, `/${seg(caseId)}/consent`), body),
  refer: (orgId: string, caseId: string, expectedVersion: number) =>
    api.post<{ case: TCaseDetail }>(casesPath(orgId, `/${seg(caseId)}/referral`), { expectedVersion }),
};

/** Cases of the organisation, filtered by the server. The previous page stays shown while a new filter loads. */
export function useCases(orgId: string, filters: TCaseFilters) {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.overdue) params.set('overdue', 'true');
  const search = params.toString();
  return useQuery({
    queryKey: caseKeys.list(orgId, filters),
    queryFn: () => api.get<{ cases: TCaseSummary[] }>(casesPath(orgId, search ? `?${search}` : '')),
    select: (data) => data.cases,
    placeholderData: keepPreviousData,
  });
}

/** One case with what the viewer may do with it (`allowedActions`, `abilities`). */
export function useCase(orgId: string, caseId: string) {
  return useQuery({
    queryKey: caseKeys.detail(orgId, caseId),
    queryFn: () => caseApi.get(orgId, caseId),
    select: (data) => data.case,
  });
}

/** The case's audit events, newest first. */
export function useCaseTimeline(orgId: string, caseId: string) {
  return useQuery({
    queryKey: caseKeys.timeline(orgId, caseId),
    queryFn: () => api.get<{ events: TTimelineEvent[] }>(casesPath(orgId, `/${seg(caseId)}/timeline`)),
    select: (data) => data.events,
  });
}

/**
 * Keeps every view of a case in step after a change: the detail takes the server's answer as is
 * (no refetch needed), the lists, timeline and deadlines are refetched. A reload of the case that
 * is still in flight is cancelled first: it started before the change and would otherwise land
 * after it, showing the old status.
 */
export async function storeCase(queryClient: QueryClient, orgId: string, updated: TCaseDetail): Promise<void> {
  await queryClient.cancelQueries({ queryKey: caseKeys.detail(orgId, updated.id) });
  queryClient.setQueryData(caseKeys.detail(orgId, updated.id), { case: updated });
  void queryClient.invalidateQueries({ queryKey: ['cases', orgId, 'list'] });
  void queryClient.invalidateQueries({ queryKey: caseKeys.timeline(orgId, updated.id) });
  void queryClient.invalidateQueries({ queryKey: deadlineKeys.all(orgId) });
}

/** Drops the cached case after a failed change (a version conflict means someone else changed it). */
function refreshCase(queryClient: QueryClient, orgId: string, caseId: string): void {
  void queryClient.invalidateQueries({ queryKey: caseKeys.detail(orgId, caseId) });
  void queryClient.invalidateQueries({ queryKey: caseKeys.timeline(orgId, caseId) });
}

/**
 * A mutation on one case that answers `{ case }`. `expectedVersion` is added from the case the
 * user saw, so a change made meanwhile by someone else is refused (VERSION_CONFLICT) rather than
 * silently overwritten.
 */
function useCaseMutation<V>(orgId: string, caseItem: Pick<TCaseDetail, 'id' | 'version'>, request: (caseId: string, body: V & { expectedVersion: number }) => Promise<{ case: TCaseDetail }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => request(caseItem.id, { ...variables, expectedVersion: caseItem.version }),
    onSuccess: (data) => storeCase(queryClient, orgId, data.case),
    onError: () => refreshCase(queryClient, orgId, caseItem.id),
  });
}

export function useCreateCase(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateCaseRequest) => caseApi.create(orgId, body),
    onSuccess: (data) => storeCase(queryClient, orgId, data.case),
  });
}

/** Records a screening; the answer holds the engine's recommendation, and the case is refetched. */
export function useRecordScreening(orgId: string, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TScreeningRequest) => caseApi.recordScreening(orgId, caseId, body),
    onSuccess: () => refreshCase(queryClient, orgId, caseId),
  });
}

export function useRecordConsent(orgId: string, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TConsentRequest) => caseApi.recordConsent(orgId, caseId, body),
    onSuccess: (data) => storeCase(queryClient, orgId, data.case),
  });
}

export function useSubmitReferral(orgId: string, caseItem: Pick<TCaseDetail, 'id' | 'version'>) {
  return useCaseMutation<Record<string, never>>(orgId, caseItem, (id, body) => api.post(casesPath(orgId, `/${seg(id)}/referral`), body));
}

export function useRecordDecision(orgId: string, caseItem: Pick<TCaseDetail, 'id' | 'version'>) {
  return useCaseMutation<TDecisionRequest>(orgId, caseItem, (id, body) => api.post(casesPath(orgId, `/${seg(id)}/decisions`), body));
}

export function useRequestReconsideration(orgId: string, caseItem: Pick<TCaseDetail, 'id' | 'version'>) {
  return useCaseMutation<{ reasons: string[] }>(orgId, caseItem, (id, body) => api.post(casesPath(orgId, `/${seg(id)}/reconsideration`), body));
}

export function useWithdrawCase(orgId: string, caseItem: Pick<TCaseDetail, 'id' | 'version'>) {
  return useCaseMutation<Record<string, never>>(orgId, caseItem, (id, body) => api.post(casesPath(orgId, `/${seg(id)}/withdrawal`), body));
}

export function useCloseCase(orgId: string, caseItem: Pick<TCaseDetail, 'id' | 'version'>) {
  return useCaseMutation<TClosureRequest>(orgId, caseItem, (id, body) => api.post(casesPath(orgId, `/${seg(id)}/closure`), body));
}

/** Child pathway and protection: plain updates of one part of the case, answered with the whole case. */
function useCaseUpdate<V>(orgId: string, caseId: string, request: (body: V) => Promise<{ case: TCaseDetail }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (data) => storeCase(queryClient, orgId, data.case),
    onError: () => refreshCase(queryClient, orgId, caseId),
  });
}

export function useAssignLead(orgId: string, caseId: string) {
  return useCaseUpdate<{ userId: string }>(orgId, caseId, (body) => api.put(casesPath(orgId, `/${seg(caseId)}/child-protection/lead`), body));
}

export function useRecordAgeAssessment(orgId: string, caseId: string) {
  return useCaseUpdate<{ outcome: 'child' | 'adult' }>(orgId, caseId, (body) => api.post(casesPath(orgId, `/${seg(caseId)}/child-protection/age-assessment`), body));
}

export function useRecordGuardian(orgId: string, caseId: string) {
  return useCaseUpdate<{ kind: TGuardianKind; guardianRef: string }>(orgId, caseId, (body) => api.put(casesPath(orgId, `/${seg(caseId)}/child-protection/guardian`), body));
}

export function useRecordBestInterests(orgId: string, caseId: string) {
  return useCaseUpdate<{ outcome: TBestInterestsOutcome; riskAndSecurityAssessmentDone: boolean }>(orgId, caseId, (body) =>
    api.post(casesPath(orgId, `/${seg(caseId)}/child-protection/best-interests-determination`), body),
  );
}

export function useUpdateProtection(orgId: string, caseId: string) {
  return useCaseUpdate<TProtection>(orgId, caseId, (body) => api.put(casesPath(orgId, `/${seg(caseId)}/protection`), body));
}

/** Counts an adult who declined referral, without identifying them. */
export function useCreateAnonymousNotification(orgId: string) {
  return useMutation({
    mutationFn: (body: TAnonymousNotificationRequest) =>
      api.post<{ notification: { id: string } }>(`/api/organisations/${seg(orgId)}/anonymous-notifications`, body),
  });
}
