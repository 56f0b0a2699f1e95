import type { TTwoFactorRequirement } from '../../../../core/security/two-factor-policy.ts';

export interface TTwoFactorStatus {
  enabled: boolean;
  pendingEnrolment: boolean;
  recoveryCodesLeft: number;
  /** Organisations whose policy requires two-factor sign-in of the viewer. */
  requiredBy: string[];
}

export interface TEnrolment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

/** The password step's answer when a code is due (HTTP 202). */
export interface TTwoFactorChallenge {
  twoFactorRequired: true;
  challengeToken: string;
  expiresAt: string;
}

export interface TSecurityPolicy {
  twoFactorRequirement: TTwoFactorRequirement;
  emergencyAccessHours: number;
  /** Identity reads need a stated purpose code. */
  requireAccessPurpose: boolean;
}

export const GRANT_STATES = ['active', 'expired', 'ended'] as const;

export interface TEmergencyGrant {
  id: string;
  caseId: string;
  user: { id: string; displayName: string; email: string };
  justification: string;
  grantedAt: string;
  expiresAt: string;
  endedAt: string | null;
  status: (typeof GRANT_STATES)[number];
}
