import type { TRole } from '../../core/authz/permissions.ts';
import type { TActor } from '../../server/context.ts';
import { importCtdcFile } from '../../server/modules/datasets/datasets.service.ts';
import { sliceText } from '../../server/modules/datasets/ctdc-upload.ts';
import { uniqueSmallCtdcCsv } from '../../server/modules/datasets/ctdc-fixtures.test-support.ts';
import { insertRelease } from '../../server/modules/releases/releases.repo.ts';
import { computeRelease } from '../../server/modules/releases/use-cases/prepare-release.ts';
import type { TTableProtector } from '../../server/modules/stats/table-protector.ts';
import type { TTestApp } from '../support/test-app.ts';
import type { TSample } from './types.ts';

const base = (orgId: string) => `/api/organisations/${orgId}`;

async function storedRun(t: TTestApp, orgId: string): Promise<string> {
  const run = await importCtdcFile((work) => t.asSystem(work), t.clock.now, orgId, { fileName: 'sample.csv', chunks: sliceText(uniqueSmallCtdcCsv(12)), isDryRun: false, isPartialAllowed: false });
  return run.id;
}

const preparers = new Map<string, { userId: string; runId: string }>();

/** Rounding needs no suppression worker; a sample never reaches it. */
const NO_PROTECTOR: TTableProtector = {
  suppress: () => Promise.reject(new Error('samples prepare rounded releases')),
  close: () => Promise.resolve(),
};

/** A fresh draft (rounded tables) prepared by the organisation's sample analyst. */
async function draftRelease(t: TTestApp, orgId: string): Promise<string> {
  let preparer = preparers.get(orgId);
  if (!preparer) {
    preparer = { userId: (await t.addUser(orgId, 'analyst')).userId, runId: await storedRun(t, orgId) };
    preparers.set(orgId, preparer);
  }
  const actor: TActor = { type: 'user', userId: preparer.userId, email: 'sample@example.test', displayName: 'Sample', isPlatformAdmin: false, roles: new Map([[orgId, 'analyst']]), sessionId: 'sample' };
  const { tableCount: _, ...prepared } = await computeRelease(t.database.db, NO_PROTECTOR, actor, orgId, {
    kind: 'tables', title: 'Sample release', language: 'en', datasets: [preparer.runId],
    tables: [{ metric: 'ctdc.victims', dimensions: ['sex'], filters: {} }], disclosure: { method: 'rounding', base: 5 },
  });
  const { userId } = preparer;
  return t.asSystem((ctx) => insertRelease(ctx.db, { ...prepared, orgId, preparedBy: userId, preparedAt: ctx.now() }));
}

/** Draft previews: approvers (admin, coordinator) yes; other holders of stats.read (not the preparer) no. */
const draftPreview = (role: TRole, scope: 'own' | 'other') => (scope === 'own' && (role === 'analyst' || role === 'national_coordinator') ? 403 : undefined);

export const RELEASES_SAMPLES: Record<string, TSample> = {
  'GET /api/organisations/:orgId/releases': { build: async ({ orgId }) => ({ url: `${base(orgId)}/releases` }) },
  'POST /api/organisations/:orgId/releases': {
    build: async ({ t, orgId }) => ({
      url: `${base(orgId)}/releases`,
      body: { kind: 'tables', title: 'Victims by sex', language: 'en', datasets: [await storedRun(t, orgId)], tables: [{ metric: 'ctdc.victims', dimensions: ['sex'] }], disclosure: { method: 'rounding', base: 5 } },
    }),
  },
  'GET /api/organisations/:orgId/releases/:releaseId': { build: async ({ t, orgId }) => ({ url: `${base(orgId)}/releases/${await draftRelease(t, orgId)}` }) },
  'POST /api/organisations/:orgId/releases/:releaseId/approve': { build: async ({ t, orgId }) => ({ url: `${base(orgId)}/releases/${await draftRelease(t, orgId)}/approve` }) },
  'POST /api/organisations/:orgId/releases/:releaseId/reject': { build: async ({ t, orgId }) => ({ url: `${base(orgId)}/releases/${await draftRelease(t, orgId)}/reject` }) },
  'GET /api/organisations/:orgId/releases/:releaseId/files/:format': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/releases/${await draftRelease(t, orgId)}/files/csv` }),
    expectForRole: draftPreview,
  },
  'GET /api/organisations/:orgId/privacy-budgets': { build: async ({ orgId }) => ({ url: `${base(orgId)}/privacy-budgets` }) },
  'PUT /api/organisations/:orgId/privacy-budgets/:runId': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/privacy-budgets/${await storedRun(t, orgId)}`, body: { totalEpsilon: '2', totalDelta: '0.00001' } }),
  },
};
