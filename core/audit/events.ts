/**
 * ⚠ PERSISTED SHAPES. Event names and metadata are stored in `audit_events` and hashed into
 * each organisation's chain: never rename an event or change the meaning of a field; add new
 * events or optional fields instead.
 *
 * The catalog of audit events, `resource.pastTenseVerb`, each with the zod schema of its
 * metadata. The audit writer only accepts names from here and validates metadata against them.
 */
import type { z } from 'zod';
import { FOUNDATION_AUDIT_EVENTS } from './catalog/foundation.ts';
import { NRM_AUDIT_EVENTS } from './catalog/nrm.ts';
import { EVIDENCE_AUDIT_EVENTS } from './catalog/evidence.ts';
import { JUSTICE_AUDIT_EVENTS } from './catalog/justice.ts';
import { PROTECTION_AUDIT_EVENTS } from './catalog/protection.ts';
import { COOPERATION_AUDIT_EVENTS } from './catalog/cooperation.ts';
import { SECURITY_AUDIT_EVENTS } from './catalog/security.ts';
import { PROGRAMMES_AUDIT_EVENTS } from './catalog/programmes.ts';
import { RELEASES_AUDIT_EVENTS } from './catalog/releases.ts';
import { LINKAGE_AUDIT_EVENTS } from './catalog/linkage.ts';
import { RETENTION_AUDIT_EVENTS } from './catalog/retention.ts';
import { KEY_MANAGEMENT_AUDIT_EVENTS } from './catalog/key-management.ts';
import { POPULATIONS_AUDIT_EVENTS } from './catalog/populations.ts';
import { LINKAGE_PROJECTS_AUDIT_EVENTS } from './catalog/linkage-projects.ts';

/** One catalog file per area (catalog/*.ts); names must not repeat across them. */
export const AUDIT_EVENT_CATALOG = {
  ...FOUNDATION_AUDIT_EVENTS,
  ...NRM_AUDIT_EVENTS,
  ...EVIDENCE_AUDIT_EVENTS,
  ...JUSTICE_AUDIT_EVENTS,
  ...PROTECTION_AUDIT_EVENTS,
  ...COOPERATION_AUDIT_EVENTS,
  ...SECURITY_AUDIT_EVENTS,
  ...PROGRAMMES_AUDIT_EVENTS,
  ...RELEASES_AUDIT_EVENTS,
  ...LINKAGE_AUDIT_EVENTS,
  ...RETENTION_AUDIT_EVENTS,
  ...KEY_MANAGEMENT_AUDIT_EVENTS,
  ...POPULATIONS_AUDIT_EVENTS,
  ...LINKAGE_PROJECTS_AUDIT_EVENTS,
} as const;


export type TAuditAction = keyof typeof AUDIT_EVENT_CATALOG;
export type TAuditMetadata<A extends TAuditAction> = z.infer<(typeof AUDIT_EVENT_CATALOG)[A]>;

export const AUDIT_ACTIONS = Object.keys(AUDIT_EVENT_CATALOG) as TAuditAction[];
