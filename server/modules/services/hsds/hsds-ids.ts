import { createHash } from 'node:crypto';

/**
 * A UUID derived from its parts (name-based, in the manner of RFC 9562 version 5), for HSDS
 * child records Palermo does not store as rows (attributes, languages, addresses): the same
 * directory always exports the same ids.
 */
export function stableUuid(...parts: string[]): string {
  const hex = createHash('sha1').update(`palermo/hsds/${parts.join('/')}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
