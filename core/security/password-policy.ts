/**
 * The password policy (OWASP ASVS 2.1 / NIST SP 800-63B §5.1.1.2): a minimum length, no
 * password that appears in a list of common or breached passwords, and none built on the
 * account's own e-mail or name. Composition rules (a digit, a symbol) are deliberately absent:
 * NIST advises against them. Pure: the list is passed in.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** Parts of the e-mail or name shorter than this are too common to forbid ("al", "li"). */
const MIN_PERSONAL_TOKEN = 4;

export type TPasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'TOO_FEW_DISTINCT' | 'CONTAINS_EMAIL' | 'CONTAINS_NAME' | 'COMMON_PASSWORD';

export const PASSWORD_PROBLEM_MESSAGES: Record<TPasswordProblem, string> = {
  TOO_SHORT: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  TOO_LONG: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  TOO_FEW_DISTINCT: 'Use more varied characters.',
  CONTAINS_EMAIL: 'Do not use your e-mail address in the password.',
  CONTAINS_NAME: 'Do not use your name in the password.',
  COMMON_PASSWORD: 'This password is too common: it appears in lists of leaked passwords. Choose another.',
};

/** Lower case, accents folded, so "Élodie" and "elodie" are the same token. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

function tokens(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter((token) => token.length >= MIN_PERSONAL_TOKEN);
}

/**
 * Forms a password is looked up in: as typed (case folded), and without the digits and symbols
 * people append to a listed password to pass a check ("Password2024!" → "password").
 */
export function commonPasswordCandidates(password: string): string[] {
  const folded = fold(password).trim();
  const stripped = folded.replace(/[\d\W_]+$/u, '');
  return stripped && stripped !== folded ? [folded, stripped] : [folded];
}

/** Every rule the password breaks (empty when it is acceptable). */
export function passwordProblems(
  password: string,
  account: { email: string; displayName?: string | null },
  commonPasswords: ReadonlySet<string> | null,
): TPasswordProblem[] {
  const problems: TPasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('TOO_SHORT');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('TOO_LONG');
  if (new Set(password).size < 5) problems.push('TOO_FEW_DISTINCT');
  const folded = fold(password);
  const email = fold(account.email);
  const localPart = email.split('@')[0] ?? '';
  if ((localPart.length >= MIN_PERSONAL_TOKEN && folded.includes(localPart)) || tokens(localPart).some((token) => folded.includes(token)) || folded.includes(email)) {
    problems.push('CONTAINS_EMAIL');
  }
  if (account.displayName && tokens(account.displayName).some((token) => folded.includes(token))) problems.push('CONTAINS_NAME');
  if (commonPasswords && commonPasswordCandidates(password).some((candidate) => commonPasswords.has(candidate))) problems.push('COMMON_PASSWORD');
  return problems;
}
