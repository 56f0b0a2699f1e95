import type { TSample } from './types.ts';

/** Sample requests for the routes of population denominators. */
export const POPULATIONS_SAMPLES: Record<string, TSample> = {
};
