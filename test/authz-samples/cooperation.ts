import type { TSample } from './types.ts';

/** Sample requests for the routes of case transfers between agencies and in-app notifications. */
export const COOPERATION_SAMPLES: Record<string, TSample> = {
};
