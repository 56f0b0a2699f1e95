import type { TSample } from './types.ts';

/** Sample requests for the routes of monitoring and evaluation: programmes, results frameworks, indicators, needs assessments, progress reports. */
export const PROGRAMMES_SAMPLES: Record<string, TSample> = {
};
