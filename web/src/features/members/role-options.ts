import { useTranslation } from 'react-i18next';
import { canGrantRole, ROLES, type TRole } from '../../../../core/authz/permissions.ts';
import type { TOption } from '../../components/field.tsx';
import { useRoles } from '../roles/queries.ts';

/**
 * Role choices for the member forms: the server's role list (core's list until it has loaded),
 * narrowed to the roles the viewer may grant with the same rule the server applies.
 * @param viewerRole the viewer's role in the organisation; null for a platform administrator (grants any role).
 */
export function useGrantableRoleOptions(viewerRole: TRole | null): TOption[] {
  const { t } = useTranslation();
  const roles = useRoles();
  const all = roles.data ?? ROLES;
  const grantable = viewerRole ? all.filter((role) => canGrantRole(viewerRole, role)) : [...all];
  return grantable.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}
