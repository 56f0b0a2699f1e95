import type { TSample } from './types.ts';

export const EVIDENCE_SAMPLES: Record<string, TSample> = {};
