import { randomUUID } from 'node:crypto';
import { SERVICE_KIND_TERMS } from '../../core/protection/service-taxonomy.ts';
import { caseInState } from '../support/case-states.ts';
import type { TTestApp } from '../support/test-app.ts';
import { unique } from '../support/test-app.ts';
import { providerWithService, serviceBody } from '../../server/modules/services/directory-fixtures.test-support.ts';
import { CONSENT_ALL, consentedCase, referralBody, referralIn } from '../../server/modules/service-referrals/referral-fixtures.test-support.ts';
import { changePlanSettings, savePlanVersion } from '../../server/modules/plans/plans.service.ts';
import { openClaim, recordMoneyEntry } from '../../server/modules/remedies/remedies.service.ts';
import { writeHsdsCsvPackage } from '../../server/modules/services/hsds/hsds-csv-package.ts';
import type { THsdsDirectory } from '../../server/modules/services/hsds/hsds.schemas.ts';
import type { TSample } from './types.ts';

const base = (orgId: string) => `/api/organisations/${orgId}`;
const caseUrl = (orgId: string, caseId: string, path: string) => `${base(orgId)}/cases/${caseId}${path}`;
const draftCase = async (t: TTestApp, orgId: string) => (await caseInState(t, orgId, 'draft')).caseId;

export const PLAN_BODY = {
  expectedVersion: 0,
  chosenDomains: ['housing', 'health'],
  needsAssessment: { assessedOn: '2026-01-10', needs: [{ domain: 'housing', level: 'urgent', note: null }], summary: null },
  goals: [{ domain: 'housing', survivorWords: 'I want a place of my own near my sister', description: null, owner: { kind: 'shared', userId: null }, reviewOn: '2026-03-01', status: 'in_progress' }],
  changeNote: null,
};

async function claimIn(t: TTestApp, orgId: string, state: 'preparing' | 'filed' | 'awarded'): Promise<string> {
  const caseId = await draftCase(t, orgId);
  return t.asSystem(async (ctx) => {
    const claimId = await openClaim(ctx, orgId, caseId, { kind: 'state_fund', forum: null, currency: 'EUR', amountClaimed: '5000.00', unpaidWagesClaimed: null, status: state === 'preparing' ? 'preparing' : 'filed', filedOn: state === 'preparing' ? null : '2026-01-05' });
    if (state === 'awarded') await recordMoneyEntry(ctx, orgId, claimId, 'award', { amount: '3000', currency: 'EUR', payer: 'state_fund', occurredOn: '2026-02-01' });
    return claimId;
  });
}

function hsdsDocument() {
  const organizationId = randomUUID();
  const serviceId = randomUUID();
  return {
    version: '3.0',
    organizations: [{
      id: organizationId, name: unique('Imported NGO'), description: 'Imported provider',
      services: [{ id: serviceId, name: 'Legal clinic', status: 'active', attributes: [{ id: randomUUID(), link_id: serviceId, link_entity: 'service', taxonomy_term_id: SERVICE_KIND_TERMS.legal_aid.id }] }],
      locations: [],
    }],
  };
}

