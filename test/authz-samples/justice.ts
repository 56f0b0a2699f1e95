import { ROLE_PERMISSIONS } from '../../core/authz/permissions.ts';
import type { TTestApp } from '../support/test-app.ts';
import { unique } from '../support/test-app.ts';
import { openInvestigation, addSuspect, fileCharge, createOperation } from '../../server/modules/justice/justice.service.ts';
import type { TSample } from './types.ts';

const INVESTIGATION = { operationId: null, agency: 'Unit', openedOn: '2025-01-10', exploitationForms: ['labour'], techniques: [], countriesInvolved: [], jointInvestigationTeam: false } as const;

async function investigationIn(t: TTestApp, orgId: string): Promise<string> {
  return t.asSystem((ctx) => openInvestigation(ctx, orgId, { ...INVESTIGATION, techniques: [], countriesInvolved: [], exploitationForms: ['labour'] }));
}

async function suspectIn(t: TTestApp, orgId: string): Promise<{ investigationId: string; suspectId: string }> {
  const investigationId = await investigationIn(t, orgId);
  await t.asSystem((ctx) => addSuspect(ctx, orgId, investigationId, { identity: { givenName: 'S' }, role: 'other', sex: 'male', ageBand: null, citizenship: null, identifiedOn: '2025-01-11' }));
  const suspect = await t.database.db.selectFrom('suspects').select('id').where('investigationId', '=', investigationId).executeTakeFirstOrThrow();
  return { investigationId, suspectId: suspect.id };
}

const base = (orgId: string) => `/api/organisations/${orgId}`;

export const JUSTICE_SAMPLES: Record<string, TSample> = {
  'POST /api/organisations/:orgId/operations': { build: async ({ orgId }) => ({ url: `${base(orgId)}/operations`, body: { codeName: unique('OP'), countries: ['GB'], openedOn: '2025-01-01' } }) },
  'GET /api/organisations/:orgId/operations': { build: async ({ orgId }) => ({ url: `${base(orgId)}/operations` }) },
  'POST /api/organisations/:orgId/operations/:operationId/shares': {
    build: async ({ t, orgId }) => {
      const operationId = await t.asSystem((ctx) => createOperation(ctx, orgId, { codeName: unique('OP'), countries: [], openedOn: '2025-01-01' }));
      return { url: `${base(orgId)}/operations/${operationId}/shares`, body: { organisationId: await t.createOrganisation() } };
    },
  },
  'GET /api/organisations/:orgId/investigations': { build: async ({ orgId }) => ({ url: `${base(orgId)}/investigations` }) },
  'POST /api/organisations/:orgId/investigations': { build: async ({ orgId }) => ({ url: `${base(orgId)}/investigations`, body: INVESTIGATION }) },
  'GET /api/organisations/:orgId/investigations/:investigationId': { build: async ({ t, orgId }) => ({ url: `${base(orgId)}/investigations/${await investigationIn(t, orgId)}` }) },
  'GET /api/organisations/:orgId/justice/funnel': { build: async ({ orgId }) => ({ url: `${base(orgId)}/justice/funnel?mode=period&groupBy=sex` }) },
  'POST /api/organisations/:orgId/investigations/:investigationId/status': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/investigations/${await investigationIn(t, orgId)}/status`, body: { status: 'suspended', closedOn: null, expectedVersion: 1 } }),
  },
  'POST /api/organisations/:orgId/investigations/:investigationId/cooperation-requests': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/investigations/${await investigationIn(t, orgId)}/cooperation-requests`, body: { kind: 'mutual_legal_assistance', country: 'RO', sentOn: '2025-02-01', status: 'pending', respondedOn: null } }),
  },
  'POST /api/organisations/:orgId/investigations/:investigationId/suspects': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/investigations/${await investigationIn(t, orgId)}/suspects`, body: { identity: { givenName: 'X' }, role: 'recruiter', sex: 'female', ageBand: null, citizenship: null, identifiedOn: '2025-01-12' } }),
  },
  'POST /api/organisations/:orgId/investigations/:investigationId/confiscations': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/investigations/${await investigationIn(t, orgId)}/confiscations`, body: { suspectId: null, kind: 'freeze', amount: 1500.5, currency: 'EUR', orderedOn: '2025-03-01' } }),
  },
  'POST /api/organisations/:orgId/investigations/:investigationId/victim-links': {
    build: async ({ t, orgId }) => {
      const { caseInState } = await import('../support/case-states.ts');
      const victim = await caseInState(t, orgId, 'draft');
      return { url: `${base(orgId)}/investigations/${await investigationIn(t, orgId)}/victim-links`, body: { caseOrgId: orgId, caseId: victim.caseId, role: 'victim', supportContact: 'x', participation: 'none' } };
    },
    // Linking needs sight of the victim's case too: investigators without case.read do not see it.
    expectForRole: (role, scope) => (scope === 'own' && ROLE_PERMISSIONS[role].includes('investigation.manage') && !ROLE_PERMISSIONS[role].includes('case.read') ? 404 : undefined),
  },
  'POST /api/organisations/:orgId/suspects/:suspectId/charges': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/suspects/${(await suspectIn(t, orgId)).suspectId}/charges`, body: { offenceCategory: 'trafficking', offenceCode: 'T', chargedOn: '2025-02-01' } }),
  },
  'POST /api/organisations/:orgId/suspects/:suspectId/prosecutions': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/suspects/${(await suspectIn(t, orgId)).suspectId}/prosecutions`, body: { court: 'C', startedOn: '2025-02-01' } }),
  },
  'POST /api/organisations/:orgId/suspects/:suspectId/sentences': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/suspects/${(await suspectIn(t, orgId)).suspectId}/sentences`, body: { custodialMonths: 24, isSuspended: false, fineAmount: null, fineCurrency: null, otherMeasure: null, sentencedOn: '2025-09-01' } }),
  },
  'POST /api/organisations/:orgId/suspects/:suspectId/compensation-orders': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/suspects/${(await suspectIn(t, orgId)).suspectId}/compensation-orders`, body: { victimLinkId: null, amount: 2000, currency: 'GBP', orderedOn: '2025-09-01' } }),
  },
  'POST /api/organisations/:orgId/charges/:chargeId/decisions': {
    build: async ({ t, orgId }) => {
      const { suspectId } = await suspectIn(t, orgId);
      await t.asSystem((ctx) => fileCharge(ctx, orgId, suspectId, { offenceCategory: 'trafficking', offenceCode: 'T', chargedOn: '2025-02-01' }));
      const charge = await t.database.db.selectFrom('charges').select('id').where('suspectId', '=', suspectId).executeTakeFirstOrThrow();
      return { url: `${base(orgId)}/charges/${charge.id}/decisions`, body: { outcome: 'convicted', isAppeal: false, decidedOn: '2025-10-01' } };
    },
  },
};
