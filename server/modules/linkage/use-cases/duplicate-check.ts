/**
 * The real-time duplicate check while a person is being registered: the identity being typed is
 * compared with the organisation's register (decrypted in memory for the check, never stored),
 * with the model of the organisation's latest de-duplication job, or the reference model before
 * any job has run. The answer is person ids, case references, scores and per-field weights; a
 * display name only for callers who may read identity. Every check is audited.
 */
import { createDuplicateChecker, modelForRegister, prepareRecords, type TStoredModel } from '../../../../core/linkage/index.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { can } from '../../../authz/policy.ts';
import { displayNameOf, openIdentity } from '../../cases/person-identity.ts';
import { casesOfPersons, latestSucceededJob } from '../linkage.repo.ts';
import type { TDuplicateCheckRequest, TDuplicateMatch } from '../linkage.schemas.ts';
import { linkageInputOf, memoisedKeyring, readRegister } from './read-register.ts';

/** Candidates below this probability are not worth interrupting a registration for. */
export const CHECK_MIN_PROBABILITY = 0.5;
const MAX_MATCHES = 10;

export async function checkForDuplicates(ctx: TCtx, orgId: string, probe: TDuplicateCheckRequest): Promise<TDuplicateMatch[]> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.create');
  const { records, rows } = await readRegister(ctx.db, ctx.keyring, orgId);
  const job = await latestSucceededJob(ctx.db, orgId);
  const model = modelForRegister(prepareRecords(records), (job?.model as TStoredModel | null) ?? null);
  const checker = createDuplicateChecker(records, model);
  const found = checker.check(linkageInputOf('probe', probe.identity, probe.sex, probe.citizenship), CHECK_MIN_PROBABILITY).slice(0, MAX_MATCHES);
  const identitiesShown = can(ctx.actor, orgId, 'person.readIdentity');
  const casesOf = await casesOfPersons(ctx.db, orgId, found.map((c) => c.recordId));
  const keys = memoisedKeyring(ctx.keyring);
  const matches: TDuplicateMatch[] = [];
  for (const candidate of found) {
    const row = rows.find((r) => r.id === candidate.recordId)!;
    matches.push({
      personId: candidate.recordId,
      cases: casesOf.get(candidate.recordId) ?? [],
      probability: candidate.probability,
      matchWeight: candidate.explanation.totalWeight,
      explanation: candidate.explanation,
      displayName: identitiesShown ? displayNameOf(await openIdentity(keys, ctx.db, row)) : null,
    });
  }
  await ctx.audit.record('duplicateCheck.performed', {
    orgId, subjectType: 'person-register', metadata: { personsCompared: records.length, candidates: matches.length, identitiesShown: identitiesShown && matches.length > 0 },
  });
  return matches;
}
