import type { TSample } from './types.ts';

/** Sample requests for the routes of cross-organisation linkage projects. */
export const LINKAGE_PROJECTS_SAMPLES: Record<string, TSample> = {
};
