import { z } from 'zod';
import { ORGANISATION_KINDS } from '../../core/organisations/kinds.ts';
import { PERMISSIONS, ROLES } from '../../core/authz/permissions.ts';
import { ERROR_CODES } from '../../core/errors/app-error.ts';
import { IDENTITY_CHECKS } from '../../core/security/account-recovery.ts';

/** Limits shared by the API schemas (and imported by the web forms). */
export const LIMITS = { name: 200, email: 254, password: 256 } as const;

export const ZUuid = z.uuid();
export const ZEmail = z.email().max(LIMITS.email);
export const ZRole = z.enum(ROLES);
export const ZPermission = z.enum(PERMISSIONS);
export const ZOrganisationKind = z.enum(ORGANISATION_KINDS);
export const ZName = z.string().trim().min(1).max(LIMITS.name);
export const ZPassword = z.string().min(1).max(LIMITS.password);

export const ZOrganisation = z.object({ id: z.string(), name: z.string(), kind: ZOrganisationKind, createdAt: z.string() });

export const ZOrgParams = z.object({ orgId: ZUuid }).strict();

/** An administrator's account recovery: their own password, a reason from `reasons`, how identity was checked. */
export function accountRecoveryRequest<R extends string>(reasons: readonly [R, ...R[]]) {
  return z.object({ password: z.string().min(1).max(256), reason: z.enum(reasons), identityCheck: z.enum(IDENTITY_CHECKS) }).strict();
}

/** Optimistic-locking versions are `integer` columns: a larger number would fail in the database, not here. */
export const ZExpectedVersion = z.int().min(1).max(2_147_483_647);

export const ZErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.object({
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      reason: z.string().optional(),
    }).loose(),
  }),
});

/** The error responses every route may give, declared once for OpenAPI. */
export const ERROR_RESPONSES = {
  400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody, 413: ZErrorBody, 415: ZErrorBody, 422: ZErrorBody, 429: ZErrorBody,
} as const;

export const ZNoContent = z.null().describe('No content');

export function presentOrganisation(row: { id: string; name: string; kind: string; createdAt: Date }): z.infer<typeof ZOrganisation> {
  return { id: row.id, name: row.name, kind: row.kind as z.infer<typeof ZOrganisationKind>, createdAt: row.createdAt.toISOString() };
}
