/**
 * Resetting a member's two-factor sign-in is the way back in for someone who lost both their
 * authenticator and their recovery codes, and also the first thing an attacker posing as that
 * person asks for. A platform administrator does it only after checking who is asking, and says
 * why and how they checked, from these closed lists (recorded in the audit log).
 */
export const TWO_FACTOR_RESET_REASONS = ['lostDeviceAndCodes', 'newDeviceWithoutCodes', 'suspectedCompromise'] as const;
export type TTwoFactorResetReason = (typeof TWO_FACTOR_RESET_REASONS)[number];

export const TWO_FACTOR_IDENTITY_CHECKS = ['inPerson', 'videoCall', 'callToKnownNumber', 'confirmedByLineManager'] as const;
export type TTwoFactorIdentityCheck = (typeof TWO_FACTOR_IDENTITY_CHECKS)[number];
