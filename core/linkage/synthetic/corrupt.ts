/**
 * FEBRL-style corruption: a duplicate record is the person's first record with a few
 * modifications of the kinds agencies actually make — typing errors, OCR errors on scanned
 * documents, a different transliteration, first and last names swapped, values left out, day and
 * month swapped, wrong digits, a new phone or a different identity document. Each operator says
 * what it changed so tests can check the mix.
 */
import type { TRng } from '../random.ts';
import { randomDocumentNumber, randomNationalPhone, type TPersonRecord, type TSyntheticDate, type TSyntheticEntity } from './people.ts';

/** A record before formatting, so operators can work on structured values. */
export interface TRecordDraft {
  given: string | null;
  surname: string | null;
  dob: TSyntheticDate | null;
  sex: 'F' | 'M' | null;
  citizenship: string | null;
  documentNumber: string | null;
  phoneNational: string | null;
  /** 0 ISO, 1 DD/MM/YYYY, 2 DD.MM.YYYY, 3 YYYYMMDD */
  dateFormat: number;
  /** 0 "+cc nnn nnn nnn", 1 "00ccn…", 2 "0n…", 3 "+ccn…" */
  phoneFormat: number;
  upperCaseNames: boolean;
  /** Whether the given-name field currently holds the surname (after a swap). */
  namesSwapped: boolean;
}

export type TCorruptionKind =
  | 'typo' | 'ocr' | 'transliteration' | 'swap-names' | 'missing' | 'day-month-swap' | 'dob-error'
  | 'document-typo' | 'phone-typo' | 'document-change' | 'phone-change';

/** Relative frequency of each operator (FEBRL's "modification probabilities", extended). */
export const DEFAULT_CORRUPTION_WEIGHTS: Readonly<Record<TCorruptionKind, number>> = {
  typo: 0.22, ocr: 0.08, transliteration: 0.2, 'swap-names': 0.08, missing: 0.14, 'day-month-swap': 0.06,
  'dob-error': 0.08, 'document-typo': 0.03, 'phone-typo': 0.03, 'document-change': 0.04, 'phone-change': 0.04,
};

/** Probability of 0, 1, 2, 3 modifications in one duplicate. */
export const DEFAULT_MODIFICATION_COUNTS: readonly number[] = [0.2, 0.4, 0.27, 0.13];

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const NEIGHBOURS: Record<string, string> = {};
for (let r = 0; r < KEYBOARD_ROWS.length; r++) {
  const row = KEYBOARD_ROWS[r]!;
  for (let i = 0; i < row.length; i++) {
    let n = (row[i - 1] ?? '') + (row[i + 1] ?? '');
    const above = KEYBOARD_ROWS[r - 1];
    const below = KEYBOARD_ROWS[r + 1];
    if (above) n += (above[i] ?? '') + (above[i + 1] ?? '');
    if (below) n += (below[i] ?? '') + (below[i - 1] ?? '');
    NEIGHBOURS[row[i]!] = n;
  }
}

