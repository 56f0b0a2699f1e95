import { activeMerge, finishedJob, pendingCandidate, personWithCase } from '../../server/modules/linkage/linkage-fixtures.test-support.ts';
import { waitForAllJobs } from '../../server/modules/linkage/use-cases/dedupe-job.ts';
import type { TSample } from './types.ts';

const base = (orgId: string) => `/api/organisations/${orgId}/linkage`;

/** Sample requests for the routes of de-duplication and privacy-preserving record linkage. */
export const LINKAGE_SAMPLES: Record<string, TSample> = {
  // one job at a time per organisation: each sample waits for the previous role's job
  'POST /api/organisations/:orgId/linkage/dedupe-jobs': { build: async ({ orgId }) => { await waitForAllJobs(); return { url: `${base(orgId)}/dedupe-jobs`, body: {} }; } },
  'GET /api/organisations/:orgId/linkage/dedupe-jobs': { build: async ({ orgId }) => ({ url: `${base(orgId)}/dedupe-jobs` }) },
  'GET /api/organisations/:orgId/linkage/dedupe-jobs/:jobId': { build: async ({ t, orgId }) => ({ url: `${base(orgId)}/dedupe-jobs/${await finishedJob(t, orgId)}` }) },
  'GET /api/organisations/:orgId/linkage/duplicate-candidates': { build: async ({ orgId }) => ({ url: `${base(orgId)}/duplicate-candidates?status=pending` }) },
  'GET /api/organisations/:orgId/linkage/duplicate-candidates/:candidateId': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/duplicate-candidates/${(await pendingCandidate(t, orgId)).candidateId}` }),
  },
  'POST /api/organisations/:orgId/linkage/duplicate-candidates/:candidateId/decision': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/duplicate-candidates/${(await pendingCandidate(t, orgId)).candidateId}/decision`, body: { decision: 'not_match' } }),
  },
  'POST /api/organisations/:orgId/linkage/duplicate-candidates/:candidateId/merge': {
    build: async ({ t, orgId }) => {
      const pair = await pendingCandidate(t, orgId);
      return { url: `${base(orgId)}/duplicate-candidates/${pair.candidateId}/merge`, body: { survivingPersonId: pair.secondPersonId } };
    },
  },
  'POST /api/organisations/:orgId/linkage/merges/:mergeId/unmerge': { build: async ({ t, orgId }) => ({ url: `${base(orgId)}/merges/${await activeMerge(t, orgId)}/unmerge`, body: {} }) },
  'POST /api/organisations/:orgId/persons/duplicate-check': {
    build: async ({ orgId }) => ({ url: `/api/organisations/${orgId}/persons/duplicate-check`, body: { identity: { givenName: 'Fixture', familyName: 'Person', dateOfBirth: '1990-01-02' }, sex: 'female', citizenship: 'RO' } }),
  },
  'POST /api/organisations/:orgId/persons/duplicate-check/decision': {
    build: async ({ t, orgId }) => {
      const registered = await personWithCase(t, orgId, { givenName: 'Fixture', familyName: 'Registered' });
      const matched = await personWithCase(t, orgId, { givenName: 'Fixture', familyName: 'Matched' });
      return { url: `/api/organisations/${orgId}/persons/duplicate-check/decision`, body: { decision: 'registered_anyway', caseId: registered.caseId, matchedPersonIds: [matched.personId] } };
    },
  },
  'GET /api/organisations/:orgId/linkage/unique-persons': { build: async ({ orgId }) => ({ url: `${base(orgId)}/unique-persons` }) },
};
