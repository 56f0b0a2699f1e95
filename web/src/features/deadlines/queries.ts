import { useQuery } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { TDeadlineRow } from '../../api/case-types.ts';
import { deadlineKeys } from '../cases/queries.ts';

export type TDeadlineFilter = 'open' | 'overdue';

/** Open (or only overdue) procedural deadlines of the organisation, soonest first as the server orders them. */
export function useDeadlines(orgId: string, state: TDeadlineFilter) {
  return useQuery({
    queryKey: [...deadlineKeys.all(orgId), state],
    queryFn: () => api.get<{ deadlines: TDeadlineRow[] }>(`/api/organisations/${seg(orgId)}/deadlines?state=${state}`),
    select: (data) => data.deadlines,
    // A deadline turns overdue by the clock alone: look again now and then while the page is open.
    refetchInterval: 5 * 60_000,
  });
}
