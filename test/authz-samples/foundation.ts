import { TEST_PASSWORD, unique } from '../support/test-app.ts';
import type { TSample } from './types.ts';

export const FOUNDATION_SAMPLES: Record<string, TSample> = {
  'GET /api/health': { build: async () => ({ url: '/api/health' }), publicStatus: 200 },
  'GET /api/openapi.json': { build: async () => ({ url: '/api/openapi.json' }), publicStatus: 200 },
  'GET /api/docs': { build: async () => ({ url: '/api/docs' }), publicStatus: 200 },
  'GET /api/setup': { build: async () => ({ url: '/api/setup' }), publicStatus: 200 },
  'POST /api/setup': {
    build: async () => ({ url: '/api/setup', body: { setupToken: 'x', organisation: { name: unique('Org'), kind: 'ngo' }, admin: { email: `${unique('s')}@example.test`, displayName: 'S', password: TEST_PASSWORD } } }),
    publicStatus: 409,
  },
  'POST /api/auth/login': {
    build: async ({ t, orgId, actor }) => {
      const user = actor ?? (await t.addUser(orgId, 'analyst'));
      return { url: '/api/auth/login', body: { email: user.email, password: user.password } };
    },
    publicStatus: 200,
  },
  'POST /api/auth/logout': { build: async () => ({ url: '/api/auth/logout', body: {} }) },
  'GET /api/auth/me': { build: async () => ({ url: '/api/auth/me' }) },
  'POST /api/auth/password': { build: async () => ({ url: '/api/auth/password', body: { currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase' } }) },
  'GET /api/roles': { build: async () => ({ url: '/api/roles' }) },
  'GET /api/organisations': { build: async () => ({ url: '/api/organisations' }) },
  'POST /api/organisations': { build: async () => ({ url: '/api/organisations', body: { name: unique('Org'), kind: 'ngo' } }) },
  'GET /api/organisations/:orgId': { build: async ({ orgId }) => ({ url: `/api/organisations/${orgId}` }) },
  'GET /api/organisations/:orgId/members': { build: async ({ orgId }) => ({ url: `/api/organisations/${orgId}/members` }) },
  'POST /api/organisations/:orgId/members': {
    build: async ({ orgId }) => ({ url: `/api/organisations/${orgId}/members`, body: { email: `${unique('m')}@example.test`, displayName: 'M', password: TEST_PASSWORD, role: 'analyst' } }),
  },
  'PATCH /api/organisations/:orgId/members/:userId': {
    build: async ({ t, orgId }) => ({ url: `/api/organisations/${orgId}/members/${(await t.addUser(orgId, 'analyst')).userId}`, body: { role: 'auditor' } }),
  },
  'DELETE /api/organisations/:orgId/members/:userId': {
    build: async ({ t, orgId }) => ({ url: `/api/organisations/${orgId}/members/${(await t.addUser(orgId, 'analyst')).userId}` }),
  },
  'GET /api/organisations/:orgId/audit-events': { build: async ({ orgId }) => ({ url: `/api/organisations/${orgId}/audit-events` }) },
  'GET /api/organisations/:orgId/audit-verification': { build: async ({ orgId }) => ({ url: `/api/organisations/${orgId}/audit-verification` }) },
  // On PostgreSQL a permitted request answers 422 USE_PG_DUMP: backups there are pg_dump's job.
  'GET /api/admin/backup': { build: async () => ({ url: '/api/admin/backup' }), okStatus: process.env.DATABASE_URL ? 422 : 'ok' },
};
