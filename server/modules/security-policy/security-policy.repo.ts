import type { TDb, TTx } from '../../db/database.ts';
import { DEFAULT_EMERGENCY_ACCESS_HOURS, type TTwoFactorRequirement } from '../../../core/security/two-factor-policy.ts';

export interface TSecurityPolicy {
  twoFactorRequirement: TTwoFactorRequirement;
  emergencyAccessHours: number;
  /** Reading a person's identity needs a stated purpose code (core/security/access-purpose.ts). */
  requireAccessPurpose: boolean;
}

export const DEFAULT_SECURITY_POLICY: TSecurityPolicy = { twoFactorRequirement: 'none', emergencyAccessHours: DEFAULT_EMERGENCY_ACCESS_HOURS, requireAccessPurpose: false };

export async function findSecurityPolicy(db: TDb | TTx, orgId: string): Promise<TSecurityPolicy> {
  const row = await db.selectFrom('organisationSecurityPolicies').select(['twoFactorRequirement', 'emergencyAccessHours', 'requireAccessPurpose']).where('orgId', '=', orgId).executeTakeFirst();
  return row
    ? { twoFactorRequirement: row.twoFactorRequirement as TTwoFactorRequirement, emergencyAccessHours: row.emergencyAccessHours, requireAccessPurpose: row.requireAccessPurpose }
    : DEFAULT_SECURITY_POLICY;
}

export function saveSecurityPolicy(tx: TTx, orgId: string, policy: TSecurityPolicy, now: Date): Promise<unknown> {
  return tx.insertInto('organisationSecurityPolicies').values({ orgId, ...policy, updatedAt: now })
    .onConflict((conflict) => conflict.column('orgId').doUpdateSet({ ...policy, updatedAt: now })).execute();
}

/** The two-factor requirement of each listed organisation that has one (others: none). */
export async function findTwoFactorRequirements(db: TDb | TTx, orgIds: string[]): Promise<Map<string, TTwoFactorRequirement>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db.selectFrom('organisationSecurityPolicies').select(['orgId', 'twoFactorRequirement'])
    .where('orgId', 'in', orgIds).where('twoFactorRequirement', '!=', 'none').execute();
  return new Map(rows.map((row) => [row.orgId, row.twoFactorRequirement as TTwoFactorRequirement]));
}

/** Whether identity reads in the organisation need a stated purpose (no policy row: no). */
export async function isAccessPurposeRequired(db: TDb | TTx, orgId: string): Promise<boolean> {
  const row = await db.selectFrom('organisationSecurityPolicies').select('requireAccessPurpose').where('orgId', '=', orgId).executeTakeFirst();
  return row?.requireAccessPurpose ?? false;
}
