import { configure, TextReader, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';

// Node has no Web Workers in the sense zip.js means; compression runs inline (files are small).
configure({ useWebWorkers: false });

export interface TZipEntry {
  name: string;
  content: string | Uint8Array;
}

/** Shortest password accepted for an export archive (a passphrase, shared out of band). */
export const MIN_ARCHIVE_PASSWORD_LENGTH = 12;

/**
 * A ZIP whose entries are encrypted with AES-256 (WinZip AE-2, readable by 7-Zip, WinZip and
 * macOS/Windows tools that support AES), never the broken legacy ZipCrypto. The password is the
 * only key: it is not stored anywhere.
 */
export async function createEncryptedZip(entries: readonly TZipEntry[], password: string): Promise<Uint8Array> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), { password, encryptionStrength: 3, zipCrypto: false });
  for (const entry of entries) {
    await writer.add(entry.name, typeof entry.content === 'string' ? new TextReader(entry.content) : new Uint8ArrayReader(entry.content));
  }
  return writer.close();
}
