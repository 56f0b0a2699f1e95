import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { caseInState } from '../../../test/support/case-states.ts';
import { PLAN_BODY } from '../../../test/authz-samples/protection.ts';
import { linkVictim, openInvestigation } from '../justice/justice.service.ts';
import { providerWithService, serviceBody } from '../services/directory-fixtures.test-support.ts';
import { CONSENT_ALL, referralBody } from '../service-referrals/referral-fixtures.test-support.ts';

/**
 * Assistance is unconditional (CETS 197 art. 12(6); EU Directive 2011/36 art. 11(3)): no rule,
 * form or API may make a service, a referral or a plan depend on cooperating with the police or
 * prosecutors. These tests try, in every way the API offers, and must fail to.
 */
const CONDITIONALITY = /cooperat|police|law.?enforcement|statement|testif|prosecut|investigat|witness|complain/i;
const PROTECTION_ROUTES = /\/(services|directory|service-consents|service-referrals|deliveries|plan|plan-settings|remedies)(\/|$)/;

/** Every property name and enum value a JSON Schema admits. */
function vocabulary(schema: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(schema)) {
    for (const item of schema) vocabulary(item, into);
  } else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && value && typeof value === 'object') for (const name of Object.keys(value)) into.add(name);
      if (key === 'enum' && Array.isArray(value)) for (const option of value) into.add(String(option));
      if (key === 'const') into.add(String(value));
      vocabulary(value, into);
    }
  }
  return into;
}

