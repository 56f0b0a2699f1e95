import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { TAuditEvent, TAuditVerification } from '../../api/types.ts';

const auditKeys = { events: (orgId: string) => ['audit-events', orgId] as const };

/** How many of the latest events the audit page shows. */
export const AUDIT_PAGE_SIZE = 50;

/** The latest audit events of one organisation, newest first as the server orders them. */
export function useAuditEvents(orgId: string) {
  return useQuery({
    queryKey: auditKeys.events(orgId),
    queryFn: () => api.get<{ events: TAuditEvent[] }>(`/api/organisations/${seg(orgId)}/audit-events?limit=${AUDIT_PAGE_SIZE}`),
    select: (data) => data.events,
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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: auditKeys.events(orgId) }),
  });
}
