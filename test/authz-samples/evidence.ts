import { importCtdcFile } from '../../server/modules/datasets/datasets.service.ts';
import { sliceText } from '../../server/modules/datasets/ctdc-upload.ts';
import { uniqueSmallCtdcCsv } from '../../server/modules/datasets/ctdc-fixtures.test-support.ts';
import type { TTestApp } from '../support/test-app.ts';
import type { TSample } from './types.ts';

const imports = (orgId: string) => `/api/organisations/${orgId}/datasets/ctdc-imports`;

/** A stored import run in the organisation (a fresh file each time: the importer refuses copies). */
async function importRun(t: TTestApp, orgId: string, isDryRun: boolean): Promise<string> {
  const run = await importCtdcFile((work) => t.asSystem(work), t.clock.now, orgId, {
    fileName: 'sample.csv', chunks: sliceText(uniqueSmallCtdcCsv()), isDryRun, isPartialAllowed: false,
  });
  return run.id;
}

export const EVIDENCE_SAMPLES: Record<string, TSample> = {
  'POST /api/organisations/:orgId/datasets/ctdc-imports': {
    build: async ({ orgId }) => ({ url: imports(orgId), body: { fileName: 'sample.csv', csv: uniqueSmallCtdcCsv() } }),
  },
  'GET /api/organisations/:orgId/datasets/ctdc-imports': { build: async ({ orgId }) => ({ url: imports(orgId) }) },
  'GET /api/organisations/:orgId/datasets/ctdc-imports/:runId': {
    build: async ({ t, orgId }) => ({ url: `${imports(orgId)}/${await importRun(t, orgId, true)}` }),
  },
  'DELETE /api/organisations/:orgId/datasets/ctdc-imports/:runId': {
    build: async ({ t, orgId }) => ({ url: `${imports(orgId)}/${await importRun(t, orgId, false)}` }),
  },
  'GET /api/organisations/:orgId/stats/metrics': { build: async ({ orgId }) => ({ url: `/api/organisations/${orgId}/stats/metrics` }) },
  'POST /api/organisations/:orgId/stats/query': {
    build: async ({ orgId }) => ({ url: `/api/organisations/${orgId}/stats/query`, body: { metric: 'ctdc.victims', dimensions: ['sex'], filters: { year: ['2019', null] } } }),
  },
};
