/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of de-duplication and privacy-preserving record linkage. Metadata holds ids, codes and counts only: never identifying data.
 */
import { z } from 'zod';

const ZId = z.string();

export const LINKAGE_AUDIT_EVENTS = {
  'dedupeJob.started': z.object({ jobId: ZId }).strict(),
  /** The job decrypted `personsRead` identities inside the server to compare them; none left it. */
  'dedupeJob.completed': z.object({ jobId: ZId, personsRead: z.number().int(), candidatePairs: z.number().int(), reviewPairs: z.number().int(), modelSource: z.string() }).strict(),
  'dedupeJob.failed': z.object({ jobId: ZId, reason: z.string() }).strict(),
  /** A registration-time check decrypted the register in memory; `identitiesShown` says whether names went back. */
  'duplicateCheck.performed': z.object({
    personsCompared: z.number().int(), candidates: z.number().int(), identitiesShown: z.boolean(),
    /** 'indexed': only candidates found by blocking keys were decrypted (personsCompared of them); 'full_scan': the whole register. Absent on older rows. */
    mode: z.enum(['indexed', 'full_scan']).optional(),
  }).strict(),
  /** What the registering user did about the check's possible matches: registered a new person anyway, or opened an existing case. */
  'duplicateCheck.decided': z.object({
    decision: z.enum(['registered_anyway', 'opened_existing']), candidates: z.number().int(), caseId: ZId, matchedPersonIds: z.array(ZId).max(10),
  }).strict(),
  /** A reviewer opened a pair side by side (identity decrypted when `identityShown`). */
  'duplicateCandidate.viewed': z.object({ candidateId: ZId, firstPersonId: ZId, secondPersonId: ZId, identityShown: z.boolean() }).strict(),
  'duplicateCandidate.decided': z.object({ candidateId: ZId, from: z.string(), to: z.enum(['match', 'not_match', 'pending']) }).strict(),
  'person.merged': z.object({ mergeId: ZId, candidateId: ZId.nullable(), survivingPersonId: ZId, mergedPersonId: ZId, movedCases: z.number().int() }).strict(),
  'person.unmerged': z.object({ mergeId: ZId, survivingPersonId: ZId, mergedPersonId: ZId, restoredCases: z.number().int() }).strict(),
  'uniquePersons.counted': z.object({ scope: z.enum(['organisation', 'linkage_run']), suppressedCells: z.number().int() }).strict(),
} satisfies Record<string, z.ZodType>;
