import { useQuery } from '@tanstack/react-query';
import { ROLES, type TRole } from '../../../../core/authz/permissions.ts';
import { api } from '../../api/client.ts';
import type { TRoleInfo } from '../../api/types.ts';

/** The roles the server knows, in its order (the role catalogue changes rarely: cache for long). */
export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => api.get<{ roles: TRoleInfo[] }>('/api/roles'),
    select: (data) => data.roles.map((r) => r.role).filter(isKnownRole),
    staleTime: 60 * 60_000,
  });
}

/** Roles outside core's list would have no translated label; they are left out rather than shown raw. */
function isKnownRole(role: string): role is TRole {
  return (ROLES as readonly string[]).includes(role);
}
