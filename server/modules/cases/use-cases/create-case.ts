import { randomUUID } from 'node:crypto';
import { childStatus } from '../../../../core/nrm/child-pathway.ts';
import { localDateOf } from '../../../../core/nrm/deadlines.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { nextReference } from '../cases.repo.ts';
import { EMPTY_PROTECTION, type TCreateCaseRequest } from '../cases.schemas.ts';
import { getOrganisationProfile } from '../jurisdiction.ts';
import { sealIdentity } from '../person-identity.ts';
import { writePersonBlockingKeys } from '../../linkage/blocking-keys/blocking-keys.ts';

/**
 * Registers a person and opens a draft NRM case for them. Identity is sealed before it reaches
 * SQL; whether the person is treated as a child follows the presumption of childhood.
 * @throws NOT_FOUND / FORBIDDEN (case.create)
 */
export async function createCase(ctx: TCtx, orgId: string, input: TCreateCaseRequest): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.create');
  const now = ctx.now();
  const profile = await getOrganisationProfile(ctx.db, orgId);
  const personId = randomUUID();
  const sealed = await sealIdentity(ctx.keyring, ctx.db, orgId, personId, input.person.identity, now);
  await ctx.db.insertInto('persons').values({
    orgId, id: personId, ...sealed, sex: input.person.sex, ageYears: input.person.ageYears, ageStatus: input.person.ageStatus,
    citizenship: input.person.citizenship, createdAt: now, updatedAt: now,
  }).execute();
  // keyed blocking keys of the real-time duplicate check (never plaintext)
  await writePersonBlockingKeys(ctx.db, ctx.keyring, { orgId, id: personId, keyVersion: sealed.keyVersion, sex: input.person.sex, citizenship: input.person.citizenship }, input.person.identity, now);
  const child = childStatus(profile, { ageStatus: input.person.ageStatus, ageYears: input.person.ageYears, ageAssessment: null });
  const year = Number(localDateOf(profile, now.toISOString()).slice(0, 4));
  const reference = await nextReference(ctx.db, orgId, 'NRM', year);
  const caseId = randomUUID();
  await ctx.db.insertInto('cases').values({
    orgId, id: caseId, reference, personId, status: 'draft', version: 1,
    jurisdictionProfileId: profile.id, jurisdictionProfileVersion: profile.version,
    isChild: child.isChild, childBasis: child.basis, isUnaccompanied: input.details.isUnaccompanied,
    countryOfExploitation: input.details.countryOfExploitation, exploitationForms: input.details.exploitationForms,
    source: input.details.source, yearOfRegistration: year, protection: JSON.stringify(EMPTY_PROTECTION),
    createdBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, createdAt: now, updatedAt: now,
  }).execute();
  await ctx.audit.record('case.created', { orgId, subjectType: 'case', subjectId: caseId, caseId, metadata: { reference, isChild: child.isChild, jurisdictionProfile: `${profile.id}@${profile.version}` } });
  return caseId;
}
