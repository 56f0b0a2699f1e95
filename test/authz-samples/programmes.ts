import { createNrmProgramme, createProgramme } from '../../server/modules/programmes/programmes.service.ts';
import { createIndicator } from '../../server/modules/programmes/use-cases/indicators.ts';
import { enterValue } from '../../server/modules/programmes/use-cases/manual-values.ts';
import { recordAssessment } from '../../server/modules/programmes/use-cases/needs-assessments.ts';
import type { TTestApp } from '../support/test-app.ts';
import { unique } from '../support/test-app.ts';
import type { TSample } from './types.ts';

const base = (orgId: string) => `/api/organisations/${orgId}/programmes`;
const EVIDENCE = { fileName: 'attendance.txt', contentType: 'text/plain', contentBase64: Buffer.from('25 officers trained').toString('base64') };

export const PROGRAMME_BODY = {
  kind: 'project', name: 'Shelter capacity project', startsOn: '2026-01-01', endsOn: '2026-12-31',
  goal: { code: 'G', title: 'More survivors safely housed' }, outcomes: [{ code: 'O1', title: 'Shelter places available', outputs: [{ code: 'O1.a', title: 'Staff trained' }] }],
};

/** A programme with one manual indicator on its first outcome. */
async function programmeIn(t: TTestApp, orgId: string) {
  return t.asSystem(async (ctx) => {
    const programmeId = await createProgramme(ctx, orgId, PROGRAMME_BODY as never);
    const outcome = await ctx.db.selectFrom('programmeNodes').select('id').where('programmeId', '=', programmeId).where('code', '=', 'O1').executeTakeFirstOrThrow();
    const indicatorId = await createIndicator(ctx, orgId, programmeId, {
      nodeId: outcome.id, code: 'O1.1', name: 'Staff trained', unit: 'number', direction: 'increase', frequency: 'year', disaggregations: [],
      baseline: null, baselinePeriod: null, definition: { kind: 'manual' }, definitionText: null, targets: [{ period: '2026', value: 20 }],
    });
    return { programmeId, outcomeId: outcome.id, indicatorId };
  });
}

/** A pending value (entered by the system, so any reviewer is someone else) with one evidence file. */
async function valueIn(t: TTestApp, orgId: string) {
  const programme = await programmeIn(t, orgId);
  return t.asSystem(async (ctx) => {
    const valueId = await enterValue(ctx, orgId, programme.programmeId, programme.indicatorId, { period: '2026', value: 25, basis: null, evidence: [EVIDENCE] });
    const evidence = await ctx.db.selectFrom('indicatorEvidence').select('id').where('valueId', '=', valueId).executeTakeFirstOrThrow();
    return { ...programme, valueId, evidenceId: evidence.id };
  });
}

const indicatorUrl = (orgId: string, p: { programmeId: string; indicatorId: string }) => `${base(orgId)}/${p.programmeId}/indicators/${p.indicatorId}`;

