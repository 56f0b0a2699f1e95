import type { TSample } from './types.ts';

export const NRM_SAMPLES: Record<string, TSample> = {};
