import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TOrganisationKind } from '../../../../core/organisations/kinds.ts';
import { api } from '../../api/client.ts';
import type { TOrganisation } from '../../api/types.ts';

const organisationKeys = { all: ['organisations'] as const };

/** Every organisation on the platform (platform administrators only). */
export function useOrganisations(enabled: boolean) {
  return useQuery({
    queryKey: organisationKeys.all,
    queryFn: () => api.get<{ organisations: TOrganisation[] }>('/api/organisations'),
    select: (data) => data.organisations,
    enabled,
  });
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; kind: TOrganisationKind }) => api.post<{ organisation: TOrganisation }>('/api/organisations', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}
