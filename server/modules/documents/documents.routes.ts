import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZUuid } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { openBytes, openJson, sealBytes, sealJson } from '../../crypto/field-encryption.ts';
import { getCaseRow } from '../cases/cases.repo.ts';
import { DOCUMENT_TYPE_NAMES, DOCUMENT_TYPES, MAX_DOCUMENT_BYTES } from './document-types.ts';

const ZCaseParams = z.object({ orgId: ZUuid, caseId: ZUuid }).strict();
const ZDocumentParams = z.object({ orgId: ZUuid, caseId: ZUuid, documentId: ZUuid }).strict();
const ZUpload = z.strictObject({
  fileName: z.string().trim().min(1).max(200).regex(/^[^/\\\u0000]+$/, 'no path separators'),
  contentType: z.enum(DOCUMENT_TYPE_NAMES as [string, ...string[]]),
  contentBase64: z.string().min(1).max(Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 4).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});
const ZDocument = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string(), uploadedBy: z.string().nullable() });

export const nameContext = (orgId: string, id: string) => `palermo/document-name/${orgId}/${id}`;
export const contentContext = (orgId: string, id: string) => `palermo/document-content/${orgId}/${id}`;

/**
 * Case documents: sealed at rest under the organisation's key, type checked against the bytes,
 * 5 MiB at most; listing needs case.read, downloading person.readIdentity and is audited.
 */
export function registerDocumentRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);
  const base = '/api/organisations/:orgId/cases/:caseId/documents';

  api.post(base, {
    schema: { tags: ['cases'], summary: 'Attach a document to a case (PDF, PNG, JPEG or text; at most 5 MiB; stored encrypted)', params: ZCaseParams, body: ZUpload, response: { 201: z.object({ document: ZDocument }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'person.write' } },
    bodyLimit: Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 64 * 1024,
  }, async (request, reply) => {
    const { orgId, caseId } = request.params;
    const document = await runUserUseCase(deps, request, async (ctx) => {
      await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'person.write');
      await getCaseRow(ctx.db, orgId, caseId);
      const bytes = Buffer.from(request.body.contentBase64, 'base64');
      if (bytes.length > MAX_DOCUMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'A document may be at most 5 MiB.');
      const type = request.body.contentType as keyof typeof DOCUMENT_TYPES;
      if (!DOCUMENT_TYPES[type](bytes)) {
        throw new AppError('VALIDATION_FAILED', 'The file content does not match its declared type.', { reason: 'CONTENT_TYPE_MISMATCH', issues: [{ path: 'body.contentBase64', message: `Not a ${type} file` }] });
      }
      const id = randomUUID();
      const now = ctx.now();
      const key = await ctx.keyring.currentKey(ctx.db, orgId, now);
      await ctx.db.insertInto('documents').values({
        orgId, id, caseId, fileNameCiphertext: sealJson(key.dataKey, request.body.fileName, nameContext(orgId, id)), contentType: type, sizeBytes: bytes.length,
        contentCiphertext: sealBytes(key.dataKey, bytes, contentContext(orgId, id)), keyVersion: key.version,
        uploadedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, uploadedAt: now,
      }).execute();
      await ctx.audit.record('document.uploaded', { orgId, subjectType: 'document', subjectId: id, caseId, metadata: { documentId: id, contentType: type, sizeBytes: bytes.length } });
      return { id, fileName: request.body.fileName, contentType: type, sizeBytes: bytes.length, uploadedAt: now.toISOString(), uploadedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null };
    });
    return reply.status(201).send({ document });
  });

  api.get(base, {
    schema: { tags: ['cases'], summary: 'Documents of a case (names decrypted; content not included)', params: ZCaseParams, response: { 200: z.object({ documents: z.array(ZDocument) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.read' } },
  }, async (request) => runUserUseCase(deps, request, async (ctx) => {
    const { orgId, caseId } = request.params;
    await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.read');
    await getCaseRow(ctx.db, orgId, caseId);
    const rows = await ctx.db.selectFrom('documents').select(['id', 'fileNameCiphertext', 'contentType', 'sizeBytes', 'keyVersion', 'uploadedAt', 'uploadedBy'])
      .where('orgId', '=', orgId).where('caseId', '=', caseId).orderBy('uploadedAt').execute();
    const documents = [];
    for (const row of rows) {
      const key = await ctx.keyring.keyVersion(ctx.db, orgId, row.keyVersion);
      documents.push({ id: row.id, fileName: openJson<string>(key.dataKey, row.fileNameCiphertext, nameContext(orgId, row.id)), contentType: row.contentType, sizeBytes: row.sizeBytes, uploadedAt: row.uploadedAt.toISOString(), uploadedBy: row.uploadedBy });
    }
    return { documents };
  }));

  api.get(`${base}/:documentId/content`, {
    schema: { tags: ['cases'], summary: 'Download a document (audited)', params: ZDocumentParams, response: { ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'person.readIdentity' } },
  }, async (request, reply) => {
    const { orgId, caseId, documentId } = request.params;
    const file = await runUserUseCase(deps, request, async (ctx) => {
      await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'person.readIdentity');
      const row = await ctx.db.selectFrom('documents').selectAll().where('orgId', '=', orgId).where('caseId', '=', caseId).where('id', '=', documentId).executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', 'Document not found.');
      const key = await ctx.keyring.keyVersion(ctx.db, orgId, row.keyVersion);
      await ctx.audit.record('document.downloaded', { orgId, subjectType: 'document', subjectId: documentId, caseId, metadata: { documentId } });
      return { bytes: openBytes(key.dataKey, row.contentCiphertext, contentContext(orgId, documentId)), contentType: row.contentType, fileName: openJson<string>(key.dataKey, row.fileNameCiphertext, nameContext(orgId, documentId)) };
    });
    // The name travels percent-encoded (RFC 6266) so non-Latin names survive; the download never renders inline.
    return reply.type(file.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.bytes as never);
  });
}
