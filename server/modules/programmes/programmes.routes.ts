import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { createWorkerTableProtector } from '../stats/table-protector.ts';
import { buildProgressReport } from './progress-report.ts';
import { renderProgressReportPdf } from './progress-report-pdf.ts';
import { addNode, createNrmProgramme, createProgramme, findProgrammes, getProgrammeDetail } from './programmes.service.ts';
import {
  PROGRAMME_LIMITS, ZAddNode, ZProgrammeStatusChange, ZAssessmentParams, ZCreateFromTemplate, ZCreateIndicator, ZCreateProgramme, ZEnterValue, ZEvidenceParams, ZIndicatorParams,
  ZListQuery, ZNodeParams, ZProgrammeDetail, ZProgrammeParams, ZProgrammeSummary, ZProgressReport, ZRecordAssessment, ZReportParams, ZReportPdfQuery, ZReviewValue, ZSetTargets,
  ZUpdateAssessment, ZUpdateIndicator, ZUpdateNode, ZUpdateProgramme, ZValueParams, ZVersioned,
} from './programmes.schemas.ts';
import { archiveProgramme, restoreProgramme, updateNode, updateProgramme } from './use-cases/editing.ts';
import { createIndicator, setTargets, updateIndicator } from './use-cases/indicators.ts';
import { enterValue, readEvidence, reviewValue } from './use-cases/manual-values.ts';
import { recordAssessment, updateAssessment } from './use-cases/needs-assessments.ts';

const BASE = '/api/organisations/:orgId/programmes';
const PROGRAMME = `${BASE}/:programmeId`;
const INDICATOR = `${PROGRAMME}/indicators/:indicatorId`;
const ZCreated = z.object({ id: z.string() });

/**
 * Monitoring and evaluation: programmes with a results framework, indicators computed through
 * the statistics engine or entered with evidence and approval, needs assessments, and progress
 * reports (JSON and PDF) with disclosure control on every number.
 */
