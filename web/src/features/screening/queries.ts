import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { TScreeningList } from '../../api/case-types.ts';

/** The ILO/EC indicator lists the server screens against (versioned data; cached for long). */
export function useScreeningLists() {
  return useQuery({
    queryKey: ['screening-lists'],
    queryFn: () => api.get<{ lists: TScreeningList[] }>('/api/screening-lists'),
    select: (data) => data.lists,
    staleTime: 60 * 60_000,
  });
}
