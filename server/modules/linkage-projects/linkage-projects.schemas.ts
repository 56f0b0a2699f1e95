import { z } from 'zod';
import { ZName, ZUuid } from '../../http/common-schemas.ts';
import { ZUniquePersons } from '../linkage/linkage.schemas.ts';

export const PROJECT_STATUSES = ['open', 'matching', 'matched', 'cancelled'] as const;
export const PARTY_STATUSES = ['invited', 'accepted', 'declined', 'submitted'] as const;
export const MAX_PARTIES = 12;
/** An encodings file of an external party: ~200 bytes a record, up to 100,000 records. */
export const MAX_ENCODINGS_CHARS = 25 * 1024 * 1024;

export const ZProjectParams = z.object({ orgId: ZUuid, projectId: ZUuid }).strict();
export const ZPartyParams = z.object({ orgId: ZUuid, projectId: ZUuid, partyId: ZUuid }).strict();

export const ZCreateProjectRequest = z.object({
  name: ZName,
  /** Other organisations of this deployment to invite (their analysts accept or decline). */
  invitedOrgIds: z.array(ZUuid).max(MAX_PARTIES).default([]),
  /** Parties at other deployments: they encode with `palermo link encode` and send their file. */
  externalParties: z.array(ZName).max(MAX_PARTIES).default([]),
  solve: z.enum(['one-to-one', 'clusters']).default('one-to-one'),
  /** CLKs are still personal data: by default they are deleted once the match is done. */
  deleteEncodingsAfterMatch: z.boolean().default(true),
}).strict();
export type TCreateProjectRequest = z.infer<typeof ZCreateProjectRequest>;

/** The linkage secret: used for this one encoding and forgotten; never stored, logged or audited. */
export const ZSubmitRequest = z.object({ secret: z.string().min(16).max(1024) }).strict();
export const ZExternalSubmitRequest = z.object({ encodings: z.string().min(2).max(MAX_ENCODINGS_CHARS) }).strict();

export const ZParty = z.object({
  id: z.string(),
  /** Organisation of this deployment (null for an external party). */
  orgId: z.string().nullable(),
  name: z.string(),
  isExternal: z.boolean(),
  isOwner: z.boolean(),
  status: z.enum(PARTY_STATUSES),
  recordCount: z.number().nullable(),
  /** Fingerprint of the secret used: equal at every party when they share the secret. */
  keyCheck: z.string().nullable(),
  submittedAt: z.string().nullable(),
});

export const ZProject = z.object({
  id: z.string(),
  name: z.string(),
  ownerOrgId: z.string(),
  ownerName: z.string(),
  status: z.enum(PROJECT_STATUSES),
  clkSchemaVersion: z.number(),
  threshold: z.number(),
  solve: z.enum(['one-to-one', 'clusters']),
  deleteEncodingsAfterMatch: z.boolean(),
  stage: z.string().nullable(),
  progress: z.number(),
  failureReason: z.string().nullable(),
  partyPairsSkipped: z.number().nullable(),
  createdAt: z.string(),
  matchedAt: z.string().nullable(),
  /** The asking organisation's own party. */
  myPartyId: z.string(),
  myStatus: z.enum(PARTY_STATUSES),
  isMine: z.boolean(),
  /** Whether every accepted party has submitted (a match can start). */
  isReadyToMatch: z.boolean(),
  parties: z.array(ZParty),
});
export type TProject = z.infer<typeof ZProject>;
export type TParty = z.infer<typeof ZParty>;

export const ZPartner = z.object({ id: z.string(), name: z.string(), kind: z.string() });

export const ZOwnRecord = z.object({
  personId: z.string(),
  /** Records of other parties in the same cluster (0: only this party knows the person). */
  otherParties: z.number(),
  /** The person's cases, only when the viewer may read cases. */
  cases: z.array(z.object({ id: z.string(), reference: z.string() })).nullable(),
});

export const ZOwnResult = z.object({
  records: z.number(),
  sharedRecords: z.number(),
  /** Own persons also held by another party, most shared first. */
  shared: z.array(ZOwnRecord),
});

export const ZProjectStatistics = ZUniquePersons.extend({ totalRecords: ZUniquePersons.shape.uniquePersons, parties: z.number() });
