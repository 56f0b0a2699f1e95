/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of cross-organisation linkage projects. Metadata holds ids, codes and counts only.
 * The linkage secret is never recorded: a submission records only that it happened, with counts.
 */
import { z } from 'zod';

const ZId = z.string();
const ZCount = z.number().int().min(0);

export const LINKAGE_PROJECTS_AUDIT_EVENTS = {
  'linkageProject.created': z.object({ projectId: ZId, invitedOrganisations: ZCount, externalParties: ZCount, solve: z.enum(['one-to-one', 'clusters']) }).strict(),
  /** Recorded in the invited organisation's log. */
  'linkageProject.invited': z.object({ projectId: ZId, partyId: ZId, ownerOrgId: ZId }).strict(),
  'linkageProject.accepted': z.object({ projectId: ZId, partyId: ZId }).strict(),
  'linkageProject.declined': z.object({ projectId: ZId, partyId: ZId }).strict(),
  /** `source`: the organisation's own register (decrypted and encoded in the server) or an uploaded file of an external party. */
  'linkageProject.submitted': z.object({ projectId: ZId, partyId: ZId, source: z.enum(['register', 'file']), records: ZCount }).strict(),
  'linkageProject.matchStarted': z.object({ projectId: ZId, parties: ZCount }).strict(),
  'linkageProject.matched': z.object({
    projectId: ZId, parties: ZCount, records: ZCount, clusters: ZCount, partyPairsSkipped: ZCount, encodingsDeleted: z.boolean(),
  }).strict(),
  'linkageProject.matchFailed': z.object({ projectId: ZId, reason: z.string() }).strict(),
  /** A party's analyst read its own records' cluster memberships (person ids of its own organisation). */
  'linkageProject.resultViewed': z.object({ projectId: ZId, partyId: ZId, records: ZCount }).strict(),
  /** The creator downloaded an external party's result file (random ids and cluster ids) to send back. */
  'linkageProject.resultDownloaded': z.object({ projectId: ZId, partyId: ZId, records: ZCount }).strict(),
  'linkageProject.cancelled': z.object({ projectId: ZId, encodingsDeleted: ZCount }).strict(),
} satisfies Record<string, z.ZodType>;
