import { z } from 'zod';

/**
 * How well a piece of reference data is sourced, using the tags of `domain.md` §0:
 * `verified` (seen in a primary source), `secondary` (third-party reproduction only),
 * `unverified` (memory or inference). Kept on the data itself so that a correction is a data
 * change, and so that the UI can show which weights or rules are still provisional.
 */
export const EVIDENCE_TAGS = ['verified', 'secondary', 'unverified'] as const;
export const ZEvidenceTag = z.enum(EVIDENCE_TAGS);
export type TEvidenceTag = z.infer<typeof ZEvidenceTag>;