/** One keyboard typing error: substitute a neighbour key, insert, delete or transpose. */
export function typo(rng: TRng, s: string): string {
  const chars = Array.from(s);
  if (chars.length < 2) return s;
  const i = rng.int(chars.length);
  const ch = chars[i]!;
  const lower = ch.toLowerCase();
  const neighbours = NEIGHBOURS[lower] ?? (/\d/.test(ch) ? '0123456789' : chars.join(''));
  const pickNeighbour = (): string => {
    const n = neighbours[rng.int(neighbours.length)]!;
    return ch !== lower ? n.toUpperCase() : n;
  };
  switch (rng.int(4)) {
    case 0: chars[i] = pickNeighbour(); break;
    case 1: chars.splice(i + 1, 0, pickNeighbour()); break;
    case 2: if (chars.length > 3) chars.splice(i, 1); else chars[i] = pickNeighbour(); break;
    default: {
      const j = i + 1 < chars.length ? i + 1 : i - 1;
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
  }
  return chars.join('');
}

const OCR_NAME_CONFUSIONS: readonly (readonly [string, string])[] = [
  ['o', '0'], ['O', '0'], ['l', '1'], ['I', '1'], ['i', '1'], ['S', '5'], ['s', '5'], ['B', '8'], ['rn', 'm'],
  ['m', 'rn'], ['cl', 'd'], ['d', 'cl'], ['e', 'c'], ['h', 'b'], ['u', 'v'], ['vv', 'w'], ['a', 'o'], ['n', 'h'],
];
const OCR_DOCUMENT_CONFUSIONS: readonly (readonly [string, string])[] = [['0', 'O'], ['1', 'I'], ['5', 'S'], ['8', 'B'], ['2', 'Z'], ['6', 'G']];

/** One OCR confusion at a random applicable place; the input if none applies. */
export function ocrError(rng: TRng, s: string, confusions = OCR_NAME_CONFUSIONS): string {
  const applicable: [number, string, string][] = [];
  for (const [from, to] of confusions) {
    let at = s.indexOf(from);
    while (at >= 0) {
      applicable.push([at, from, to]);
      at = s.indexOf(from, at + 1);
    }
  }
  if (applicable.length === 0) return s;
  const [at, from, to] = rng.pick(applicable);
  return s.slice(0, at) + to + s.slice(at + from.length);
}

const RESPELLINGS: readonly (readonly [RegExp, string])[] = [
  [/ph/i, 'f'], [/y/, 'i'], [/i(?=[aeou])/, 'y'], [/c(?=[aou])/, 'k'], [/k/, 'c'], [/ou/, 'u'], [/ee/, 'i'],
  [/([bcdfglmnprst])\1/, '$1'], [/([lnrst])(?=[aeiou])/, '$1$1'], [/v/, 'b'], [/b/, 'v'], [/z/, 's'], [/ll/, 'y'],
  [/[áàâäãåă]/, 'a'], [/[éèêë]/, 'e'], [/[íìîï]/, 'i'], [/[óòôöõơ]/, 'o'], [/[úùûüư]/, 'u'], [/[șş]/, 's'], [/[țţ]/, 't'],
  [/ñ/, 'n'], [/đ/, 'd'],
];

/** A spelling variant of a Latin-script name (dropped accent, ph/f, y/i, doubled letter, b/v …). */
export function respell(rng: TRng, s: string): string {
  const applicable = RESPELLINGS.filter(([re]) => re.test(s));
  if (applicable.length === 0) return s;
  const [re, to] = rng.pick(applicable);
  return s.replace(re, to);
}

function differentIndex(rng: TRng, count: number, current: number): number {
  if (count <= 1) return current;
  const j = rng.int(count - 1);
  return j >= current ? j + 1 : j;
}

/** The first record of a person, as an agency would write it. */
export function originalDraft(rng: TRng, entity: TSyntheticEntity): TRecordDraft {
  return {
    given: entity.given.renderings[entity.givenRendering]!,
    surname: entity.surname.renderings[entity.surnameRendering]!,
    dob: entity.missing.dob ? null : { ...entity.dob },
    sex: entity.missing.sex ? null : entity.sex,
    citizenship: entity.missing.citizenship ? null : entity.citizenship,
    documentNumber: entity.missing.documentNumber ? null : entity.documentNumber,
    phoneNational: entity.missing.phone ? null : entity.phone.national,
    dateFormat: pickDateFormat(rng),
    phoneFormat: rng.int(4),
    upperCaseNames: rng.chance(0.2),
    namesSwapped: false,
  };
}

function pickDateFormat(rng: TRng): number {
  const r = rng.next();
  return r < 0.55 ? 0 : r < 0.85 ? 1 : r < 0.95 ? 2 : 3;
}

/**
 * Applies one operator to a draft in place.
 * @returns the kind actually applied (an operator that cannot apply, e.g. a day/month swap on a
 *          day above 12, falls back to a typo in a name).
 */
export function applyCorruption(rng: TRng, draft: TRecordDraft, entity: TSyntheticEntity, kind: TCorruptionKind): TCorruptionKind {
  const nameField = (): 'given' | 'surname' => (rng.chance(0.5) ? 'given' : 'surname');
  switch (kind) {
    case 'typo':
    case 'ocr': {
      const field = nameField();
      const value = draft[field];
      if (value === null) return fallback(rng, draft, entity);
      draft[field] = kind === 'typo' ? typo(rng, value) : ocrError(rng, value);
      return kind;
    }
    case 'transliteration': {
      const field = nameField();
      // the field holds the other name after a swap: re-spell the name it actually holds
      const holdsGiven = (field === 'given') !== draft.namesSwapped;
      const name = holdsGiven ? entity.given : entity.surname;
      const value = draft[field];
      if (value === null) return fallback(rng, draft, entity);
      const current = name.renderings.indexOf(value);
      if (name.renderings.length > 1) {
        draft[field] = name.renderings[differentIndex(rng, name.renderings.length, Math.max(0, current))]!;
      } else {
        draft[field] = respell(rng, value);
      }
      return kind;
    }
    case 'swap-names':
      [draft.given, draft.surname] = [draft.surname, draft.given];
      draft.namesSwapped = !draft.namesSwapped;
      return kind;
    case 'missing': {
      const r = rng.next();
      if (r < 0.04) draft.given = null;
      else if (r < 0.08) draft.surname = null;
      else if (r < 0.3) draft.dob = null;
      else if (r < 0.4) draft.sex = null;
      else if (r < 0.55) draft.citizenship = null;
      else if (r < 0.78) draft.documentNumber = null;
      else draft.phoneNational = null;
      return kind;
    }
    case 'day-month-swap': {
      const dob = draft.dob;
      if (dob === null || dob.d > 12 || dob.d === dob.m) return fallback(rng, draft, entity);
      [dob.d, dob.m] = [dob.m, dob.d];
      return kind;
    }
    case 'dob-error': {
      const dob = draft.dob;
      if (dob === null) return fallback(rng, draft, entity);
      const r = rng.next();
      if (r < 0.35) dob.y += rng.chance(0.5) ? 1 : -1;
      else if (r < 0.65) dob.d = 1 + ((dob.d + rng.int(27)) % 28);
      else if (r < 0.85) dob.m = 1 + ((dob.m + rng.int(11)) % 12);
      else { dob.d = 1; dob.m = 1; } // "born 1 January": an estimated date of birth
      return kind;
    }
    case 'document-typo':
      if (draft.documentNumber === null) return fallback(rng, draft, entity);
      draft.documentNumber = rng.chance(0.5) ? typo(rng, draft.documentNumber) : ocrError(rng, draft.documentNumber, OCR_DOCUMENT_CONFUSIONS);
      return kind;
    case 'phone-typo':
      if (draft.phoneNational === null) return fallback(rng, draft, entity);
      draft.phoneNational = typo(rng, draft.phoneNational).replace(/\D/g, '0');
      return kind;
    case 'document-change':
      draft.documentNumber = randomDocumentNumber(rng, entity.citizenship);
      return kind;
    case 'phone-change':
      draft.phoneNational = randomNationalPhone(rng);
      return kind;
  }
}

function fallback(rng: TRng, draft: TRecordDraft, entity: TSyntheticEntity): TCorruptionKind {
  if (draft.given === null && draft.surname === null) return 'missing';
  return applyCorruption(rng, draft, entity, 'typo');
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Formats a draft into a record in the agency's own conventions. */
export function formatDraft(draft: TRecordDraft, entity: TSyntheticEntity, recordId: string): TPersonRecord {
  const dob = draft.dob;
  let dateOfBirth: string | null = null;
  if (dob !== null) {
    const y = String(dob.y);
    switch (draft.dateFormat) {
      case 1: dateOfBirth = `${pad2(dob.d)}/${pad2(dob.m)}/${y}`; break;
      case 2: dateOfBirth = `${pad2(dob.d)}.${pad2(dob.m)}.${y}`; break;
      case 3: dateOfBirth = `${y}${pad2(dob.m)}${pad2(dob.d)}`; break;
      default: dateOfBirth = `${y}-${pad2(dob.m)}-${pad2(dob.d)}`;
    }
  }
  let phone: string | null = null;
  const n = draft.phoneNational;
  if (n !== null) {
    const cc = entity.phone.cc;
    switch (draft.phoneFormat) {
      case 0: phone = `+${cc} ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`; break;
      case 1: phone = `00${cc}${n}`; break;
      case 2: phone = `0${n}`; break;
      default: phone = `+${cc}${n}`;
    }
  }
  const caseName = (s: string | null): string | null => (s !== null && draft.upperCaseNames ? s.toUpperCase() : s);
  return {
    recordId,
    entityId: entity.id,
    givenName: caseName(draft.given),
    surname: caseName(draft.surname),
    dateOfBirth,
    sex: draft.sex,
    citizenship: draft.citizenship,
    documentNumber: draft.documentNumber,
    phone,
  };
}
