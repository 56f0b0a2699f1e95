import { caseInState } from '../support/case-states.ts';
import type { TTestApp } from '../support/test-app.ts';
import { closeCase } from '../../server/modules/cases/use-cases/end-case.ts';
import { placeLegalHold } from '../../server/modules/retention/retention.service.ts';
import { whenKeyRotationSettles } from '../../server/modules/key-management/key-rotations.ts';
import type { TSample } from './types.ts';

const base = (orgId: string) => `/api/organisations/${orgId}`;
const draft = async (t: TTestApp, orgId: string) => (await caseInState(t, orgId, 'draft')).caseId;

/** A closed case and its reference: what an erasure request needs. */
async function closedCase(t: TTestApp, orgId: string): Promise<{ caseId: string; reference: string }> {
  const { caseId, version } = await caseInState(t, orgId, 'draft');
  await t.asSystem((ctx) => closeCase(ctx, orgId, caseId, { reason: 'draft_discarded', expectedVersion: version }));
  const row = await t.database.db.selectFrom('cases').select('reference').where('id', '=', caseId).executeTakeFirstOrThrow();
  return { caseId, reference: row.reference };
}

/** Sample requests for the routes of retention, legal holds, erasure, identifying exports and key rotation. */
export const RETENTION_SAMPLES: Record<string, TSample> = {
  'GET /api/organisations/:orgId/retention-policy': { build: async ({ orgId }) => ({ url: `${base(orgId)}/retention-policy` }) },
  'PUT /api/organisations/:orgId/retention-policy': { build: async ({ orgId }) => ({ url: `${base(orgId)}/retention-policy`, body: { anonymiseAfterDays: 3650 } }) },
  'GET /api/organisations/:orgId/cases/:caseId/legal-hold': { build: async ({ t, orgId }) => ({ url: `${base(orgId)}/cases/${await draft(t, orgId)}/legal-hold` }) },
  'PUT /api/organisations/:orgId/cases/:caseId/legal-hold': { build: async ({ t, orgId }) => ({ url: `${base(orgId)}/cases/${await draft(t, orgId)}/legal-hold`, body: { reason: 'audit' } }) },
  'DELETE /api/organisations/:orgId/cases/:caseId/legal-hold': {
    build: async ({ t, orgId }) => {
      const caseId = await draft(t, orgId);
      await t.asSystem((ctx) => placeLegalHold(ctx, orgId, caseId, 'audit'));
      return { url: `${base(orgId)}/cases/${caseId}/legal-hold` };
    },
  },
  'GET /api/organisations/:orgId/key-rotations': { build: async ({ orgId }) => ({ url: `${base(orgId)}/key-rotations` }) },
  'POST /api/organisations/:orgId/key-rotations': {
    build: async ({ t, orgId }) => {
      // One rotation at a time per organisation: let an earlier role's rotation finish first.
      const running = await t.database.db.selectFrom('keyRotations').select('id').where('orgId', '=', orgId).where('status', '=', 'running').execute();
      for (const rotation of running) await whenKeyRotationSettles(rotation.id);
      return { url: `${base(orgId)}/key-rotations` };
    },
  },
  'POST /api/organisations/:orgId/exports/cases': { build: async ({ orgId }) => ({ url: `${base(orgId)}/exports/cases`, body: { password: 'a sample archive passphrase', purpose: 'other' } }) },
  'POST /api/organisations/:orgId/cases/:caseId/erasure': {
    build: async ({ t, orgId }) => {
      const { caseId, reference } = await closedCase(t, orgId);
      return { url: `${base(orgId)}/cases/${caseId}/erasure`, body: { confirmReference: reference } };
    },
  },
};
