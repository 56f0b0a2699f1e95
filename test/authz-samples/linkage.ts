import type { TSample } from './types.ts';

/** Sample requests for the routes of de-duplication and privacy-preserving record linkage. */
export const LINKAGE_SAMPLES: Record<string, TSample> = {
};
