import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { caseInState } from '../../../test/support/case-states.ts';
import { generateJusticeHistory } from '../../../test/support/justice-generator.ts';

const INVESTIGATION = { operationId: null, agency: 'Modern Slavery Unit', openedOn: '2025-02-03', exploitationForms: ['labour'], techniques: ['financial_investigation'], countriesInvolved: ['GB', 'RO'], jointInvestigationTeam: true };
const SUSPECT = (name: string) => ({ identity: { givenName: name, familyName: 'Suspectson' }, role: 'exploiter', sex: 'male', ageBand: '30--38', citizenship: 'GB', identifiedOn: '2025-02-10' });

describe(`criminal justice chain (${ENGINE})`, () => {
  let t: TTestApp;
  let police: string;
  let investigator: TAgent;
  before(async () => {
    t = await createTestApp();
    police = await t.createOrganisation();
    investigator = await t.login(await t.addUser(police, 'investigator'));
  });
  after(() => t.close());
  const url = (path: string, org = police) => `/api/organisations/${org}${path}`;

  test('investigation to sentence: two suspects, one convicted of trafficking, one of a lesser offence; the funnel moves', async () => {
    const opened = await investigator.request('POST', url('/investigations'), INVESTIGATION);
    assert.equal(opened.statusCode, 201, opened.body);
    const id = opened.json().investigation.id;
    const before = (await investigator.request('GET', url('/justice/funnel?mode=cohort'))).json().rows.find((r: { year: number }) => r.year === 2025);
    await investigator.request('POST', url(`/investigations/${id}/suspects`), SUSPECT('Ardent'));
    // Added a minute apart: suspects are listed in the order they were added.
    t.clock.advanceMinutes(1);
    const withBoth = (await investigator.request('POST', url(`/investigations/${id}/suspects`), SUSPECT('Brisk'))).json().investigation;
    assert.deepEqual(withBoth.suspects.map((s: { displayName: string }) => s.displayName), ['Ardent Suspectson', 'Brisk Suspectson']);
    const [first, second] = withBoth.suspects;
    const charged1 = (await investigator.request('POST', url(`/suspects/${first.id}/charges`), { offenceCategory: 'trafficking', offenceCode: 'MSA-2', chargedOn: '2025-05-01' })).json().investigation;
    const charged2 = (await investigator.request('POST', url(`/suspects/${second.id}/charges`), { offenceCategory: 'lesser_related', offenceCode: 'CONTROLLING-PROSTITUTION', chargedOn: '2025-05-01' })).json().investigation;
    for (const suspect of [first, second]) assert.equal((await investigator.request('POST', url(`/suspects/${suspect.id}/prosecutions`), { court: 'Crown Court', startedOn: '2025-06-01' })).statusCode, 201);
    const charge1 = charged1.suspects[0].charges[0].id;
    const charge2 = charged2.suspects[1].charges[0].id;
    assert.equal((await investigator.request('POST', url(`/charges/${charge1}/decisions`), { outcome: 'convicted', isAppeal: false, decidedOn: '2025-11-20' })).statusCode, 201);
    assert.equal((await investigator.request('POST', url(`/charges/${charge2}/decisions`), { outcome: 'convicted', isAppeal: false, decidedOn: '2025-11-20' })).statusCode, 201);
    const sentenced = await investigator.request('POST', url(`/suspects/${first.id}/sentences`), { custodialMonths: 96, isSuspended: false, fineAmount: null, fineCurrency: null, otherMeasure: null, sentencedOn: '2025-12-15' });
    assert.equal(sentenced.statusCode, 201, sentenced.body);
    const badFine = await investigator.request('POST', url(`/suspects/${second.id}/sentences`), { custodialMonths: null, isSuspended: false, fineAmount: 500, fineCurrency: null, otherMeasure: null, sentencedOn: '2025-12-15' });
    assert.equal(badFine.statusCode, 400);
    const order = await investigator.request('POST', url(`/suspects/${first.id}/compensation-orders`), { victimLinkId: null, amount: 12500, currency: 'GBP', orderedOn: '2025-12-15' });
    assert.deepEqual(order.json().investigation.suspects[0].compensationOrders.map((o: { amount: string; currency: string }) => [o.amount, o.currency]), [['12500.00', 'GBP']]);
    const badClose = await investigator.request('POST', url(`/investigations/${id}/status`), { status: 'closed_charged', closedOn: null, expectedVersion: 1 });
    assert.equal(badClose.statusCode, 400);
    assert.equal(badClose.json().error.details.issues[0].path, 'body.closedOn');
    const closedEarly = await investigator.request('POST', url(`/investigations/${id}/status`), { status: 'closed_charged', closedOn: '2024-01-01', expectedVersion: 1 });
    assert.equal(closedEarly.statusCode, 400);
    const closed = await investigator.request('POST', url(`/investigations/${id}/status`), { status: 'closed_charged', closedOn: '2026-01-10', expectedVersion: 1 });
    assert.equal(closed.statusCode, 201, closed.body);
    assert.equal(closed.json().investigation.status, 'closed_charged');
    const after = (await investigator.request('GET', url('/justice/funnel?mode=cohort'))).json().rows.find((r: { year: number }) => r.year === 2025);
    const delta = (key: string) => after[key] - (before?.[key] ?? 0);
    assert.deepEqual(['suspects', 'charged', 'prosecuted', 'convictedTrafficking', 'convictedOtherOnly', 'custodial'].map(delta), [2, 2, 2, 1, 1, 1]);
    const stored = await t.database.db.selectFrom('suspects').selectAll().where('investigationId', '=', id).execute();
    assert.ok(stored.every((s) => !s.identityCiphertext.includes('Suspectson')));
    assert.equal((await auditRows(t.database, 'charge.filed')).length, 2);
    assert.equal((await auditRows(t.database, 'sentence.recorded')).length, 1);
  });

  test('another organisation\'s prosecutor sees nothing until the operation is shared; then access is audited', async () => {
    const prosecution = await t.createOrganisation();
    const prosecutor = await t.login(await t.addUser(prosecution, 'prosecutor'));
    const operation = (await investigator.request('POST', url('/operations'), { codeName: 'NIGHTJAR', countries: ['GB'], openedOn: '2025-01-01' })).json().operation.id;
    const investigation = (await investigator.request('POST', url('/investigations'), { ...INVESTIGATION, operationId: operation })).json().investigation.id;
    assert.equal((await prosecutor.request('GET', url(`/investigations/${investigation}`, prosecution))).statusCode, 404);
    assert.deepEqual((await prosecutor.request('GET', url('/investigations', prosecution))).json().investigations, []);
    assert.equal((await investigator.request('POST', url(`/operations/${operation}/shares`), { organisationId: prosecution })).statusCode, 204);
    const shared = await prosecutor.request('GET', url(`/investigations/${investigation}`, prosecution));
    assert.equal(shared.statusCode, 200, shared.body);
    assert.equal(shared.json().investigation.isShared, true);
    const accessed = await auditRows(t.database, 'investigation.sharedAccessed', investigation);
    assert.equal(accessed.length, 1);
    assert.equal(accessed[0]!.orgId, prosecution);
    const operations = (await investigator.request('GET', url('/operations'))).json().operations;
    assert.equal(operations.find((o: { id: string }) => o.id === operation).investigations, 1);
  });

  test('victim links are need-to-know: the investigator sees the support contact, the case worker only that an investigation exists', async () => {
    const ngo = await t.createOrganisation();
    const caseWorker = await t.login(await t.addUser(ngo, 'case_worker'));
    const victim = await caseInState(t, ngo, 'referred');
    const investigation = (await investigator.request('POST', url('/investigations'), INVESTIGATION)).json().investigation.id;
    const link = { caseOrgId: ngo, caseId: victim.caseId, role: 'victim_witness', supportContact: 'Shelter duty phone 0100 000', participation: 'statement' };
    assert.equal((await investigator.request('POST', url(`/investigations/${investigation}/victim-links`), link)).statusCode, 404, 'the investigator cannot see the NGO\'s case');
    // An investigator who also works with the NGO (case.read there) may link.
    const dual = await t.addUser(police, 'investigator');
    await t.asSystem((ctx) => ctx.db.insertInto('memberships').values({ orgId: ngo, userId: dual.userId, role: 'case_worker', createdAt: new Date() }).execute());
    const dualAgent = await t.login(dual);
    const linked = await dualAgent.request('POST', url(`/investigations/${investigation}/victim-links`), link);
    assert.equal(linked.statusCode, 201, linked.body);
    assert.deepEqual(Object.keys(linked.json().investigation.victimLinks[0]).sort(), ['id', 'nonPunishmentFlag', 'participation', 'role', 'supportContact']);
    const caseView = (await caseWorker.request('GET', `/api/organisations/${ngo}/cases/${victim.caseId}`)).json().case;
    assert.equal(caseView.linkedInvestigationCount, 1);
    assert.equal((await caseWorker.request('GET', url(`/investigations/${investigation}`, ngo))).statusCode, 403, 'case workers cannot read investigations');
    assert.equal((await investigator.request('GET', `/api/organisations/${ngo}/cases/${victim.caseId}`)).statusCode, 404);
    assert.equal((await auditRows(t.database, 'victim.linked')).length, 2, 'recorded in both organisations\' chains');
  });

  test('the funnel of 2,000 generated investigations equals an independent SQL computation, in cohort and period mode', async () => {
    const org = await t.createOrganisation();
    await generateJusticeHistory(t, org, { investigations: 2000, seed: 20261128, firstYear: 2021, years: 5 });
    const analyst = await t.login(await t.addUser(org, 'admin'));
    const cohort = (await analyst.request('GET', url('/justice/funnel?mode=cohort', org))).json();
    const independent = await sql<Record<string, number>>`
      with decision_rank as (
        select charge_id, outcome, row_number() over (partition by charge_id order by decided_on desc, is_appeal desc) as rn from court_decisions
      ), per_suspect as (
        select su.id, extract(year from i.opened_on)::int as year,
          bool_or(c.id is not null) as charged,
          bool_or(p.id is not null) as prosecuted,
          bool_or(d.outcome = 'convicted' and c.offence_category = 'trafficking') as tip,
          bool_or(d.outcome = 'convicted' and c.offence_category <> 'trafficking') as other,
          bool_or(se.id is not null) as custody
        from investigations i
        join suspects su on su.investigation_id = i.id
        left join charges c on c.suspect_id = su.id
        left join decision_rank d on d.charge_id = c.id and d.rn = 1
        left join prosecutions p on p.suspect_id = su.id
        left join sentences se on se.suspect_id = su.id and se.custodial_months > 0 and se.is_suspended = false
        where i.org_id = ${org}
        group by su.id, i.opened_on
      )
      select year, count(*)::int as suspects, count(*) filter (where charged)::int as charged, count(*) filter (where prosecuted)::int as prosecuted,
        count(*) filter (where tip)::int as tip, count(*) filter (where other and not coalesce(tip, false))::int as other_only, count(*) filter (where custody)::int as custody
      from per_suspect group by year order by year`.execute(t.database.db);
    assert.equal(cohort.rows.length, 5);
    assert.deepEqual(
      cohort.rows.map((r: Record<string, number>) => [r.year, r.suspects, r.charged, r.prosecuted, r.convictedTrafficking, r.convictedOtherOnly, r.custodial]),
      independent.rows.map((r) => [r.year, r.suspects, r.charged, r.prosecuted, r.tip, r.otherOnly, r.custody]),
    );
    const totals = cohort.rows.reduce((sum: number[], r: Record<string, number>) => sum.map((v, k) => v + [r.suspects, r.charged, r.prosecuted, r.convictedTrafficking, r.custodial][k]!), [0, 0, 0, 0, 0]);
    assert.ok(totals[0] > totals[1] && totals[1] > totals[2] && totals[2] > totals[3] && totals[3] > 0, `realistic drop-off: ${totals}`);
    const period = (await analyst.request('GET', url('/justice/funnel?mode=period', org))).json();
    const independentPeriod = await sql<{ year: number; charged: number }>`
      select extract(year from first_charge)::int as year, count(*)::int as charged
      from (select c.suspect_id, min(c.charged_on) as first_charge from charges c where c.org_id = ${org} group by c.suspect_id) firsts
      group by 1 order by 1`.execute(t.database.db);
    assert.deepEqual(period.rows.filter((r: { charged: number }) => r.charged > 0).map((r: { year: number; charged: number }) => [r.year, r.charged]), independentPeriod.rows.map((r) => [r.year, r.charged]));
    const bySex = (await analyst.request('GET', url('/justice/funnel?mode=cohort&groupBy=sex', org))).json();
    const sexTotal = bySex.rows.reduce((sum: number, r: { suspects: number }) => sum + r.suspects, 0);
    assert.equal(sexTotal, totals[0]);
    assert.ok(cohort.medianDays.identifiedToCharge > 0);
  });
});
