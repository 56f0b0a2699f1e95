import { openBytes, openJson, sealBytes, sealJson } from '../../crypto/field-encryption.ts';

/**
 * How a document is sealed: name and content each under the organisation's data key, bound to
 * the organisation and the document id (a ciphertext copied onto another row does not open).
 * Case and plan documents share these contexts, so key rotation re-seals both alike.
 */
export const nameContext = (orgId: string, id: string) => `palermo/document-name/${orgId}/${id}`;
export const contentContext = (orgId: string, id: string) => `palermo/document-content/${orgId}/${id}`;

export function sealDocument(dataKey: Buffer, orgId: string, id: string, file: { fileName: string; bytes: Buffer }) {
  return { fileNameCiphertext: sealJson(dataKey, file.fileName, nameContext(orgId, id)), contentCiphertext: sealBytes(dataKey, file.bytes, contentContext(orgId, id)) };
}

export function openDocumentName(dataKey: Buffer, orgId: string, id: string, fileNameCiphertext: string): string {
  return openJson<string>(dataKey, fileNameCiphertext, nameContext(orgId, id));
}

export function openDocumentContent(dataKey: Buffer, orgId: string, id: string, contentCiphertext: string): Buffer {
  return openBytes(dataKey, contentCiphertext, contentContext(orgId, id));
}
