import type { TSample } from './types.ts';

const CSV = 'country,year,sex,age_group,population\nIT,2020,total,total,59641488\n';

/** Sample requests for the routes of population denominators (deployment-wide, not organisation-scoped). */
export const POPULATIONS_SAMPLES: Record<string, TSample> = {
  // A dry run: valid for every permitted actor, writes nothing, so repeated calls answer alike.
  'POST /api/populations/imports': { build: async () => ({ url: '/api/populations/imports', body: { fileName: 'population.csv', csv: CSV, dryRun: true } }) },
  'GET /api/populations': { build: async () => ({ url: '/api/populations?country=it&year=2020' }) },
  'GET /api/populations/imports': { build: async () => ({ url: '/api/populations/imports' }) },
};
