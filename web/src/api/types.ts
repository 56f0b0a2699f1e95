import type { TPermission, TRole } from '../../../core/authz/permissions.ts';
import type { TOrganisationKind } from '../../../core/organisations/kinds.ts';

/** Response shapes of the API as the web app reads them (the server's zod schemas are the source). */

export interface TOrganisationRef {
  id: string;
  name: string;
  kind: TOrganisationKind;
}

export interface TMembership {
  organisation: TOrganisationRef;
  role: TRole;
  permissions: TPermission[];
}

export interface TSessionInfo {
  user: { id: string; email: string; displayName: string; isPlatformAdmin: boolean };
  memberships: TMembership[];
  csrfToken: string;
  expiresAt: string;
  /** Signed in with a temporary password from an administrator: only choosing a new one is allowed. */
  passwordChangeRequired: boolean;
}

export interface TSetupStatus {
  needsSetup: boolean;
}

export interface TSetupRequest {
  setupToken: string;
  organisation: { name: string; kind: TOrganisationKind };
  admin: { email: string; displayName: string; password: string };
}

export interface TRoleInfo {
  role: TRole;
  permissions: TPermission[];
}

export interface TOrganisation extends TOrganisationRef {
  createdAt: string;
}

export interface TMember {
  userId: string;
  email: string;
  displayName: string;
  role: TRole;
  createdAt: string;
}

export interface TMemberList {
  members: TMember[];
  abilities: { 'member.manage': boolean };
}

export interface TAddMemberRequest {
  email: string;
  displayName: string;
  password?: string;
  role: TRole;
}

export interface TAuditEvent {
  id: string;
  seq: number;
  action: string;
  actorId: string | null;
  actorLabel: string | null;
  subjectType: string | null;
  subjectId: string | null;
  createdAt: string;
  metadata: unknown;
}

export interface TAuditVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}