export const PROTECTION_SAMPLES: Record<string, TSample> = {
  // service directory
  'GET /api/organisations/:orgId/services': { build: async ({ orgId }) => ({ url: `${base(orgId)}/services?kind=shelter` }) },
  'GET /api/organisations/:orgId/services/:serviceId': { build: async ({ t, orgId }) => ({ url: `${base(orgId)}/services/${(await providerWithService(t, orgId)).serviceId}` }) },
  'POST /api/organisations/:orgId/services': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/services`, body: serviceBody((await providerWithService(t, orgId)).organizationId) }),
  },
  'PUT /api/organisations/:orgId/services/:serviceId': {
    build: async ({ t, orgId }) => {
      const provider = await providerWithService(t, orgId);
      return { url: `${base(orgId)}/services/${provider.serviceId}`, body: { ...serviceBody(provider.organizationId), expectedVersion: 1 } };
    },
  },
  'PUT /api/organisations/:orgId/services/:serviceId/capacity': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/services/${(await providerWithService(t, orgId)).serviceId}/capacity`, body: { maximum: 10, available: 0 } }),
  },
  'POST /api/organisations/:orgId/services/:serviceId/locations': {
    build: async ({ t, orgId }) => {
      const first = await providerWithService(t, orgId);
      const second = await providerWithService(t, orgId);
      return { url: `${base(orgId)}/services/${first.serviceId}/locations`, body: { locationId: second.locationId, description: null } };
    },
  },
  'GET /api/organisations/:orgId/directory': { build: async ({ orgId }) => ({ url: `${base(orgId)}/directory` }) },
  'POST /api/organisations/:orgId/directory/organizations': {
    build: async ({ orgId }) => ({ url: `${base(orgId)}/directory/organizations`, body: { name: unique('Provider'), description: 'Shelter network' } }),
  },
  'POST /api/organisations/:orgId/directory/locations': {
    build: async ({ t, orgId }) => ({
      url: `${base(orgId)}/directory/locations`,
      body: { organizationId: (await providerWithService(t, orgId)).organizationId, locationType: 'virtual', isConfidential: false, name: 'Helpline', languages: ['en'] },
    }),
  },
  'GET /api/organisations/:orgId/directory/export': { build: async ({ orgId }) => ({ url: `${base(orgId)}/directory/export?scope=all` }) },
  'POST /api/organisations/:orgId/directory/import': { build: async ({ orgId }) => ({ url: `${base(orgId)}/directory/import`, body: hsdsDocument() }) },

  // consent and referrals
  'GET /api/organisations/:orgId/cases/:caseId/service-consents': { build: async ({ t, orgId }) => ({ url: caseUrl(orgId, await draftCase(t, orgId), '/service-consents') }) },
  'POST /api/organisations/:orgId/cases/:caseId/service-consents': {
    build: async ({ t, orgId }) => ({ url: caseUrl(orgId, await draftCase(t, orgId), '/service-consents'), body: { ...CONSENT_ALL, receivingOrgId: await t.createOrganisation() } }),
  },
  'POST /api/organisations/:orgId/cases/:caseId/service-consents/:consentId/withdrawal': {
    build: async ({ t, orgId }) => {
      const { caseId } = await consentedCase(t, orgId, await t.createOrganisation());
      const consent = await t.database.db.selectFrom('serviceConsents').select('id').where('caseId', '=', caseId).executeTakeFirstOrThrow();
      return { url: caseUrl(orgId, caseId, `/service-consents/${consent.id}/withdrawal`), body: {} };
    },
  },
  'POST /api/organisations/:orgId/cases/:caseId/service-referrals': {
    build: async ({ t, orgId }) => {
      const fixture = await consentedCase(t, orgId, await t.createOrganisation());
      return { url: caseUrl(orgId, fixture.caseId, '/service-referrals'), body: referralBody(fixture.serviceId) };
    },
  },
  'POST /api/organisations/:orgId/cases/:caseId/service-referrals/emergency': {
    build: async ({ t, orgId }) => {
      const caseId = await draftCase(t, orgId);
      const provider = await providerWithService(t, await t.createOrganisation());
      return { url: caseUrl(orgId, caseId, '/service-referrals/emergency'), body: { ...referralBody(provider.serviceId, ['identity_basic']), justification: 'Person at immediate risk tonight; consent cannot be taken safely.' } };
    },
  },
  'GET /api/organisations/:orgId/service-referrals': { build: async ({ orgId }) => ({ url: `${base(orgId)}/service-referrals?box=action_needed` }) },
  'GET /api/organisations/:orgId/service-referrals/:referralId': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/service-referrals/${(await referralIn(t, await t.createOrganisation(), orgId)).referralId}` }),
  },
  'POST /api/organisations/:orgId/service-referrals/:referralId/accept': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/service-referrals/${(await referralIn(t, await t.createOrganisation(), orgId)).referralId}/accept`, body: { expectedVersion: 1 } }),
  },
  'POST /api/organisations/:orgId/service-referrals/:referralId/decline': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/service-referrals/${(await referralIn(t, await t.createOrganisation(), orgId)).referralId}/decline`, body: { reason: 'no_capacity', expectedVersion: 1 } }),
  },
  'POST /api/organisations/:orgId/service-referrals/:referralId/complete': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/service-referrals/${(await referralIn(t, await t.createOrganisation(), orgId, 'accepted')).referralId}/complete`, body: { expectedVersion: 2 } }),
  },
  'POST /api/organisations/:orgId/service-referrals/:referralId/revoke': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/service-referrals/${(await referralIn(t, orgId, await t.createOrganisation())).referralId}/revoke`, body: { expectedVersion: 1 } }),
  },
  'POST /api/organisations/:orgId/service-referrals/:referralId/deliveries': {
    build: async ({ t, orgId }) => ({
      url: `${base(orgId)}/service-referrals/${(await referralIn(t, await t.createOrganisation(), orgId, 'accepted')).referralId}/deliveries`,
      body: { serviceKind: 'shelter', deliveredOn: '2026-01-12', quantity: 7, unit: 'night', language: 'ro', interpreterUsed: false },
    }),
  },
  'GET /api/organisations/:orgId/cases/:caseId/deliveries': { build: async ({ t, orgId }) => ({ url: caseUrl(orgId, await draftCase(t, orgId), '/deliveries') }) },
  'POST /api/organisations/:orgId/cases/:caseId/deliveries': {
    build: async ({ t, orgId }) => ({
      url: caseUrl(orgId, await draftCase(t, orgId), '/deliveries'),
      body: { serviceKind: 'psychological', deliveredOn: '2026-01-12', quantity: 1, unit: 'session', language: 'en', interpreterUsed: true },
    }),
  },

  // plans
  'GET /api/organisations/:orgId/plan-settings': { build: async ({ orgId }) => ({ url: `${base(orgId)}/plan-settings` }) },
  'PUT /api/organisations/:orgId/plan-settings': { build: async ({ orgId }) => ({ url: `${base(orgId)}/plan-settings`, body: { requiresApproval: false } }) },
  'GET /api/organisations/:orgId/plan-goal-owners': { build: async ({ orgId }) => ({ url: `${base(orgId)}/plan-goal-owners` }) },
  'GET /api/organisations/:orgId/cases/:caseId/plan': { build: async ({ t, orgId }) => ({ url: caseUrl(orgId, await draftCase(t, orgId), '/plan') }) },
  'PUT /api/organisations/:orgId/cases/:caseId/plan': { build: async ({ t, orgId }) => ({ url: caseUrl(orgId, await draftCase(t, orgId), '/plan'), body: PLAN_BODY }) },
  'GET /api/organisations/:orgId/cases/:caseId/plan/versions': { build: async ({ t, orgId }) => ({ url: caseUrl(orgId, await draftCase(t, orgId), '/plan/versions') }) },
  'POST /api/organisations/:orgId/cases/:caseId/plan/versions/:version/review': {
    build: async ({ t, orgId }) => {
      const caseId = await draftCase(t, orgId);
      await t.asSystem(async (ctx) => {
        await changePlanSettings(ctx, orgId, { requiresApproval: true });
        await savePlanVersion(ctx, orgId, caseId, PLAN_BODY as never);
      });
      return { url: caseUrl(orgId, caseId, '/plan/versions/1/review'), body: { decision: 'approved' } };
    },
  },

  // remedies
  'GET /api/organisations/:orgId/cases/:caseId/remedies': { build: async ({ t, orgId }) => ({ url: caseUrl(orgId, await draftCase(t, orgId), '/remedies') }) },
  'POST /api/organisations/:orgId/cases/:caseId/remedies': {
    build: async ({ t, orgId }) => ({ url: caseUrl(orgId, await draftCase(t, orgId), '/remedies'), body: { kind: 'employment', currency: 'GBP', amountClaimed: '8400.00', unpaidWagesClaimed: '8400.00' } }),
  },
  'POST /api/organisations/:orgId/remedies/:claimId/status': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/remedies/${await claimIn(t, orgId, 'preparing')}/status`, body: { status: 'filed', filedOn: '2026-01-20', expectedVersion: 1 } }),
  },
  'POST /api/organisations/:orgId/remedies/:claimId/awards': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/remedies/${await claimIn(t, orgId, 'filed')}/awards`, body: { amount: '2500.50', currency: 'EUR', payer: 'offender', occurredOn: '2026-03-01' } }),
  },
  'POST /api/organisations/:orgId/remedies/:claimId/payments': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/remedies/${await claimIn(t, orgId, 'awarded')}/payments`, body: { amount: '1000', currency: 'EUR', payer: 'state_fund', occurredOn: '2026-04-01' } }),
  },
  // service directory: HSDS tabular (CSV) package
  'GET /api/organisations/:orgId/directory/export/csv': { build: async ({ orgId }) => ({ url: `${base(orgId)}/directory/export/csv?scope=all` }) },
  'POST /api/organisations/:orgId/directory/import/csv': {
    build: async ({ orgId }) => ({
      url: `${base(orgId)}/directory/import/csv`,
      body: { zipBase64: Buffer.from(await writeHsdsCsvPackage(hsdsDocument() as THsdsDirectory)).toString('base64') },
    }),
  },
};
