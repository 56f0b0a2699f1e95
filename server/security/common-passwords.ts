import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The bundled list of common and breached passwords: one password per line, `#` lines are the
 * header (source, licence, how it was built). Compared in lower case, so the file is folded on
 * load. Read once, on first use, and kept as a Set (~1 MB for 100,000 entries).
 *
 * The bundled file is zxcvbn 4.4.2's list of 30,000 passwords from Xato's leaked-password corpus
 * (MIT; see its header and README.md beside this file). Should the file be removed, the list rule
 * is skipped and the other rules of core/security/password-policy.ts still apply.
 */
export const COMMON_PASSWORDS_FILE = fileURLToPath(new URL('./common-passwords.txt', import.meta.url));

let cached: ReadonlySet<string> | null | undefined;

/** Parses the list format (exported for tests). */
export function parseCommonPasswords(text: string): ReadonlySet<string> {
  const entries = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('#')) continue;
    const entry = line.trim().normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
    if (entry) entries.add(entry);
  }
  return entries;
}

/** The bundled list, or null when the file is absent. */
export function commonPasswords(): ReadonlySet<string> | null {
  if (cached === undefined) cached = existsSync(COMMON_PASSWORDS_FILE) ? parseCommonPasswords(readFileSync(COMMON_PASSWORDS_FILE, 'utf8')) : null;
  return cached;
}
