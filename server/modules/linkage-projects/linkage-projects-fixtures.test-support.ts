/** Fixtures of the linkage-project tests and authorization samples. */
import { randomBytes } from 'node:crypto';
import { countUniquePersons, encodeRecords, exportEncodings, type TPersonRecord } from '../../../core/linkage/index.ts';
import type { TTestApp } from '../../../test/support/test-app.ts';
import { identityOf, personWithCase, SEX_OF_CODE } from '../linkage/linkage-fixtures.test-support.ts';
import { readRegister } from '../linkage/use-cases/read-register.ts';
import { answerInvitation, createProject } from './use-cases/projects.ts';
import { storeRegisterSubmission, submitExternalEncodings } from './use-cases/submit.ts';

export const FIXTURE_SECRET = 'fixture linkage secret, shared out of band';
/** Registers synthetic records as persons with a case each. @returns entity id by person id */
export async function registerRecords(t: TTestApp, orgId: string, records: readonly TPersonRecord[]): Promise<Map<string, number>> {
  const entityOf = new Map<string, number>();
  for (const record of records) {
    const { personId } = await personWithCase(t, orgId, identityOf(record));
    await t.database.db.updateTable('persons').set({ sex: SEX_OF_CODE[record.sex ?? ''] ?? 'not_known', citizenship: record.citizenship?.slice(0, 2) ?? null }).where('id', '=', personId).execute();
    entityOf.set(personId, record.entityId);
  }
  return entityOf;
}

export type TProjectStage = 'invited' | 'accepted' | 'submitted' | 'matched';

/**
 * A project of `ownerOrgId` with `otherOrgId` invited and an external party, advanced to a stage:
 * invited; accepted; submitted (both organisations and the external party); matched (result rows
 * written as a match leaves them).
 */
export async function projectAt(t: TTestApp, ownerOrgId: string, otherOrgId: string, stage: TProjectStage): Promise<{ projectId: string; externalPartyId: string }> {
  if (stage === 'submitted' || stage === 'matched') {
    // both parties need persons to submit (a fixture person, outside the transaction below)
    for (const orgId of [ownerOrgId, otherOrgId]) {
      if (!(await t.database.db.selectFrom('persons').select('id').where('orgId', '=', orgId).executeTakeFirst())) await personWithCase(t, orgId);
    }
  }
  return t.asSystem(async (ctx) => {
    const projectId = await createProject(ctx, ownerOrgId, { name: 'Fixture project', invitedOrgIds: [otherOrgId], externalParties: ['Neighbouring country NRM'], solve: 'one-to-one', deleteEncodingsAfterMatch: true });
    const external = await ctx.db.selectFrom('linkageProjectParties').select('id').where('projectId', '=', projectId).where('orgId', 'is', null).executeTakeFirstOrThrow();
    if (stage === 'invited') return { projectId, externalPartyId: external.id };
    await answerInvitation(ctx, otherOrgId, projectId, 'accepted');
    if (stage === 'accepted') return { projectId, externalPartyId: external.id };
    for (const orgId of [ownerOrgId, otherOrgId]) {
      const { records } = await readRegister(ctx.db, ctx.keyring, orgId);
      const { set, localIds } = encodeRecords(records, FIXTURE_SECRET);
      await storeRegisterSubmission(ctx, orgId, projectId, { encodings: exportEncodings(set), ids: set.ids, localIds, runId: set.runId, keyCheck: set.keyCheck, count: set.count });
    }
    const externalSet = encodeRecords([{ recordId: 'x1', givenName: 'Ana', surname: 'Popescu', dateOfBirth: '1990-01-02', sex: 'F', citizenship: 'RO', documentNumber: null, phone: null }], FIXTURE_SECRET).set;
    await submitExternalEncodings(ctx, ownerOrgId, projectId, external.id, exportEncodings(externalSet));
    if (stage === 'submitted') return { projectId, externalPartyId: external.id };
    // as a match leaves it: every record its own cluster
    const encodings = await ctx.db.selectFrom('linkageProjectEncodings').select(['partyId', 'encodings']).where('projectId', '=', projectId).execute();
    const memberships: { party: string; clusterId: string }[] = [];
    for (const row of encodings) {
      const ids = (JSON.parse(row.encodings) as { records: { id: string }[] }).records.map((r) => r.id);
      const rows = ids.map((recordId) => ({ partyId: row.partyId, projectId, recordId, clusterId: randomBytes(12).toString('base64url'), otherParties: 0 }));
      await ctx.db.insertInto('linkageProjectResults').values(rows).execute();
      memberships.push(...rows.map((r) => ({ party: r.partyId, clusterId: r.clusterId })));
    }
    await ctx.db.deleteFrom('linkageProjectEncodings').where('projectId', '=', projectId).execute();
    const counts = countUniquePersons(memberships);
    await ctx.db.updateTable('linkageProjects').set({ status: 'matched', stage: 'done', progress: 1, counts: JSON.stringify({ ...counts, totalRecords: memberships.length }), partyPairsSkipped: 0, matchedAt: ctx.now() })
      .where('id', '=', projectId).execute();
    return { projectId, externalPartyId: external.id };
  });
}
