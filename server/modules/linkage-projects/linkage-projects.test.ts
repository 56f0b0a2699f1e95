import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeRecords, exportEncodings, generateLinkageDatasets, normaliseName } from '../../../core/linkage/index.ts';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { registerRecords } from './linkage-projects-fixtures.test-support.ts';
import { stopAllMatches, waitForMatch } from './use-cases/match-job.ts';

const SECRET = 'shared out of band: correct horse linkage';
const OTHER_SECRET = 'a different secret, nothing can match';

describe(`cross-organisation linkage projects (${ENGINE})`, () => {
  let t: TTestApp;
  let orgA: string;
  let orgB: string;
  let orgC: string;
  let analystA: TAgent;
  let analystB: TAgent;
  let analystC: TAgent;
  let adminB: TAgent;
  let coordinatorA: TAgent;
  // two registers of the same country: half of the smaller one's people are in both, written with
  // transliteration variants, typos and swapped names. On sets this small the encoded model's
  // recall is 0.8–1 depending on the seed (core/linkage measures accuracy at scale); this seed is
  // one where every shared person is recoverable, so the count must be exactly the ground truth.
  const data = generateLinkageDatasets({ seed: 'pprl-1', sizeA: 30, sizeB: 30, overlap: 0.5 });
  const external = data.a.slice(0, 6);
  let entityOf = new Map<string, number>();
  before(async () => {
    t = await createTestApp();
    orgA = await t.createOrganisation('Police unit');
    orgB = await t.createOrganisation('Shelter network');
    orgC = await t.createOrganisation('Bystander NGO');
    analystA = await t.login(await t.addUser(orgA, 'analyst'));
    analystB = await t.login(await t.addUser(orgB, 'analyst'));
    analystC = await t.login(await t.addUser(orgC, 'analyst'));
    adminB = await t.login(await t.addUser(orgB, 'admin'));
    coordinatorA = await t.login(await t.addUser(orgA, 'coordinator'));
    entityOf = new Map([...await registerRecords(t, orgA, data.a), ...await registerRecords(t, orgB, data.b)]);
  });
  after(async () => {
    await stopAllMatches();
    await t.close();
  });
  const url = (orgId: string, path = '') => `/api/organisations/${orgId}/linkage-projects${path}`;
  const createBody = { name: 'Unique victims 2026', invitedOrgIds: [] as string[], externalParties: ['Neighbouring NRM'] };

  async function noticesOf(projectId: string, kind: string) {
    return t.database.db.selectFrom('notifications').select(['orgId', 'userId', 'payload']).where('subjectId', '=', projectId).where('kind', '=', kind).execute();
  }

  async function partyRows(projectId: string) {
    return t.database.db.selectFrom('linkageProjectParties').selectAll().where('projectId', '=', projectId).execute();
  }

  test('two organisations and an external party link their registers without sharing identities; the unique count is the ground truth', async () => {
    // partners: other organisations, names only
    const partners = (await analystA.request('GET', `/api/organisations/${orgA}/linkage-project-partners`)).json().organisations as { id: string }[];
    assert.deepEqual(partners.map((p) => p.id).sort(), [orgB, orgC].sort());
    assert.equal((await coordinatorA.request('POST', url(orgA), { ...createBody, invitedOrgIds: [orgB] })).statusCode, 403, 'linkage.run');
    assert.equal((await analystA.request('POST', url(orgA), { ...createBody, invitedOrgIds: [orgA] })).statusCode, 400, 'own organisation');
    assert.equal((await analystA.request('POST', url(orgA), { ...createBody, invitedOrgIds: ['00000000-0000-4000-8000-000000000000'] })).statusCode, 404);

    const created = await analystA.request('POST', url(orgA), { ...createBody, invitedOrgIds: [orgB] });
    assert.equal(created.statusCode, 201, created.body);
    const project = created.json().project;
    assert.deepEqual([project.status, project.isMine, project.myStatus, project.solve, project.clkSchemaVersion, project.threshold], ['open', true, 'accepted', 'one-to-one', 1, 0.75]);
    const projectId = project.id as string;
    const externalPartyId = project.parties.find((p: { isExternal: boolean }) => p.isExternal).id as string;
    assert.deepEqual((await partyRows(projectId)).map((p) => [p.orgId, p.status]).sort(), [[null, 'accepted'], [orgA, 'accepted'], [orgB, 'invited']].sort());
    assert.equal((await auditRows(t.database, 'linkageProject.created', projectId))[0]?.orgId, orgA);
    const invited = await auditRows(t.database, 'linkageProject.invited', projectId);
    assert.deepEqual(invited.map((r) => r.orgId), [orgB], 'the invitation is in the invited organisation\'s log');
    const invitations = await noticesOf(projectId, 'linkageProject.invited');
    assert.deepEqual(invitations.map((n) => n.orgId), [orgB, orgB], 'the invited organisation\'s analyst and administrator are told');
    assert.deepEqual(invitations[0]!.payload, { projectId }, 'ids only');

    // the invitation, seen by the invited organisation only
    const listedB = (await analystB.request('GET', url(orgB))).json().projects as { id: string; myStatus: string; isMine: boolean }[];
    assert.deepEqual(listedB.map((p) => [p.id, p.myStatus, p.isMine]), [[projectId, 'invited', false]]);
    assert.deepEqual((await analystC.request('GET', url(orgC))).json().projects, []);
    assert.equal((await analystC.request('GET', url(orgC, `/${projectId}`))).statusCode, 404, 'a non-participant does not see the project');
    assert.equal((await analystC.request('GET', url(orgA, `/${projectId}`))).statusCode, 404, 'nor through another organisation\'s path');
    assert.equal((await analystC.request('POST', url(orgC, `/${projectId}/accept`))).statusCode, 404);

    // submissions: not before accepting
    assert.equal((await analystB.request('POST', url(orgB, `/${projectId}/submission`), { secret: SECRET })).json().error.details.reason, 'NOT_ACCEPTED');
    assert.equal((await analystB.request('POST', url(orgB, `/${projectId}/accept`))).statusCode, 200);
    assert.equal((await analystB.request('POST', url(orgB, `/${projectId}/accept`))).json().error.details.reason, 'ALREADY_ANSWERED');
    assert.equal((await auditRows(t.database, 'linkageProject.accepted', projectId))[0]?.orgId, orgB);
    const tooShort = await analystA.request('POST', url(orgA, `/${projectId}/submission`), { secret: 'too short secret' .slice(0, 15) });
    assert.equal(tooShort.statusCode, 400, 'secrets have 16 characters or more');
    assert.equal(tooShort.body.includes('too short secre'), false, 'a refused secret is not echoed');

    const submittedA = await analystA.request('POST', url(orgA, `/${projectId}/submission`), { secret: SECRET });
    assert.equal(submittedA.statusCode, 200, submittedA.body);
    assert.equal(submittedA.body.includes(SECRET), false);
    assert.equal((await analystA.request('POST', url(orgA, `/${projectId}/match`))).json().error.details.reason, 'PARTIES_PENDING');
    assert.equal((await analystB.request('POST', url(orgB, `/${projectId}/submission`), { secret: SECRET })).statusCode, 200);

    // the external party's file: the creator uploads it, checked
    const externalFile = exportEncodings(encodeRecords(external, SECRET).set);
    assert.equal((await analystB.request('POST', url(orgB, `/${projectId}/parties/${externalPartyId}/encodings`), { encodings: externalFile })).json().error.details.reason, 'NOT_PROJECT_OWNER');
    assert.equal((await analystA.request('POST', url(orgA, `/${projectId}/parties/${externalPartyId}/encodings`), { encodings: '{"format":"nope"}' })).statusCode, 400);
    const ownPartyId = project.myPartyId as string;
    assert.equal((await analystA.request('POST', url(orgA, `/${projectId}/parties/${ownPartyId}/encodings`), { encodings: externalFile })).statusCode, 404, 'only external parties take files');
    const uploaded = await analystA.request('POST', url(orgA, `/${projectId}/parties/${externalPartyId}/encodings`), { encodings: externalFile });
    assert.equal(uploaded.statusCode, 200, uploaded.body);

    // what is stored: encodings, the private maps, key checks — no secret, no plaintext
    const parties = await partyRows(projectId);
    assert.ok(parties.every((p) => p.status === 'submitted'));
    assert.equal(new Set(parties.map((p) => p.keyCheck)).size, 1, 'same secret, same key check');
    assert.deepEqual(parties.map((p) => p.recordCount).sort(), [data.a.length, data.b.length, external.length].sort());
    const partyOf = new Map(parties.map((p) => [p.orgId, p.id]));
    const maps = await t.database.db.selectFrom('linkageProjectRecordMap').selectAll().execute();
    assert.equal(maps.length, data.a.length + data.b.length, 'no map for the external party');
    for (const row of maps) {
      assert.equal(row.partyId, partyOf.get(row.orgId), 'a map row belongs to its own organisation\'s party');
      assert.equal(entityOf.has(row.personId), true);
    }
    const persons = await t.database.db.selectFrom('persons').select(['id', 'orgId']).execute();
    const orgOfPerson = new Map(persons.map((p) => [p.id, p.orgId]));
    assert.ok(maps.every((row) => orgOfPerson.get(row.personId) === row.orgId), 'each map points only to the organisation\'s own persons');
    const stored = await t.database.db.selectFrom('linkageProjectEncodings').selectAll().where('projectId', '=', projectId).execute();
    assert.equal(stored.length, 3);
    const storedText = stored.map((s) => s.encodings).join('\n');
    const needles = new Set<string>();
    for (const r of [...data.a, ...data.b]) {
      for (const v of [r.givenName, r.surname, r.documentNumber, r.phone, normaliseName(r.givenName ?? ''), normaliseName(r.surname ?? '')]) if (v && v.length >= 4) needles.add(v);
    }
    // as core/linkage/clk checks an export: the structure (without the base64 payload and random
    // ids) in any case, the decoded payload as bytes, the whole text for long values
    const structure = storedText.replace(/"clk":"[^"]*"/g, '"clk":""').replace(/"id":"[^"]*"/g, '"id":""').toLowerCase();
    const payload = Buffer.concat(stored.flatMap((s) => (JSON.parse(s.encodings) as { records: { clk: string }[] }).records.map((r) => Buffer.from(r.clk, 'base64'))));
    for (const needle of needles) {
      assert.equal(structure.includes(needle.toLowerCase()), false, `"${needle}" in the stored structure`);
      assert.equal(payload.indexOf(Buffer.from(needle, 'utf8')), -1, `"${needle}" in the encoded payload`);
      if (needle.length >= 7) assert.equal(storedText.includes(needle), false, `"${needle}" stored`);
    }
    for (const personId of entityOf.keys()) assert.equal(storedText.includes(personId), false, 'no person id in the encodings');
    assert.ok(needles.size > 50);
    const submitted = await auditRows(t.database, 'linkageProject.submitted', projectId);
    assert.deepEqual(submitted.map((r) => [r.orgId, (r.metadata as { source: string }).source, (r.metadata as { records: number }).records]).sort(),
      [[orgA, 'file', external.length], [orgA, 'register', data.a.length], [orgB, 'register', data.b.length]].sort());
    const allAudit = await t.database.db.selectFrom('auditEvents').selectAll().execute();
    assert.equal(JSON.stringify(allAudit).includes(SECRET), false, 'the secret is never audited');
    for (const table of ['linkageProjects', 'linkageProjectParties', 'linkageProjectEncodings'] as const) {
      assert.equal(JSON.stringify(await t.database.db.selectFrom(table).selectAll().execute()).includes(SECRET), false, `the secret is not in ${table}`);
    }

    // the match: any party starts it; it runs in the background
    const started = await analystB.request('POST', url(orgB, `/${projectId}/match`));
    assert.equal(started.statusCode, 202, started.body);
    assert.equal(started.json().project.status, 'matching');
    await waitForMatch(projectId);
    const matched = (await analystA.request('GET', url(orgA, `/${projectId}`))).json().project;
    assert.deepEqual([matched.status, matched.progress, matched.partyPairsSkipped], ['matched', 1, 0], JSON.stringify(matched));
    assert.equal((await t.database.db.selectFrom('linkageProjectEncodings').select('partyId').where('projectId', '=', projectId).execute()).length, 0, 'CLKs deleted after the match');
    const matchedAudit = (await auditRows(t.database, 'linkageProject.matched', projectId))[0]!;
    assert.deepEqual([matchedAudit.orgId, (matchedAudit.metadata as { encodingsDeleted: boolean }).encodingsDeleted], [orgB, true]);
    assert.equal((await auditRows(t.database, 'linkageProject.matchStarted', projectId)).length, 1);
    assert.deepEqual([...new Set((await noticesOf(projectId, 'linkageProject.matched')).map((n) => n.orgId))].sort(), [orgA, orgB].sort(), 'both organisations hear the results are ready');

    // ground truth: distinct people over the three parties
    const truth = new Set([...data.a, ...data.b, ...external].map((r) => r.entityId)).size;
    assert.equal(truth, data.a.length + data.b.length - data.trueMatches);
    const statistics = (await analystB.request('GET', url(orgB, `/${projectId}/statistics`))).json().statistics;
    assert.deepEqual(statistics.uniquePersons, { value: truth }, JSON.stringify(statistics));
    assert.deepEqual(statistics.totalRecords, { value: data.a.length + data.b.length + external.length });
    assert.equal(statistics.parties, 3);
    assert.equal((await auditRows(t.database, 'uniquePersons.counted', projectId))[0]?.orgId, orgB);
    // no false link: every cluster holds one person of the ground truth (A's and B's records, read
    // through the maps; the external party's records are copies of A's)
    const linked = await t.database.db.selectFrom('linkageProjectResults')
      .innerJoin('linkageProjectRecordMap', (join) => join.onRef('linkageProjectRecordMap.partyId', '=', 'linkageProjectResults.partyId').onRef('linkageProjectRecordMap.recordId', '=', 'linkageProjectResults.recordId'))
      .select(['linkageProjectResults.clusterId', 'linkageProjectRecordMap.personId']).where('linkageProjectResults.projectId', '=', projectId).execute();
    const entitiesOfCluster = new Map<string, Set<number>>();
    for (const row of linked) entitiesOfCluster.set(row.clusterId, (entitiesOfCluster.get(row.clusterId) ?? new Set()).add(entityOf.get(row.personId)!));
    assert.ok([...entitiesOfCluster.values()].every((entities) => entities.size === 1), 'clusters are pure');
    assert.equal(entitiesOfCluster.size, truth, 'one cluster per person of A and B');

    // each party sees only its own persons, with how many other parties know them
    const resultB = await analystB.request('GET', url(orgB, `/${projectId}/result`));
    assert.equal(resultB.statusCode, 200, resultB.body);
    const ownB = resultB.json().result as { records: number; sharedRecords: number; shared: { personId: string; otherParties: number; cases: unknown }[] };
    assert.equal(ownB.records, data.b.length);
    const personsB = new Set([...entityOf.keys()].filter((id) => orgOfPerson.get(id) === orgB));
    assert.ok(ownB.shared.every((r) => personsB.has(r.personId) && r.cases === null), 'own persons only; an analyst sees no cases');
    const sharedEntities = new Set(data.a.map((r) => r.entityId));
    const trulyShared = [...personsB].filter((id) => sharedEntities.has(entityOf.get(id)!)).length;
    assert.equal(ownB.sharedRecords, trulyShared, 'B\'s persons also held by A');
    for (const personId of [...entityOf.keys()].filter((id) => orgOfPerson.get(id) === orgA)) assert.equal(resultB.body.includes(personId), false, 'no person id of A');
    assert.equal((await auditRows(t.database, 'linkageProject.resultViewed', projectId))[0]?.orgId, orgB);
    const adminView = (await adminB.request('GET', url(orgB, `/${projectId}/result`))).json().result;
    assert.ok(adminView.shared.length > 0 && adminView.shared.every((r: { cases: unknown[] }) => Array.isArray(r.cases) && r.cases.length === 1), 'cases for who may read them');
    const ownA = (await analystA.request('GET', url(orgA, `/${projectId}/result`))).json().result;
    assert.ok(ownA.shared.some((r: { otherParties: number }) => r.otherParties === 2), 'persons held by all three parties');
    assert.equal((await analystC.request('GET', url(orgC, `/${projectId}/result`))).statusCode, 404);
    assert.equal((await analystC.request('GET', url(orgC, `/${projectId}/statistics`))).statusCode, 404);

    // the external party's result, for the creator to send back
    assert.equal((await analystB.request('GET', url(orgB, `/${projectId}/parties/${externalPartyId}/result`))).statusCode, 403);
    const csv = await analystA.request('GET', url(orgA, `/${projectId}/parties/${externalPartyId}/result`));
    assert.equal(csv.statusCode, 200, csv.body);
    const lines = csv.body.trim().split('\n');
    assert.equal(lines[0], 'random_id,cluster_id');
    assert.equal(lines.length - 1, external.length);
    assert.equal((await auditRows(t.database, 'linkageProject.resultDownloaded', projectId)).length, 1);

    assert.equal((await analystA.request('POST', url(orgA, `/${projectId}/cancel`))).json().error.details.reason, 'PROJECT_STATUS');
  });

  test('with different secrets nothing links across parties', async () => {
    const projectId = (await analystA.request('POST', url(orgA), { name: 'Wrong secret', invitedOrgIds: [orgB], solve: 'clusters' })).json().project.id as string;
    await analystB.request('POST', url(orgB, `/${projectId}/accept`));
    assert.equal((await analystA.request('POST', url(orgA, `/${projectId}/submission`), { secret: SECRET })).statusCode, 200);
    assert.equal((await analystB.request('POST', url(orgB, `/${projectId}/submission`), { secret: OTHER_SECRET })).statusCode, 200);
    const project = (await analystA.request('GET', url(orgA, `/${projectId}`))).json().project;
    assert.notEqual(project.parties[0].keyCheck, project.parties[1].keyCheck, 'the key checks show the secrets differ');
    assert.equal((await analystA.request('POST', url(orgA, `/${projectId}/match`))).statusCode, 202);
    await waitForMatch(projectId);
    const matched = (await analystA.request('GET', url(orgA, `/${projectId}`))).json().project;
    assert.deepEqual([matched.status, matched.partyPairsSkipped], ['matched', 1]);
    const results = await t.database.db.selectFrom('linkageProjectResults').select(['clusterId', 'otherParties']).where('projectId', '=', projectId).execute();
    assert.equal(results.length, data.a.length + data.b.length);
    assert.ok(results.every((r) => r.otherParties === 0));
    assert.equal(new Set(results.map((r) => r.clusterId)).size, results.length);
    const statistics = (await analystA.request('GET', url(orgA, `/${projectId}/statistics`))).json().statistics;
    assert.deepEqual(statistics.uniquePersons, { value: data.a.length + data.b.length });
  });

  test('an invitation can be declined; only the creator cancels, and a cancelled project takes nothing more', async () => {
    const projectId = (await analystA.request('POST', url(orgA), { name: 'Declined', invitedOrgIds: [orgB, orgC] })).json().project.id as string;
    assert.equal((await analystC.request('POST', url(orgC, `/${projectId}/decline`))).statusCode, 200);
    assert.equal((await auditRows(t.database, 'linkageProject.declined', projectId))[0]?.orgId, orgC);
    assert.equal((await analystC.request('POST', url(orgC, `/${projectId}/submission`), { secret: SECRET })).json().error.details.reason, 'DECLINED');
    assert.equal((await analystA.request('POST', url(orgA, `/${projectId}/submission`), { secret: SECRET })).statusCode, 200);
    assert.equal((await analystB.request('POST', url(orgB, `/${projectId}/cancel`))).json().error.details.reason, 'NOT_PROJECT_OWNER');
    const cancelled = await analystA.request('POST', url(orgA, `/${projectId}/cancel`));
    assert.equal(cancelled.json().project.status, 'cancelled');
    assert.equal((await t.database.db.selectFrom('linkageProjectEncodings').select('partyId').where('projectId', '=', projectId).execute()).length, 0, 'encodings deleted');
    assert.deepEqual((await auditRows(t.database, 'linkageProject.cancelled', projectId)).map((r) => r.metadata), [{ projectId, encodingsDeleted: 1 }]);
    assert.equal((await analystB.request('POST', url(orgB, `/${projectId}/accept`))).json().error.details.reason, 'PROJECT_STATUS');
    assert.equal((await analystA.request('POST', url(orgA, `/${projectId}/match`))).json().error.details.reason, 'PROJECT_STATUS');
    assert.equal((await analystA.request('GET', url(orgA, `/${projectId}/result`))).json().error.details.reason, 'PROJECT_STATUS');
  });
});
