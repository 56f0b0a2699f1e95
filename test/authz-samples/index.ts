import { EVIDENCE_SAMPLES } from './evidence.ts';
import { FOUNDATION_SAMPLES } from './foundation.ts';
import { NRM_SAMPLES } from './nrm.ts';
import { JUSTICE_SAMPLES } from './justice.ts';
import { PROTECTION_SAMPLES } from './protection.ts';
import type { TSample } from './types.ts';

/** Every route's sample request, one file per area; keys are `METHOD /url/:param`. */
export const ROUTE_SAMPLES: Record<string, TSample> = { ...FOUNDATION_SAMPLES, ...NRM_SAMPLES, ...EVIDENCE_SAMPLES, ...JUSTICE_SAMPLES, ...PROTECTION_SAMPLES };
