import { randomUUID } from 'node:crypto';
import { COE_PROFILE } from '../../core/nrm/jurisdictions/index.ts';
import { adultCaseBody, FULL_CONSENT, strongAdultLabourScreening } from '../support/case-fixtures.ts';
import { caseInState } from '../support/case-states.ts';
import { unique, type TTestApp } from '../support/test-app.ts';
import { attachDocument } from '../../server/modules/documents/documents.service.ts';
import { savePlanVersion } from '../../server/modules/plans/plans.service.ts';
import { PLAN_BODY } from './protection.ts';
import type { TSample } from './types.ts';

const caseUrl = (orgId: string, caseId: string, path = '') => `/api/organisations/${orgId}/cases/${caseId}${path}`;
/** A draft case whose recovery plan has a first version (plan documents need a plan). */
async function caseWithPlan(t: TTestApp, orgId: string): Promise<string> {
  const { caseId } = await caseInState(t, orgId, 'draft');
  await t.asSystem((ctx) => savePlanVersion(ctx, orgId, caseId, PLAN_BODY as never));
  return caseId;
}
let profileVersion = 100;

export const NRM_SAMPLES: Record<string, TSample> = {
  'GET /api/screening-lists': { build: async () => ({ url: '/api/screening-lists' }) },
  'GET /api/jurisdiction-profiles': { build: async () => ({ url: '/api/jurisdiction-profiles' }) },
  'POST /api/jurisdiction-profiles': {
    build: async () => {
      profileVersion += 1;
      return { url: '/api/jurisdiction-profiles', body: { ...COE_PROFILE, id: `test-${profileVersion}`, version: `1.0.${profileVersion}` } };
    },
  },
  'GET /api/organisations/:orgId/nrm-settings': { build: async ({ orgId }) => ({ url: `/api/organisations/${orgId}/nrm-settings` }) },
  'PUT /api/organisations/:orgId/nrm-settings': { build: async ({ orgId }) => ({ url: `/api/organisations/${orgId}/nrm-settings`, body: { jurisdictionProfileId: 'coe' } }) },
  'POST /api/organisations/:orgId/cases': { build: async ({ orgId }) => ({ url: `/api/organisations/${orgId}/cases`, body: adultCaseBody() }) },
  'GET /api/organisations/:orgId/cases': { build: async ({ orgId }) => ({ url: `/api/organisations/${orgId}/cases` }) },
  'GET /api/organisations/:orgId/cases/:caseId': { build: async ({ t, orgId }) => ({ url: caseUrl(orgId, (await caseInState(t, orgId, 'draft')).caseId) }) },
  'GET /api/organisations/:orgId/cases/:caseId/timeline': { build: async ({ t, orgId }) => ({ url: caseUrl(orgId, (await caseInState(t, orgId, 'draft')).caseId, '/timeline') }) },
  'POST /api/organisations/:orgId/cases/:caseId/screenings': {
    build: async ({ t, orgId }) => ({ url: caseUrl(orgId, (await caseInState(t, orgId, 'draft')).caseId, '/screenings'), body: strongAdultLabourScreening() }),
  },
  'POST /api/organisations/:orgId/cases/:caseId/consent': {
    build: async ({ t, orgId }) => ({ url: caseUrl(orgId, (await caseInState(t, orgId, 'draft')).caseId, '/consent'), body: FULL_CONSENT }),
  },
  'POST /api/organisations/:orgId/cases/:caseId/referral': {
    build: async ({ t, orgId }) => {
      const fixture = await caseInState(t, orgId, 'consented');
      return { url: caseUrl(orgId, fixture.caseId, '/referral'), body: { expectedVersion: fixture.version } };
    },
  },
  'POST /api/organisations/:orgId/cases/:caseId/decisions': {
    build: async ({ t, orgId }) => {
      const fixture = await caseInState(t, orgId, 'referred');
      return { url: caseUrl(orgId, fixture.caseId, '/decisions'), body: { kind: 'RG', outcome: 'positive', reasons: ['r'], expectedVersion: fixture.version } };
    },
  },
  'POST /api/organisations/:orgId/cases/:caseId/reconsideration': {
    build: async ({ t, orgId }) => {
      const fixture = await caseInState(t, orgId, 'rg_negative');
      return { url: caseUrl(orgId, fixture.caseId, '/reconsideration'), body: { reasons: ['new evidence'], expectedVersion: fixture.version } };
    },
  },
  'POST /api/organisations/:orgId/cases/:caseId/withdrawal': {
    build: async ({ t, orgId }) => {
      const fixture = await caseInState(t, orgId, 'referred');
      return { url: caseUrl(orgId, fixture.caseId, '/withdrawal'), body: { expectedVersion: fixture.version } };
    },
  },
  'POST /api/organisations/:orgId/cases/:caseId/closure': {
    build: async ({ t, orgId }) => {
      const fixture = await caseInState(t, orgId, 'draft');
      return { url: caseUrl(orgId, fixture.caseId, '/closure'), body: { reason: 'draft_discarded', expectedVersion: fixture.version } };
    },
  },
  'PUT /api/organisations/:orgId/cases/:caseId/child-protection/lead': {
    build: async ({ t, orgId }) => {
      const lead = await t.addUser(orgId, 'child_protection');
      return { url: caseUrl(orgId, (await caseInState(t, orgId, 'draft')).caseId, '/child-protection/lead'), body: { userId: lead.userId } };
    },
  },
  'POST /api/organisations/:orgId/cases/:caseId/child-protection/age-assessment': {
    build: async ({ t, orgId }) => ({ url: caseUrl(orgId, (await caseInState(t, orgId, 'draft')).caseId, '/child-protection/age-assessment'), body: { outcome: 'adult' } }),
  },
  'PUT /api/organisations/:orgId/cases/:caseId/child-protection/guardian': {
    build: async ({ t, orgId }) => ({ url: caseUrl(orgId, (await caseInState(t, orgId, 'draft')).caseId, '/child-protection/guardian'), body: { kind: 'legal_guardian', guardianRef: 'G-1' } }),
  },
  'POST /api/organisations/:orgId/cases/:caseId/child-protection/best-interests-determination': {
    build: async ({ t, orgId }) => ({
      url: caseUrl(orgId, (await caseInState(t, orgId, 'draft')).caseId, '/child-protection/best-interests-determination'),
      body: { outcome: 'other_durable_solution', riskAndSecurityAssessmentDone: true },
    }),
  },
  'PUT /api/organisations/:orgId/cases/:caseId/protection': {
    build: async ({ t, orgId }) => ({
      url: caseUrl(orgId, (await caseInState(t, orgId, 'draft')).caseId, '/protection'),
      body: { nonPunishment: { offencesLinkedToExploitation: true, note: null }, residence: { status: 'applied', kind: null }, asylum: { status: 'none' }, internationalProtectionNeeds: null },
    }),
  },
  'POST /api/organisations/:orgId/cases/:caseId/documents': {
    build: async ({ t, orgId }) => ({ url: caseUrl(orgId, (await caseInState(t, orgId, 'draft')).caseId, '/documents'), body: { fileName: 'note.txt', contentType: 'text/plain', contentBase64: Buffer.from('note').toString('base64') } }),
  },
  'GET /api/organisations/:orgId/cases/:caseId/documents': { build: async ({ t, orgId }) => ({ url: caseUrl(orgId, (await caseInState(t, orgId, 'draft')).caseId, '/documents') }) },
  'GET /api/organisations/:orgId/cases/:caseId/documents/:documentId/content': {
    build: async ({ t, orgId }) => {
      const { caseId } = await caseInState(t, orgId, 'draft');
      const admin = await t.login(await t.addUser(orgId, 'admin'));
      const uploaded = await admin.request('POST', caseUrl(orgId, caseId, '/documents'), { fileName: 'note.txt', contentType: 'text/plain', contentBase64: Buffer.from('note').toString('base64') });
      return { url: caseUrl(orgId, caseId, `/documents/${uploaded.json().document.id}/content`) };
    },
  },
  'POST /api/organisations/:orgId/cases/:caseId/plan/documents': {
    build: async ({ t, orgId }) => ({ url: caseUrl(orgId, await caseWithPlan(t, orgId), '/plan/documents'), body: { fileName: 'tenancy.txt', contentType: 'text/plain', contentBase64: Buffer.from('tenancy').toString('base64') } }),
  },
  'GET /api/organisations/:orgId/cases/:caseId/plan/documents': { build: async ({ t, orgId }) => ({ url: caseUrl(orgId, await caseWithPlan(t, orgId), '/plan/documents') }) },
  'GET /api/organisations/:orgId/cases/:caseId/plan/documents/:documentId/content': {
    build: async ({ t, orgId }) => {
      const caseId = await caseWithPlan(t, orgId);
      const document = await t.asSystem((ctx) => attachDocument(ctx, orgId, caseId, 'plan', { fileName: 'tenancy.txt', contentType: 'text/plain', contentBase64: Buffer.from('tenancy').toString('base64') }));
      return { url: caseUrl(orgId, caseId, `/plan/documents/${document.id}/content`) };
    },
  },
  'GET /api/organisations/:orgId/deadlines': { build: async ({ orgId }) => ({ url: `/api/organisations/${orgId}/deadlines` }) },
  'POST /api/organisations/:orgId/anonymous-notifications': {
    build: async ({ orgId }) => ({
      url: `/api/organisations/${orgId}/anonymous-notifications`,
      body: { notifiedOn: '2026-01-05', sex: 'male', ageBand: '30--38', ageAtExploitation: 'adult', nationality: 'AL', exploitationTypes: ['labour'], exploitationLocation: 'in_country', locationRegion: 'GB' },
    }),
  },
  'GET /api/organisations/:orgId/referral-drafts': { build: async ({ orgId }) => ({ url: `/api/organisations/${orgId}/referral-drafts` }) },
  'PUT /api/organisations/:orgId/referral-drafts/:draftId': {
    build: async ({ orgId }) => ({ url: `/api/organisations/${orgId}/referral-drafts/${randomUUID()}`, body: { step: 1, data: { note: unique('draft') } } }),
  },
  'DELETE /api/organisations/:orgId/referral-drafts/:draftId': {
    build: async ({ t, orgId, actor }) => {
      const draftId = randomUUID();
      // The draft must be the actor's own; when the actor may not write drafts this PUT fails and the DELETE is refused the same way.
      if (actor) await (await t.login(actor)).request('PUT', `/api/organisations/${orgId}/referral-drafts/${draftId}`, { step: 0, data: {} });
      return { url: `/api/organisations/${orgId}/referral-drafts/${draftId}` };
    },
  },
};