/** Sample requests for the routes of monitoring and evaluation: programmes, results frameworks, indicators, needs assessments, progress reports. */
export const PROGRAMMES_SAMPLES: Record<string, TSample> = {
  'PATCH /api/organisations/:orgId/programmes/:programmeId': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/${(await programmeIn(t, orgId)).programmeId}`, body: { expectedVersion: 1, name: unique('Renamed programme'), endsOn: '2027-06-30' } }),
  },
  'POST /api/organisations/:orgId/programmes/:programmeId/restore': {
    build: async ({ t, orgId }) => {
      const { programmeId } = await programmeIn(t, orgId);
      await t.database.db.updateTable('programmes').set({ archivedAt: t.clock.now() }).where('id', '=', programmeId).execute();
      return { url: `${base(orgId)}/${programmeId}/restore`, body: { expectedVersion: 1 } };
    },
  },
  'POST /api/organisations/:orgId/programmes/:programmeId/archive': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/${(await programmeIn(t, orgId)).programmeId}/archive`, body: { expectedVersion: 1 } }),
  },
  'PATCH /api/organisations/:orgId/programmes/:programmeId/nodes/:nodeId': {
    build: async ({ t, orgId }) => {
      const p = await programmeIn(t, orgId);
      return { url: `${base(orgId)}/${p.programmeId}/nodes/${p.outcomeId}`, body: { expectedVersion: 1, title: 'Shelter places available in every region', description: 'Beds for adults and children' } };
    },
  },
  'PATCH /api/organisations/:orgId/programmes/:programmeId/indicators/:indicatorId': {
    build: async ({ t, orgId }) => ({ url: indicatorUrl(orgId, await programmeIn(t, orgId)), body: { expectedVersion: 1, name: 'Shelter staff trained', definitionText: 'Staff who completed the 3-day course', baseline: 5, baselinePeriod: '2025' } }),
  },
  'PATCH /api/organisations/:orgId/programmes/:programmeId/needs-assessments/:assessmentId': {
    build: async ({ t, orgId }) => {
      const p = await programmeIn(t, orgId);
      const assessmentId = await t.asSystem((ctx) => recordAssessment(ctx, orgId, p.programmeId, {
        scope: 'region', area: 'North', assessedOn: '2026-02-01', findings: [{ category: 'awareness', severity: 'low', summary: 'Posters missing', outcomeIds: [] }],
      }));
      return {
        url: `${base(orgId)}/${p.programmeId}/needs-assessments/${assessmentId}`,
        body: { expectedVersion: 1, area: 'North-east', findings: [{ category: 'protection_gap', severity: 'high', summary: 'No shelter for men', outcomeIds: [p.outcomeId] }] },
      };
    },
  },
  'GET /api/organisations/:orgId/programmes': { build: async ({ orgId }) => ({ url: base(orgId) }) },
  'POST /api/organisations/:orgId/programmes': { build: async ({ orgId }) => ({ url: base(orgId), body: { ...PROGRAMME_BODY, name: unique('Programme') } }) },
  'POST /api/organisations/:orgId/programmes/templates/nrm': { build: async ({ orgId }) => ({ url: `${base(orgId)}/templates/nrm`, body: { startsOn: '2026-01-01', endsOn: '2026-12-31', language: 'es' } }) },
  'GET /api/organisations/:orgId/programmes/:programmeId': { build: async ({ t, orgId }) => ({ url: `${base(orgId)}/${(await programmeIn(t, orgId)).programmeId}` }) },
  'POST /api/organisations/:orgId/programmes/:programmeId/nodes': {
    build: async ({ t, orgId }) => {
      const p = await programmeIn(t, orgId);
      return { url: `${base(orgId)}/${p.programmeId}/nodes`, body: { parentId: p.outcomeId, level: 'output', code: 'O1.b', title: 'Hotline staffed' } };
    },
  },
  'POST /api/organisations/:orgId/programmes/:programmeId/indicators': {
    build: async ({ t, orgId }) => {
      const p = await programmeIn(t, orgId);
      return { url: `${base(orgId)}/${p.programmeId}/indicators`, body: { nodeId: p.outcomeId, code: 'O1.2', name: 'Decisions', unit: 'decisions', frequency: 'year', definition: { kind: 'computed', metric: 'decisions.all' } } };
    },
  },
  'PUT /api/organisations/:orgId/programmes/:programmeId/indicators/:indicatorId/targets': {
    build: async ({ t, orgId }) => ({ url: `${indicatorUrl(orgId, await programmeIn(t, orgId))}/targets`, body: { targets: [{ period: '2027', value: 30 }] } }),
  },
  'POST /api/organisations/:orgId/programmes/:programmeId/indicators/:indicatorId/values': {
    build: async ({ t, orgId }) => ({ url: `${indicatorUrl(orgId, await programmeIn(t, orgId))}/values`, body: { period: '2026', value: 12, evidence: [EVIDENCE] } }),
  },
  'POST /api/organisations/:orgId/programmes/:programmeId/indicators/:indicatorId/values/:valueId/review': {
    build: async ({ t, orgId }) => {
      const v = await valueIn(t, orgId);
      return { url: `${indicatorUrl(orgId, v)}/values/${v.valueId}/review`, body: { decision: 'approved' } };
    },
  },
  'GET /api/organisations/:orgId/programmes/:programmeId/indicators/:indicatorId/values/:valueId/evidence/:evidenceId': {
    build: async ({ t, orgId }) => {
      const v = await valueIn(t, orgId);
      return { url: `${indicatorUrl(orgId, v)}/values/${v.valueId}/evidence/${v.evidenceId}` };
    },
  },
  'POST /api/organisations/:orgId/programmes/:programmeId/needs-assessments': {
    build: async ({ t, orgId }) => {
      const p = await programmeIn(t, orgId);
      return {
        url: `${base(orgId)}/${p.programmeId}/needs-assessments`,
        body: { scope: 'sector', area: 'Agriculture', assessedOn: '2026-02-01', findings: [{ category: 'awareness', severity: 'high', summary: 'Seasonal workers do not know the hotline', outcomeIds: [p.outcomeId] }] },
      };
    },
  },
  'GET /api/organisations/:orgId/programmes/:programmeId/progress-reports/:period': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/${(await t.asSystem((ctx) => createNrmProgramme(ctx, orgId, { startsOn: '2026-01-01', endsOn: '2026-12-31', language: 'en' })))}/progress-reports/2026` }),
  },
  'GET /api/organisations/:orgId/programmes/:programmeId/progress-reports/:period.pdf': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/${(await programmeIn(t, orgId)).programmeId}/progress-reports/2026.pdf?lang=ar` }),
  },
};
