import type { TSample } from './types.ts';

/** Sample requests for the routes of two-factor login, password policy, emergency (break-the-glass) access, retention and erasure, exports and key rotation. */
export const SECURITY_SAMPLES: Record<string, TSample> = {
};
