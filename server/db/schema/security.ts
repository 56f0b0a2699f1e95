import type { Generated } from 'kysely';
import type { TTimestamp } from './foundation.ts';

/** Tables of two-factor login, password policy, emergency (break-the-glass) access, retention and erasure, exports and key rotation. Keep in step with `migrations/`. */
export interface TUserTwoFactorTable {
  userId: string;
  secretCiphertext: string;
  confirmedAt: TTimestamp | null;
  /** bigint, parsed to a number by server/db/database.ts. */
  lastUsedStep: number | null;
  createdAt: TTimestamp;
  updatedAt: TTimestamp;
}

export interface TTwoFactorRecoveryCodesTable {
  userId: string;
  codeHash: string;
  usedAt: TTimestamp | null;
}

export interface TTwoFactorChallengesTable {
  id: Generated<string>;
  tokenHash: string;
  userId: string;
  createdAt: TTimestamp;
  expiresAt: TTimestamp;
  failures: Generated<number>;
  usedAt: TTimestamp | null;
}

export interface TOrganisationSecurityPoliciesTable {
  orgId: string;
  twoFactorRequirement: string;
  emergencyAccessHours: number;
  /** Identity reads need a stated purpose code (migration 0020). */
  requireAccessPurpose: Generated<boolean>;
  updatedAt: TTimestamp;
}

export interface TEmergencyAccessGrantsTable {
  orgId: string;
  id: Generated<string>;
  caseId: string;
  userId: string;
  justificationCiphertext: string;
  keyVersion: number;
  grantedAt: TTimestamp;
  expiresAt: TTimestamp;
  endedAt: TTimestamp | null;
  endedBy: string | null;
}

export interface TSecurityTables {
  userTwoFactor: TUserTwoFactorTable;
  twoFactorRecoveryCodes: TTwoFactorRecoveryCodesTable;
  twoFactorChallenges: TTwoFactorChallengesTable;
  organisationSecurityPolicies: TOrganisationSecurityPoliciesTable;
  emergencyAccessGrants: TEmergencyAccessGrantsTable;
}
