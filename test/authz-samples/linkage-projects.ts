import { encodeRecords, exportEncodings } from '../../core/linkage/index.ts';
import { personWithCase } from '../../server/modules/linkage/linkage-fixtures.test-support.ts';
import { FIXTURE_SECRET, projectAt } from '../../server/modules/linkage-projects/linkage-projects-fixtures.test-support.ts';
import type { TSample } from './types.ts';

const base = (orgId: string) => `/api/organisations/${orgId}/linkage-projects`;
const EXTERNAL_FILE = () => exportEncodings(encodeRecords([{ recordId: 'e1', givenName: 'Ion', surname: 'Rusu', dateOfBirth: '1991-03-04', sex: 'M', citizenship: 'MD', documentNumber: null, phone: null }], FIXTURE_SECRET).set);

/** Sample requests for the routes of cross-organisation linkage projects. */
export const LINKAGE_PROJECTS_SAMPLES: Record<string, TSample> = {
  'GET /api/organisations/:orgId/linkage-project-partners': { build: async ({ orgId }) => ({ url: `/api/organisations/${orgId}/linkage-project-partners` }) },
  'GET /api/organisations/:orgId/linkage-projects': { build: async ({ orgId }) => ({ url: base(orgId) }) },
  'POST /api/organisations/:orgId/linkage-projects': {
    build: async ({ t, orgId }) => ({ url: base(orgId), body: { name: 'Sample project', invitedOrgIds: [await t.createOrganisation()], externalParties: [] } }),
  },
  'GET /api/organisations/:orgId/linkage-projects/:projectId': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/${(await projectAt(t, orgId, await t.createOrganisation(), 'invited')).projectId}` }),
  },
  // the organisation in the path is the invited one
  'POST /api/organisations/:orgId/linkage-projects/:projectId/accept': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/${(await projectAt(t, await t.createOrganisation(), orgId, 'invited')).projectId}/accept` }),
  },
  'POST /api/organisations/:orgId/linkage-projects/:projectId/decline': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/${(await projectAt(t, await t.createOrganisation(), orgId, 'invited')).projectId}/decline` }),
  },
  'POST /api/organisations/:orgId/linkage-projects/:projectId/cancel': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/${(await projectAt(t, orgId, await t.createOrganisation(), 'invited')).projectId}/cancel` }),
  },
  'POST /api/organisations/:orgId/linkage-projects/:projectId/submission': {
    build: async ({ t, orgId }) => {
      await personWithCase(t, orgId);
      return { url: `${base(orgId)}/${(await projectAt(t, orgId, await t.createOrganisation(), 'accepted')).projectId}/submission`, body: { secret: FIXTURE_SECRET } };
    },
  },
  'POST /api/organisations/:orgId/linkage-projects/:projectId/parties/:partyId/encodings': {
    build: async ({ t, orgId }) => {
      const { projectId, externalPartyId } = await projectAt(t, orgId, await t.createOrganisation(), 'accepted');
      return { url: `${base(orgId)}/${projectId}/parties/${externalPartyId}/encodings`, body: { encodings: EXTERNAL_FILE() } };
    },
  },
  'POST /api/organisations/:orgId/linkage-projects/:projectId/match': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/${(await projectAt(t, orgId, await t.createOrganisation(), 'submitted')).projectId}/match` }),
  },
  'GET /api/organisations/:orgId/linkage-projects/:projectId/result': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/${(await projectAt(t, orgId, await t.createOrganisation(), 'matched')).projectId}/result` }),
  },
  'GET /api/organisations/:orgId/linkage-projects/:projectId/statistics': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/${(await projectAt(t, orgId, await t.createOrganisation(), 'matched')).projectId}/statistics` }),
  },
  'GET /api/organisations/:orgId/linkage-projects/:projectId/parties/:partyId/result': {
    build: async ({ t, orgId }) => {
      const { projectId, externalPartyId } = await projectAt(t, orgId, await t.createOrganisation(), 'matched');
      return { url: `${base(orgId)}/${projectId}/parties/${externalPartyId}/result` };
    },
  },
};
