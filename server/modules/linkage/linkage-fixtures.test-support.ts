/** Fixtures of the linkage tests and authorization samples: persons with cases, pairs, merges, jobs. */
import { randomUUID } from 'node:crypto';
import { normaliseDate, type TPersonRecord } from '../../../core/linkage/index.ts';
import type { TTestApp } from '../../../test/support/test-app.ts';
import { adultCaseBody } from '../../../test/support/case-fixtures.ts';
import type { TCreateCaseRequest } from '../cases/cases.schemas.ts';
import { createCase } from '../cases/use-cases/create-case.ts';
import { mergeCandidate } from './use-cases/merge.ts';

/** The synthetic generator's sex codes as the platform stores them. */
export const SEX_OF_CODE: Record<string, string> = { F: 'female', M: 'male' };

/** A synthetic record as the intake form would send it (ISO dates; impossible dates left out). */
export function identityOf(record: TPersonRecord): Record<string, unknown> {
  const date = normaliseDate(record.dateOfBirth);
  const isRealDate = date !== '' && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
  return Object.fromEntries(Object.entries({
    givenName: record.givenName?.trim() || undefined,
    familyName: record.surname?.trim() || undefined,
    dateOfBirth: isRealDate ? date : undefined,
    documentNumbers: record.documentNumber ? [record.documentNumber] : undefined,
    phone: record.phone ?? undefined,
  }).filter(([, v]) => v !== undefined));
}

export async function personWithCase(t: TTestApp, orgId: string, identity: Record<string, unknown> = { givenName: 'Fixture', familyName: 'Person' }): Promise<{ caseId: string; personId: string }> {
  return t.asSystem(async (ctx) => {
    const caseId = await createCase(ctx, orgId, adultCaseBody(identity) as TCreateCaseRequest);
    const row = await ctx.db.selectFrom('cases').select('personId').where('id', '=', caseId).executeTakeFirstOrThrow();
    return { caseId, personId: row.personId };
  });
}

/** A finished job row (as a job leaves it), for routes that read jobs. */
export async function finishedJob(t: TTestApp, orgId: string): Promise<string> {
  const id = randomUUID();
  const now = t.clock.now();
  await t.database.db.insertInto('linkageJobs').values({
    orgId, id, kind: 'dedupe', status: 'succeeded', stage: 'done', progress: 1, personsRead: 0, candidatePairs: 0, reviewPairs: 0, clusters: 0,
    modelSource: 'reference', model: null, startedAt: now, finishedAt: now,
  }).execute();
  return id;
}

const EXPLANATION = { priorWeight: -10, comparisons: [{ comparison: 'given_name', level: 0, label: 'exact', m: 0.6, u: 0.01, weight: 5.9, termFrequencyAdjustment: 0 }], namesSwapped: false, totalWeight: 4, probability: 0.94 };

/** Two persons with a case each and a pending pair between them. */
export async function pendingCandidate(t: TTestApp, orgId: string): Promise<{ candidateId: string; firstPersonId: string; secondPersonId: string }> {
  const first = await personWithCase(t, orgId);
  const second = await personWithCase(t, orgId);
  const [firstPersonId, secondPersonId] = [first.personId, second.personId].sort() as [string, string];
  const candidateId = randomUUID();
  const now = t.clock.now();
  await t.database.db.insertInto('duplicateCandidates').values({
    orgId, id: candidateId, jobId: await finishedJob(t, orgId), firstPersonId, secondPersonId, matchWeight: 4, probability: 0.94,
    explanation: JSON.stringify(EXPLANATION), clusterKey: null, status: 'pending', createdAt: now, updatedAt: now,
  }).execute();
  return { candidateId, firstPersonId, secondPersonId };
}

export async function activeMerge(t: TTestApp, orgId: string): Promise<string> {
  const pair = await pendingCandidate(t, orgId);
  return (await t.asSystem((ctx) => mergeCandidate(ctx, orgId, pair.candidateId, pair.firstPersonId))).id;
}
