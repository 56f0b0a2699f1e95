/**
 * Roles map to `resource.action` permissions as plain data. Changing this table changes what
 * every role may do across the API and the UI, so it is reviewed like code and unit-tested.
 */
export const PERMISSIONS = [
  // foundation
  'org.read',
  'org.configure',
  'member.read',
  'member.manage',
  'audit.read',
  'audit.verify',
  // identify, refer, decide
  'person.read',
  'person.readIdentity',
  'person.write',
  'case.read',
  'case.create',
  'case.refer',
  'case.close',
  /** Hand a case over to another organisation, and answer transfers sent to this one. */
  'case.transfer',
  /** Place or lift a legal hold, which suspends anonymisation by retention. */
  'case.legalHold',
  /** Erase a person's identifying data on request (right to erasure); statistics are kept. */
  'person.erase',
  /** Export identifying data (as a password-protected archive); administrators only by default. */
  'export.identifying',
  'screening.record',
  'decision.record',
  'child.manage',
  'deadline.read',
  // break-the-glass: time-limited, audited read access to one case for a member without case.read
  'case.emergencyAccess',
  // protect and assist
  'service.read',
  'service.manage',
  'serviceReferral.manage',
  'plan.manage',
  // emergency referral without consent (audited); supervisor approval of recovery plans
  'serviceReferral.override',
  'plan.approve',
  // hold accountable
  'investigation.read',
  'investigation.manage',
  'prosecution.manage',
  // know
  'stats.read',
  /** Statistics over every organisation of the deployment (disclosure-protected aggregates only). */
  'stats.readNational',
  'release.prepare',
  'release.approve',
  'dataset.import',
  // monitoring and evaluation of programmes
  'programme.read',
  'programme.manage',
  'programme.approve',
  // cooperate
  'linkage.run',
  'duplicate.review',
] as const;

export type TPermission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'admin',
  'coordinator',
  'first_responder',
  'case_worker',
  'child_protection',
  'investigator',
  'prosecutor',
  'analyst',
  'auditor',
  'national_coordinator',
] as const;

export type TRole = (typeof ROLES)[number];

const CASEWORK: TPermission[] = ['org.read', 'person.read', 'person.readIdentity', 'person.write', 'case.read', 'deadline.read', 'service.read'];

export const ROLE_PERMISSIONS: Record<TRole, readonly TPermission[]> = {
  // The organisation's administrator manages people and can see everything the org holds.
  admin: PERMISSIONS,
  // Competent authority: takes NRM decisions, approves statistical releases.
  coordinator: [...CASEWORK, 'member.read', 'case.create', 'case.refer', 'case.close', 'screening.record', 'decision.record', 'child.manage', 'case.transfer', 'case.legalHold', 'stats.read', 'release.approve', 'duplicate.review', 'serviceReferral.override', 'plan.approve', 'programme.read', 'programme.manage', 'programme.approve'],
  first_responder: ['org.read', 'person.read', 'person.readIdentity', 'person.write', 'case.read', 'case.create', 'case.refer', 'screening.record', 'service.read'],
  case_worker: [...CASEWORK, 'case.create', 'case.close', 'case.transfer', 'screening.record', 'serviceReferral.manage', 'plan.manage'],
  child_protection: [...CASEWORK, 'case.create', 'case.refer', 'case.close', 'case.transfer', 'screening.record', 'child.manage', 'serviceReferral.manage', 'plan.manage'],
  // Investigators learn that a linked victim exists and whom to contact, never the case file.
  investigator: ['org.read', 'investigation.read', 'investigation.manage', 'case.emergencyAccess'],
  prosecutor: ['org.read', 'investigation.read', 'prosecution.manage', 'case.emergencyAccess'],
  // Analysts see aggregates only: no identity, no case files.
  analyst: ['org.read', 'stats.read', 'release.prepare', 'dataset.import', 'linkage.run', 'programme.read', 'programme.manage'],
  auditor: ['org.read', 'member.read', 'audit.read', 'audit.verify'],
  // National coordinator (anti-trafficking coordinator / rapporteur): protected aggregates across the deployment.
  national_coordinator: ['org.read', 'stats.read', 'stats.readNational', 'programme.read'],
};

export function roleHasPermission(role: TRole, permission: TPermission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * A user may grant a role only when their own role already holds every permission of it,
 * so nobody can hand out more power than they have.
 */
export function canGrantRole(granterRole: TRole, roleToGrant: TRole): boolean {
  if (!roleHasPermission(granterRole, 'member.manage')) return false;
  return ROLE_PERMISSIONS[roleToGrant].every((permission) => roleHasPermission(granterRole, permission));
}
