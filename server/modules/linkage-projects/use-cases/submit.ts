/**
 * A party's submission: its own active persons, decrypted in this process and encoded into CLKs
 * in a worker thread under random per-run ids, or an external party's encodings file. Stored:
 * the encodings, and for an organisation of this deployment its private map random id → person
 * id. The linkage secret lives only in the request and the worker: never stored, logged or audited.
 *
 * Three steps, each its own transaction or none, so no transaction stays open while encoding:
 * read (authorise, decrypt) → encode (worker) → store (re-checked: the project may have moved on).
 */
import { AppError } from '../../../../core/errors/app-error.ts';
import { exportEncodings, parseEncodings, ZClkSchema, type TClkSchema, type TLinkageInput } from '../../../../core/linkage/index.ts';
import type { TCtx } from '../../../context.ts';
import { readRegister } from '../../linkage/use-cases/read-register.ts';
import type { TEncodedSubmission } from '../encode-runner.ts';
import { externalParty, loadProjectAsParty, requireOwner, requireStatus } from '../project-access.ts';

const MAP_CHUNK = 1000;

function requireSubmittable(project: { status: string }, party: { status: string }): void {
  requireStatus(project, ['open']);
  if (party.status === 'invited') throw new AppError('CONFLICT', 'Accept the invitation before submitting.', { reason: 'NOT_ACCEPTED' });
  if (party.status === 'declined') throw new AppError('CONFLICT', 'Your organisation declined this project.', { reason: 'DECLINED' });
}

/** Step 1: the organisation's persons as linkage records (decrypted in memory only). */
export async function readSubmissionRecords(ctx: TCtx, orgId: string, projectId: string): Promise<{ schema: TClkSchema; records: TLinkageInput[] }> {
  const { project, mine } = await loadProjectAsParty(ctx, orgId, projectId);
  requireSubmittable(project, mine);
  const { records } = await readRegister(ctx.db, ctx.keyring, orgId);
  if (records.length === 0) throw new AppError('DOMAIN_RULE_VIOLATED', 'Your organisation has no persons to submit.', { reason: 'NO_PERSONS' });
  return { schema: ZClkSchema.parse(project.clkSchema), records };
}

async function replaceSubmission(ctx: TCtx, projectId: string, partyId: string, encoded: Pick<TEncodedSubmission, 'encodings' | 'runId' | 'keyCheck' | 'count'>): Promise<void> {
  await ctx.db.deleteFrom('linkageProjectRecordMap').where('partyId', '=', partyId).execute();
  await ctx.db.deleteFrom('linkageProjectEncodings').where('partyId', '=', partyId).execute();
  const now = ctx.now();
  await ctx.db.insertInto('linkageProjectEncodings').values({ partyId, projectId, runId: encoded.runId, encodings: encoded.encodings, createdAt: now }).execute();
  await ctx.db.updateTable('linkageProjectParties').set({
    status: 'submitted', recordCount: encoded.count, keyCheck: encoded.keyCheck, submittedAt: now, submittedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null,
  }).where('id', '=', partyId).execute();
  await ctx.db.updateTable('linkageProjects').set({ updatedAt: now }).where('id', '=', projectId).execute();
}

/** Step 3: stores the encodings and the private map (a second submission replaces the first). */
export async function storeRegisterSubmission(ctx: TCtx, orgId: string, projectId: string, encoded: TEncodedSubmission): Promise<void> {
  const { project, mine } = await loadProjectAsParty(ctx, orgId, projectId);
  requireSubmittable(project, mine);
  await replaceSubmission(ctx, projectId, mine.id, encoded);
  for (let start = 0; start < encoded.ids.length; start += MAP_CHUNK) {
    await ctx.db.insertInto('linkageProjectRecordMap').values(encoded.ids.slice(start, start + MAP_CHUNK).map((recordId, k) => ({
      partyId: mine.id, orgId, recordId, personId: encoded.localIds[start + k]!,
    }))).execute();
  }
  await ctx.audit.record('linkageProject.submitted', { orgId, subjectType: 'linkage-project', subjectId: projectId, metadata: { projectId, partyId: mine.id, source: 'register', records: encoded.count } });
}

/** An external party's encodings file, uploaded by the creator. */
export async function submitExternalEncodings(ctx: TCtx, orgId: string, projectId: string, partyId: string, text: string): Promise<void> {
  const { project, parties } = await loadProjectAsParty(ctx, orgId, projectId);
  requireOwner(project, orgId, 'upload an external party\'s file');
  requireStatus(project, ['open']);
  const party = externalParty(parties, partyId);
  let set;
  try {
    set = parseEncodings(text);
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', 'The file is not a valid encodings file.', { issues: [{ path: 'encodings', message: String((error as Error).message).slice(0, 500) }] });
  }
  // both through the zod schema: jsonb does not keep key order
  if (JSON.stringify(set.schema) !== JSON.stringify(ZClkSchema.parse(project.clkSchema))) {
    throw new AppError('DOMAIN_RULE_VIOLATED', 'The file was encoded with another CLK schema than the project\'s.', { reason: 'SCHEMA_MISMATCH' });
  }
  if (set.count === 0) throw new AppError('DOMAIN_RULE_VIOLATED', 'The file holds no records.', { reason: 'NO_PERSONS' });
  await replaceSubmission(ctx, projectId, party.id, { encodings: exportEncodings(set), runId: set.runId, keyCheck: set.keyCheck, count: set.count });
  await ctx.audit.record('linkageProject.submitted', { orgId, subjectType: 'linkage-project', subjectId: projectId, metadata: { projectId, partyId: party.id, source: 'file', records: set.count } });
}
