import type { TSample } from './types.ts';

/** Sample requests for the routes of statistical releases, privacy budget, k-anonymous exports and population denominators. */
export const RELEASES_SAMPLES: Record<string, TSample> = {
};