describe(`assistance is unconditional (${ENGINE})`, () => {
  let t: TTestApp;
  let agency: string;
  let ngo: string;
  let worker: TAgent;
  let shelterWorker: TAgent;
  let shelterAdmin: TAgent;
  let service: Awaited<ReturnType<typeof providerWithService>>;
  before(async () => {
    t = await createTestApp();
    agency = await t.createOrganisation();
    ngo = await t.createOrganisation();
    worker = await t.login(await t.addUser(agency, 'case_worker'));
    shelterWorker = await t.login(await t.addUser(ngo, 'case_worker'));
    shelterAdmin = await t.login(await t.addUser(ngo, 'admin'));
    service = await providerWithService(t, ngo);
  });
  after(() => t.close());
  const api = (org: string, path: string) => `/api/organisations/${org}${path}`;

  test('a victim who declined to take part in the investigation, with a negative RG decision, gets referral, plan, services and remedies all the same', async () => {
    const { caseId } = await caseInState(t, agency, 'rg_negative');
    const police = await t.createOrganisation();
    await t.asSystem(async (ctx) => {
      const investigationId = await openInvestigation(ctx, police, { operationId: null, agency: 'Unit', openedOn: '2026-01-02', exploitationForms: ['labour'], techniques: [], countriesInvolved: [], jointInvestigationTeam: false });
      await linkVictim(ctx, police, investigationId, { caseOrgId: agency, caseId, role: 'victim', supportContact: 'Case worker', participation: 'none' });
    });
    assert.equal((await t.database.db.selectFrom('victimLinks').select('participation').where('caseId', '=', caseId).executeTakeFirstOrThrow()).participation, 'none');

    assert.equal((await worker.request('POST', api(agency, `/cases/${caseId}/service-consents`), { ...CONSENT_ALL, receivingOrgId: ngo })).statusCode, 201);
    const referral = await worker.request('POST', api(agency, `/cases/${caseId}/service-referrals`), referralBody(service.serviceId, ['identity_basic', 'nrm_status']));
    assert.equal(referral.statusCode, 201, referral.body);
    const referralId = referral.json().referral.id;
    const received = (await shelterWorker.request('GET', api(ngo, `/service-referrals/${referralId}`))).json().referral;
    assert.deepEqual(Object.keys(received.shared).sort(), ['identityBasic', 'nrmStatus'], 'nothing about the investigation travels with a referral');
    assert.equal((await shelterWorker.request('POST', api(ngo, `/service-referrals/${referralId}/accept`), { expectedVersion: 1 })).statusCode, 200);
    assert.equal((await shelterWorker.request('POST', api(ngo, `/service-referrals/${referralId}/deliveries`), { serviceKind: 'shelter', deliveredOn: '2026-02-01', quantity: 30, unit: 'night', language: 'en', interpreterUsed: false })).statusCode, 201);
    assert.equal((await worker.request('PUT', api(agency, `/cases/${caseId}/plan`), PLAN_BODY)).statusCode, 200);
    assert.equal((await worker.request('POST', api(agency, `/cases/${caseId}/remedies`), { kind: 'state_fund', currency: 'EUR', amountClaimed: '4000' })).statusCode, 201);
  });

  test('fields that would make assistance conditional are refused as unknown, wherever they are slipped in; nothing is written', async () => {
    const { caseId } = await caseInState(t, agency, 'draft');
    await worker.request('POST', api(agency, `/cases/${caseId}/service-consents`), { ...CONSENT_ALL, receivingOrgId: ngo });
    const count = async () => (await sql<{ n: number }>`select (select count(*) from service_referrals) + (select count(*) from plan_versions) + (select count(*) from service_consents)
      + (select count(*) from directory_services) + (select count(*) from service_deliveries) + (select count(*) from remedy_claims) as n`.execute(t.database.db)).rows[0]!.n;
    const before = await count();
    const attempts: [TAgent, 'POST' | 'PUT', string, Record<string, unknown>, string][] = [
      [worker, 'POST', api(agency, `/cases/${caseId}/service-referrals`), { ...referralBody(service.serviceId), conditionalOnCooperation: true }, 'conditionalOnCooperation'],
      [worker, 'POST', api(agency, `/cases/${caseId}/service-referrals`), { ...referralBody(service.serviceId), needs: { summary: 'bed', languages: [], requiresPoliceStatement: true } }, 'requiresPoliceStatement'],
      [worker, 'POST', api(agency, `/cases/${caseId}/service-consents`), { ...CONSENT_ALL, receivingOrgId: ngo, cooperationWithAuthoritiesRequired: true }, 'cooperationWithAuthoritiesRequired'],
      [worker, 'PUT', api(agency, `/cases/${caseId}/plan`), { ...PLAN_BODY, requiresPoliceStatement: true }, 'requiresPoliceStatement'],
      [worker, 'PUT', api(agency, `/cases/${caseId}/plan`), { ...PLAN_BODY, goals: [{ ...PLAN_BODY.goals[0], conditionalOnCooperation: true }] }, 'conditionalOnCooperation'],
      [worker, 'PUT', api(agency, `/cases/${caseId}/plan`), { ...PLAN_BODY, chosenDomains: ['cooperation_with_police'] }, 'chosenDomains'],
      [worker, 'POST', api(agency, `/cases/${caseId}/deliveries`), { serviceKind: 'shelter', deliveredOn: '2026-01-01', quantity: 1, unit: 'night', language: 'en', interpreterUsed: false, afterStatementGiven: true }, 'afterStatementGiven'],
      [worker, 'POST', api(agency, `/cases/${caseId}/remedies`), { kind: 'state_fund', currency: 'EUR', requiresCooperation: true }, 'requiresCooperation'],
      [shelterAdmin, 'POST', api(ngo, '/services'), { ...serviceBody(service.organizationId), eligibility: { sexes: [], minimumAge: null, maximumAge: null, nationalities: [], description: null, requiresPoliceReport: true } }, 'requiresPoliceReport'],
      [shelterAdmin, 'POST', api(ngo, '/services'), { ...serviceBody(service.organizationId), kinds: ['police_cooperation'] }, 'kinds'],
      [shelterAdmin, 'POST', api(ngo, '/directory/import'), {
        version: '3.0',
        organizations: [{ id: randomUUID(), name: 'Conditional NGO', description: 'x', services: [{ id: randomUUID(), name: 'Bed', status: 'active', requires_police_statement: true }] }],
      }, 'requires_police_statement'],
    ];
    for (const [agent, method, url, body, field] of attempts) {
      const response = await agent.request(method, url, body);
      assert.equal(response.statusCode, 400, `${field}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      const issues: { path: string; message: string }[] = response.json().error.details.issues;
      assert.ok(issues.some((issue) => `${issue.path} ${issue.message}`.includes(field)), `${field} named in ${JSON.stringify(issues)}`);
    }
    assert.equal(await count(), before, 'nothing written');
  });

  test('no request schema of protect and assist has a field, or a value, about cooperating with the authorities', () => {
    const routes = t.app.routeTable.filter((route) => PROTECTION_ROUTES.test(route.url));
    assert.ok(routes.length >= 30, `${routes.length} routes checked`);
    const offending: string[] = [];
    const everything = new Set<string>();
    for (const route of routes) {
      for (const part of ['body', 'querystring'] as const) {
        const schema = route.schema?.[part];
        if (!schema) continue;
        for (const word of vocabulary(z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }))) {
          everything.add(word);
          if (CONDITIONALITY.test(word)) offending.push(`${route.method} ${route.url} ${part}: ${word}`);
        }
      }
    }
    assert.deepEqual(offending, []);
    for (const word of ['survivorWords', 'fieldGroups', 'shelter', 'justice_compensation', 'eligibility', 'justification']) assert.ok(everything.has(word), `the check sees ${word}`);
  });
});
