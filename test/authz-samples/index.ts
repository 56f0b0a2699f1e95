import { EVIDENCE_SAMPLES } from './evidence.ts';
import { FOUNDATION_SAMPLES } from './foundation.ts';
import { NRM_SAMPLES } from './nrm.ts';
import { JUSTICE_SAMPLES } from './justice.ts';
import { PROTECTION_SAMPLES } from './protection.ts';
import { COOPERATION_SAMPLES } from './cooperation.ts';
import { SECURITY_SAMPLES } from './security.ts';
import { PROGRAMMES_SAMPLES } from './programmes.ts';
import { RELEASES_SAMPLES } from './releases.ts';
import { LINKAGE_SAMPLES } from './linkage.ts';
import { RETENTION_SAMPLES } from './retention.ts';
import { POPULATIONS_SAMPLES } from './populations.ts';
import { LINKAGE_PROJECTS_SAMPLES } from './linkage-projects.ts';
import type { TSample } from './types.ts';

/** Every route's sample request, one file per area; keys are `METHOD /url/:param`. */
export const ROUTE_SAMPLES: Record<string, TSample> = { ...FOUNDATION_SAMPLES, ...NRM_SAMPLES, ...EVIDENCE_SAMPLES, ...JUSTICE_SAMPLES, ...PROTECTION_SAMPLES,
  ...COOPERATION_SAMPLES, ...SECURITY_SAMPLES, ...PROGRAMMES_SAMPLES, ...RELEASES_SAMPLES, ...LINKAGE_SAMPLES, ...RETENTION_SAMPLES,
  ...POPULATIONS_SAMPLES, ...LINKAGE_PROJECTS_SAMPLES };
