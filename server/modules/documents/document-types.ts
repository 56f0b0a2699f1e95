/**
 * What may be attached to a case, and how each type is recognised from its first bytes: a file
 * is accepted only when its content matches the type it claims (a renamed executable is not a PDF).
 */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((byte, index) => bytes[index] === byte);

export const DOCUMENT_TYPES = {
  'application/pdf': (bytes: Buffer) => startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]),
  'image/png': (bytes: Buffer) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (bytes: Buffer) => startsWith(bytes, [0xff, 0xd8, 0xff]),
  // Plain text: valid UTF-8 without NUL bytes.
  'text/plain': (bytes: Buffer) => !bytes.includes(0) && Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes),
} as const;

export type TDocumentType = keyof typeof DOCUMENT_TYPES;
export const DOCUMENT_TYPE_NAMES = Object.keys(DOCUMENT_TYPES) as TDocumentType[];
