import { createContext, useContext, useState, type ReactNode } from 'react';
import type { TPermission, TRole } from '../../../../core/authz/permissions.ts';
import type { TOrganisationRef, TSessionInfo } from '../../api/types.ts';
import { useOrganisations } from '../organisations/queries.ts';

const STORAGE_KEY = 'palermo.activeOrganisation';

/** The organisation org-scoped pages work in, with the viewer's standing in it. */
export interface TActiveOrganisation {
  organisation: TOrganisationRef;
  /** The viewer's role, or null when a platform administrator looks at an organisation they are not a member of. */
  role: TRole | null;
  /** Permissions from that role (empty without a role; the server still answers with `abilities`). */
  permissions: readonly TPermission[];
}

export interface TActiveOrg {
  /** The signed-in session this context was built from. */
  session: TSessionInfo;
  /** The active organisation, or null for a user without any. */
  active: TActiveOrganisation | null;
  /** Organisations the platform administrator may manage without being a member (empty for others). */
  otherOrganisations: TOrganisationRef[];
  /** Makes another organisation active (remembered across visits). */
  setActiveOrgId: (orgId: string) => void;
  /** Whether the viewer's role in the active organisation holds a permission (for showing links). */
  can: (permission: TPermission) => boolean;
}

const ActiveOrgContext = createContext<TActiveOrg | null>(null);

function readStoredOrgId(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * Provides the active organisation for org-scoped pages. The stored id is only a preference:
 * it is checked against the session's memberships (and, for platform administrators, the
 * organisation list), so a stale or foreign id falls back to the first membership.
 */
export function ActiveOrgProvider({ session, children }: { session: TSessionInfo; children: ReactNode }) {
  const [storedId, setStoredId] = useState<string | null>(readStoredOrgId);
  const isPlatformAdmin = session.user.isPlatformAdmin;
  const organisations = useOrganisations(isPlatformAdmin);
  const memberIds = new Set(session.memberships.map((m) => m.organisation.id));
  const otherOrganisations = (organisations.data ?? []).filter((o) => !memberIds.has(o.id)).map(({ id, name, kind }) => ({ id, name, kind }));

  const membership = session.memberships.find((m) => m.organisation.id === storedId);
  const other = otherOrganisations.find((o) => o.id === storedId);
  const first = session.memberships[0];
  const active: TActiveOrganisation | null = membership
    ? { organisation: membership.organisation, role: membership.role, permissions: membership.permissions }
    : other
      ? { organisation: other, role: null, permissions: [] }
      : first
        ? { organisation: first.organisation, role: first.role, permissions: first.permissions }
        : (otherOrganisations[0] ? { organisation: otherOrganisations[0], role: null, permissions: [] } : null);

  function setActiveOrgId(orgId: string) {
    setStoredId(orgId);
    try {
      window.localStorage.setItem(STORAGE_KEY, orgId);
    } catch {
      // Remembered for this visit only.
    }
  }

  const value: TActiveOrg = {
    session,
    active,
    otherOrganisations,
    setActiveOrgId,
    can: (permission) => active?.permissions.includes(permission) ?? false,
  };
  return <ActiveOrgContext.Provider value={value}>{children}</ActiveOrgContext.Provider>;
}

/** The active organisation; only usable below ActiveOrgProvider (signed-in pages). */
export function useActiveOrg(): TActiveOrg {
  const value = useContext(ActiveOrgContext);
  if (!value) throw new Error('useActiveOrg must be used inside ActiveOrgProvider');
  return value;
}