export function registerProgrammeRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);
  // Computed indicators are protected like the statistics page's tables, in their own worker.
  const protector = createWorkerTableProtector();
  app.addHook('onClose', () => protector.close());

  api.get(BASE, {
    schema: { tags: ['programmes'], summary: 'The organisation\'s programmes (national action plans, projects, the NRM); active ones unless ?status=archived|all', params: ZOrgParams, querystring: ZListQuery, response: { 200: z.object({ programmes: z.array(ZProgrammeSummary) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'programme.read' } },
  }, async (request) => ({ programmes: await runUserUseCase(deps, request, (ctx) => findProgrammes(ctx, request.params.orgId, request.query.status)) }));

  api.post(BASE, {
    schema: { tags: ['programmes'], summary: 'Create a programme with its goal, outcomes and outputs', params: ZOrgParams, body: ZCreateProgramme, response: { 201: ZCreated, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'programme.manage' } },
  }, async (request, reply) => reply.status(201).send({ id: await runUserUseCase(deps, request, (ctx) => createProgramme(ctx, request.params.orgId, request.body)) }));

  api.post(`${BASE}/templates/nrm`, {
    schema: { tags: ['programmes'], summary: 'Create the built-in NRM effectiveness programme (ICAT indicators computed from the NRM data) in one call', params: ZOrgParams, body: ZCreateFromTemplate, response: { 201: ZCreated, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'programme.manage' } },
  }, async (request, reply) => reply.status(201).send({ id: await runUserUseCase(deps, request, (ctx) => createNrmProgramme(ctx, request.params.orgId, request.body)) }));

  api.get(PROGRAMME, {
    schema: { tags: ['programmes'], summary: 'A programme: results framework, indicators with targets and manual values, needs assessments', params: ZProgrammeParams, response: { 200: ZProgrammeDetail, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'programme.read' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => getProgrammeDetail(ctx, request.params.orgId, request.params.programmeId)));

  api.patch(PROGRAMME, {
    schema: { tags: ['programmes'], summary: 'Edit a programme\'s name, description or dates (send the version you read)', params: ZProgrammeParams, body: ZUpdateProgramme, response: { 200: ZVersioned, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'programme.manage' } },
  }, async (request) => {
    const { orgId, programmeId } = request.params;
    return { id: programmeId, version: await runUserUseCase(deps, request, (ctx) => updateProgramme(ctx, orgId, programmeId, request.body)) };
  });

  api.post(`${PROGRAMME}/archive`, {
    schema: { tags: ['programmes'], summary: 'Archive a programme: it stays readable (reports too) and refuses every change', params: ZProgrammeParams, body: ZProgrammeStatusChange, response: { 200: ZVersioned, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'programme.manage' } },
  }, async (request) => {
    const { orgId, programmeId } = request.params;
    return { id: programmeId, version: await runUserUseCase(deps, request, (ctx) => archiveProgramme(ctx, orgId, programmeId, request.body.expectedVersion)) };
  });

  api.post(`${PROGRAMME}/restore`, {
    schema: { tags: ['programmes'], summary: 'Make an archived programme active again', params: ZProgrammeParams, body: ZProgrammeStatusChange, response: { 200: ZVersioned, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'programme.manage' } },
  }, async (request) => {
    const { orgId, programmeId } = request.params;
    return { id: programmeId, version: await runUserUseCase(deps, request, (ctx) => restoreProgramme(ctx, orgId, programmeId, request.body.expectedVersion)) };
  });

  api.patch(`${PROGRAMME}/nodes/:nodeId`, {
    schema: { tags: ['programmes'], summary: 'Edit the title or description of the goal, an outcome or an output', params: ZNodeParams, body: ZUpdateNode, response: { 200: ZVersioned, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'programme.manage' } },
  }, async (request) => {
    const { orgId, programmeId, nodeId } = request.params;
    return { id: nodeId, version: await runUserUseCase(deps, request, (ctx) => updateNode(ctx, orgId, programmeId, nodeId, request.body)) };
  });

  api.patch(INDICATOR, {
    schema: { tags: ['programmes'], summary: 'Edit an indicator: name, written definition, baseline, data source, direction; frequency while nothing is reported at it', params: ZIndicatorParams, body: ZUpdateIndicator, response: { 200: ZVersioned, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'programme.manage' } },
  }, async (request) => {
    const { orgId, programmeId, indicatorId } = request.params;
    return { id: indicatorId, version: await runUserUseCase(deps, request, (ctx) => updateIndicator(ctx, orgId, programmeId, indicatorId, request.body)) };
  });

  api.patch(`${PROGRAMME}/needs-assessments/:assessmentId`, {
    schema: { tags: ['programmes'], summary: 'Correct a needs assessment: scope, area, date, or its findings and their links to outcomes', params: ZAssessmentParams, body: ZUpdateAssessment, response: { 200: ZVersioned, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'programme.manage' } },
  }, async (request) => {
    const { orgId, programmeId, assessmentId } = request.params;
    return { id: assessmentId, version: await runUserUseCase(deps, request, (ctx) => updateAssessment(ctx, orgId, programmeId, assessmentId, request.body)) };
  });

  api.post(`${PROGRAMME}/nodes`, {
    schema: { tags: ['programmes'], summary: 'Add an outcome under the goal, or an output under an outcome', params: ZProgrammeParams, body: ZAddNode, response: { 201: ZCreated, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'programme.manage' } },
  }, async (request, reply) => reply.status(201).send({ id: await runUserUseCase(deps, request, (ctx) => addNode(ctx, request.params.orgId, request.params.programmeId, request.body)) }));

  api.post(`${PROGRAMME}/indicators`, {
    schema: { tags: ['programmes'], summary: 'Add an indicator: computed from a metric of the catalog, or manual (values entered with evidence and approved)', params: ZProgrammeParams, body: ZCreateIndicator, response: { 201: ZCreated, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'programme.manage' } },
  }, async (request, reply) => reply.status(201).send({ id: await runUserUseCase(deps, request, (ctx) => createIndicator(ctx, request.params.orgId, request.params.programmeId, request.body)) }));

  api.put(`${INDICATOR}/targets`, {
    schema: { tags: ['programmes'], summary: 'Replace an indicator\'s targets (one per period of its frequency)', params: ZIndicatorParams, body: ZSetTargets, response: { 204: z.null(), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'programme.manage' } },
  }, async (request, reply) => {
    await runUserUseCase(deps, request, (ctx) => setTargets(ctx, request.params.orgId, request.params.programmeId, request.params.indicatorId, request.body.targets));
    return reply.status(204).send(null);
  });

  api.post(`${INDICATOR}/values`, {
    schema: { tags: ['programmes'], summary: 'Enter a manual indicator\'s value for a period, with evidence files (stored encrypted); it counts once approved', params: ZIndicatorParams, body: ZEnterValue, response: { 201: ZCreated, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'programme.manage' } },
    bodyLimit: Math.ceil((PROGRAMME_LIMITS.evidenceBytes * PROGRAMME_LIMITS.evidenceFiles * 4) / 3) + 64 * 1024,
  }, async (request, reply) => reply.status(201).send({ id: await runUserUseCase(deps, request, (ctx) => enterValue(ctx, request.params.orgId, request.params.programmeId, request.params.indicatorId, request.body)) }));

  api.post(`${INDICATOR}/values/:valueId/review`, {
    schema: { tags: ['programmes'], summary: 'Approve or reject a manual value (someone other than who entered it)', params: ZValueParams, body: ZReviewValue, response: { 204: z.null(), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'programme.approve' } },
  }, async (request, reply) => {
    const { orgId, programmeId, indicatorId, valueId } = request.params;
    await runUserUseCase(deps, request, (ctx) => reviewValue(ctx, orgId, programmeId, indicatorId, valueId, request.body.decision));
    return reply.status(204).send(null);
  });

  api.get(`${INDICATOR}/values/:valueId/evidence/:evidenceId`, {
    schema: { tags: ['programmes'], summary: 'Download an evidence file (audited)', params: ZEvidenceParams, response: { ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'programme.read' } },
  }, async (request, reply) => {
    const { orgId, programmeId, indicatorId, valueId, evidenceId } = request.params;
    const file = await runUserUseCase(deps, request, (ctx) => readEvidence(ctx, orgId, programmeId, indicatorId, valueId, evidenceId));
    return reply.type(file.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.bytes as never);
  });

  api.post(`${PROGRAMME}/needs-assessments`, {
    schema: { tags: ['programmes'], summary: 'Record a needs assessment for a region or sector; findings link to the programme\'s outcomes', params: ZProgrammeParams, body: ZRecordAssessment, response: { 201: ZCreated, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'programme.manage' } },
  }, async (request, reply) => reply.status(201).send({ id: await runUserUseCase(deps, request, (ctx) => recordAssessment(ctx, request.params.orgId, request.params.programmeId, request.body)) }));

  api.get(`${PROGRAMME}/progress-reports/:period`, {
    schema: { tags: ['programmes'], summary: 'Progress for a period (2026, 2026-Q2, 2026-05): actual against target with traffic lights; every number through disclosure control', params: ZReportParams, response: { 200: ZProgressReport, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'programme.read' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => buildProgressReport(ctx, protector, request.params.orgId, request.params.programmeId, request.params.period)));

  api.get(`${PROGRAMME}/progress-reports/:period.pdf`, {
    schema: { tags: ['programmes'], summary: 'The progress report as a PDF with a chart, in en, fr, es or ar (audited)', params: ZReportParams, querystring: ZReportPdfQuery, response: { ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'programme.read' } },
  }, async (request, reply) => {
    const { orgId, programmeId, period } = request.params;
    const language = request.query.lang;
    // The numbers are computed and the export audited in one transaction; Chromium runs after it.
    const report = await runUserUseCase(deps, request, async (ctx) => {
      const built = await buildProgressReport(ctx, protector, orgId, programmeId, period);
      await ctx.audit.record('progressReport.exported', { orgId, subjectType: 'programme', subjectId: programmeId, metadata: { programmeId, period, language, format: 'pdf' } });
      return built;
    });
    const pdf = await renderProgressReportPdf(report, language);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="progress-report-${period}-${language}.pdf"`).send(pdf as never);
  });
}
