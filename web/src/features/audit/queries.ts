import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { TAuditEvent, TAuditVerification } from '../../api/types.ts';

const auditKeys = {
  all: (orgId: string) => ['audit-events', orgId] as const,
  page: (orgId: string, filters: TAuditFilters, beforeSeq: number | null) => ['audit-events', orgId, filters, beforeSeq] as const,
};

/** How many events one page of the audit log shows. */
export const AUDIT_PAGE_SIZE = 50;

/** What the auditor narrowed the log to; '' is "any". Dates are calendar days (YYYY-MM-DD) in the viewer's time zone. */
export interface TAuditFilters {
  action: string;
  actorId: string;
  caseId: string;
  subjectId: string;
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: TAuditFilters = { action: '', actorId: '', caseId: '', subjectId: '', from: '', to: '' };

export interface TAuditPage {
  events: TAuditEvent[];
  /** The cursor of the next (older) page, null on the last one. */
  nextBeforeSeq: number | null;
}

/** Local midnight of a YYYY-MM-DD day, `days` later, as an ISO instant (the server compares instants). */
function dayStart(day: string, days = 0): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year!, month! - 1, date! + days).toISOString();
}

/** The query string of one page: the "to" day is included whole (the server's `until` is exclusive). */
export function auditEventsQuery(filters: TAuditFilters, beforeSeq: number | null): string {
  const params = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  if (beforeSeq !== null) params.set('beforeSeq', String(beforeSeq));
  if (filters.action) params.set('action', filters.action);
  if (filters.actorId) params.set('actorId', filters.actorId);
  if (filters.caseId) params.set('caseId', filters.caseId);
  if (filters.subjectId) params.set('subjectId', filters.subjectId);
  if (filters.from) params.set('since', dayStart(filters.from));
  if (filters.to) params.set('until', dayStart(filters.to, 1));
  return params.toString();
}

/** One page of the organisation's audit events, newest first; the previous page stays shown while the next loads. */
export function useAuditEvents(orgId: string, filters: TAuditFilters, beforeSeq: number | null) {
  return useQuery({
    queryKey: auditKeys.page(orgId, filters, beforeSeq),
    queryFn: () => api.get<TAuditPage>(`/api/organisations/${seg(orgId)}/audit-events?${auditEventsQuery(filters, beforeSeq)}`),
    placeholderData: keepPreviousData,
  });
}

/**
 * Re-checks the organisation's hash chain on demand. A GET, but modelled as a mutation because it
 * runs when the user asks and its answer must never come from a cache.
 */
export function useVerifyAuditChain(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.get<TAuditVerification>(`/api/organisations/${seg(orgId)}/audit-verification`),
    // The check is itself recorded as an event, so the list is stale afterwards.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: auditKeys.all(orgId) }),
  });
}
