/**
 * What the server accepts as a case document (server/modules/documents/document-types.ts): the
 * same limit and types, checked in the browser first so a wrong file is refused before 5 MiB
 * travel over a slow line. The server still checks the bytes themselves.
 */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'] as const;
export type TDocumentType = (typeof DOCUMENT_TYPES)[number];

const BY_EXTENSION: Record<string, TDocumentType> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', txt: 'text/plain' };

/** The accept attribute of the file input. */
export const DOCUMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain';

export type TFileCheck = { ok: true; contentType: TDocumentType } | { ok: false; problem: 'empty' | 'tooLarge' | 'wrongType' };

/** The declared type of a chosen file (the browser's, else from its extension), or why it is refused. */
export function checkDocumentFile(file: { name: string; size: number; type: string }): TFileCheck {
  if (file.size === 0) return { ok: false, problem: 'empty' };
  if (file.size > MAX_DOCUMENT_BYTES) return { ok: false, problem: 'tooLarge' };
  const declared = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  const fromType = (DOCUMENT_TYPES as readonly string[]).includes(declared) ? (declared as TDocumentType) : undefined;
  const extension = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
  const contentType = fromType ?? (declared === '' || declared === 'application/octet-stream' ? BY_EXTENSION[extension] : undefined);
  return contentType ? { ok: true, contentType } : { ok: false, problem: 'wrongType' };
}

/** Base64 of bytes, in chunks (a 5 MiB spread into one String.fromCharCode call overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
