import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { DOCUMENT_PERMISSIONS, type THolderKind } from './documents.policy.ts';
import { MAX_BASE64_CHARS, ZCaseDocuments, ZCaseParams, ZDocument, ZDocumentDownloadQuery, ZDocumentParams, ZPlanDocuments, ZUpload } from './documents.schemas.ts';
import { attachDocument, listDocuments, listPlanDocuments, readDocumentContent } from './documents.service.ts';

// Key rotation (key-management/sealed-columns.ts) re-seals documents with these contexts.
export { contentContext, nameContext } from './document-sealing.ts';

const CASE = '/api/organisations/:orgId/cases/:caseId';
const PATHS: Record<THolderKind, string> = { case: `${CASE}/documents`, plan: `${CASE}/plan/documents` };
const WORDS: Record<THolderKind, { tag: string; of: string }> = { case: { tag: 'cases', of: 'a case' }, plan: { tag: 'plans', of: 'the case\'s recovery plan' } };

/**
 * Documents of a case and of its recovery plan: the same routes twice, the same rules
 * (documents.service.ts); only the permissions differ (documents.policy.ts).
 */
export function registerDocumentRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  for (const kind of ['case', 'plan'] as const) {
    const base = PATHS[kind];
    const { tag, of } = WORDS[kind];
    const permission = DOCUMENT_PERMISSIONS[kind];

    api.post(base, {
      schema: { tags: [tag], summary: `Attach a document to ${of} (PDF, PNG, JPEG or text; at most 5 MiB; stored encrypted)`, params: ZCaseParams, body: ZUpload, response: { 201: z.object({ document: ZDocument }), ...ERROR_RESPONSES } },
      config: { access: { auth: 'user', permission: permission.attach } },
      bodyLimit: MAX_BASE64_CHARS + 64 * 1024,
    }, async (request, reply) => {
      const document = await runUserUseCase(deps, request, (ctx) => attachDocument(ctx, request.params.orgId, request.params.caseId, kind, request.body));
      return reply.status(201).send({ document });
    });

    api.get(`${base}/:documentId/content`, {
      schema: { tags: [tag], summary: `Download a document of ${of} (audited, with ?purpose= when the security policy requires one)`, params: ZDocumentParams, querystring: ZDocumentDownloadQuery, response: { ...ERROR_RESPONSES } },
      config: { access: { auth: 'user', permission: permission.download } },
    }, async (request, reply) => {
      const { orgId, caseId, documentId } = request.params;
      const file = await runUserUseCase(deps, request, (ctx) => readDocumentContent(ctx, orgId, caseId, kind, documentId, request.query.purpose));
      // The name travels percent-encoded (RFC 6266) so non-Latin names survive; the download never renders inline.
      return reply.type(file.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.bytes as never);
    });
  }

  api.get(PATHS.case, {
    schema: { tags: ['cases'], summary: 'Documents of a case (names decrypted, audited when any is shown; content not included)', params: ZCaseParams, response: { 200: ZCaseDocuments, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: DOCUMENT_PERMISSIONS.case.list } },
  }, async (request) => ({ documents: (await runUserUseCase(deps, request, (ctx) => listDocuments(ctx, request.params.orgId, request.params.caseId, 'case'))).documents }));

  api.get(PATHS.plan, {
    schema: { tags: ['plans'], summary: 'Documents of the case\'s recovery plan (names decrypted, audited when any is shown); planId is null until the plan is saved', params: ZCaseParams, response: { 200: ZPlanDocuments, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: DOCUMENT_PERMISSIONS.plan.list } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => listPlanDocuments(ctx, request.params.orgId, request.params.caseId)));
}
