/**
 * Normalisation applied to every identifier before it is compared, blocked on or encoded. The
 * same function runs at every agency, so two spellings that differ only in case, accents,
 * punctuation, script or OCR look-alike digits compare equal.
 */
import { transliterateToLatin } from './transliterate.ts';

/** Latin letters that Unicode decomposition does not split into base letter + mark. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ł: 'l', ı: 'i', þ: 'th', ð: 'd', ħ: 'h', ŧ: 't',
};

/** Digits that OCR produces in place of letters; a name never legitimately contains a digit. */
const OCR_DIGITS: Record<string, string> = { '0': 'o', '1': 'l', '3': 'e', '4': 'a', '5': 's', '6': 'b', '7': 't', '8': 'b', '9': 'g' };

/**
 * Normalises a personal name: transliterate Cyrillic/Arabic, strip accents, lower-case, map OCR
 * digits to letters, turn punctuation into spaces, collapse spaces. Returns '' for empty input.
 */
export function normaliseName(value: string | null | undefined): string {
  if (!value) return '';
  let s = transliterateToLatin(value.normalize('NFKD')).toLowerCase();
  s = s.replace(/\p{M}/gu, '');
  let out = '';
  for (const ch of s) {
    if (ch >= 'a' && ch <= 'z') out += ch;
    else if (SPECIAL_LETTERS[ch] !== undefined) out += SPECIAL_LETTERS[ch];
    else if (OCR_DIGITS[ch] !== undefined) out += OCR_DIGITS[ch];
    else out += ' ';
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Splits a normalised name into tokens ("maria del carmen" → three tokens). */
export function nameTokens(normalised: string): string[] {
  return normalised === '' ? [] : normalised.split(' ');
}

/**
 * Normalises an identity-document number: upper-case letters and digits only, with the letter O
 * read as zero and I as one inside runs of digits (the usual OCR confusion on machine-readable
 * zones).
 */
export function normaliseDocumentNumber(value: string | null | undefined): string {
  if (!value) return '';
  const raw = value.normalize('NFKD').toUpperCase().replace(/[^A-Z0-9]/g, '');
  return raw.replace(/(?<=\d)[OI](?=\d)/g, (ch) => (ch === 'O' ? '0' : '1'));
}

/**
 * Normalises a phone number to its last `keep` digits (default 9), which drops country prefixes
 * written as +44, 0044 or a national trunk 0, so the same line compares equal across agencies.
 */
export function normalisePhone(value: string | null | undefined, keep = 9): string {
  if (!value) return '';
  const digits = value.replace(/\D/g, '');
  return digits.length <= keep ? digits : digits.slice(digits.length - keep);
}

/**
 * Parses a date of birth written as ISO (YYYY-MM-DD), DD/MM/YYYY, DD.MM.YYYY or YYYYMMDD into an
 * ISO string; returns '' when it cannot be read. Day-first is assumed for slashed dates, as in
 * most of the world; a swapped day and month is handled by the comparison, not here.
 */
export function normaliseDate(value: string | null | undefined): string {
  if (!value) return '';
  const s = value.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return '';
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1800 || y > 2200) return '';
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
