/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of the criminal-justice chain. No suspect or victim identity in metadata.
 */
import { z } from 'zod';

const ZId = z.string();

export const JUSTICE_AUDIT_EVENTS = {
  'operation.created': z.object({ operationId: ZId }).strict(),
  'operation.shared': z.object({ operationId: ZId, sharedWithOrgId: ZId }).strict(),
  'investigation.opened': z.object({ investigationId: ZId, reference: z.string() }).strict(),
  'investigation.statusChanged': z.object({ investigationId: ZId, from: z.string(), to: z.string() }).strict(),
  'investigation.sharedAccessed': z.object({ investigationId: ZId, ownerOrgId: ZId }).strict(),
  'cooperation.requested': z.object({ investigationId: ZId, kind: z.string(), country: z.string() }).strict(),
  'suspect.added': z.object({ investigationId: ZId, suspectId: ZId, role: z.string() }).strict(),
  'suspect.identityViewed': z.object({ suspectId: ZId }).strict(),
  'charge.filed': z.object({ suspectId: ZId, chargeId: ZId, offenceCategory: z.string() }).strict(),
  'prosecution.started': z.object({ suspectId: ZId, prosecutionId: ZId }).strict(),
  'courtDecision.recorded': z.object({ chargeId: ZId, decisionId: ZId, outcome: z.string(), isAppeal: z.boolean() }).strict(),
  'sentence.recorded': z.object({ suspectId: ZId, sentenceId: ZId, isCustodial: z.boolean() }).strict(),
  'confiscation.recorded': z.object({ investigationId: ZId, confiscationId: ZId, kind: z.string() }).strict(),
  'compensationOrder.recorded': z.object({ suspectId: ZId, orderId: ZId }).strict(),
  'victim.linked': z.object({ investigationId: ZId, caseId: ZId, role: z.string() }).strict(),
} as const;
