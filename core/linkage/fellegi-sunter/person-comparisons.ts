/**
 * The comparison vector of the person model: eight comparisons, each with ordered agreement
 * levels (best first) and a null level (-1) when either side lacks the value. A level is what
 * the Fellegi–Sunter model attaches an m and a u probability to.
 *
 * Names are first aligned: when a record pair agrees much better with first and last names
 * crossed ("Nguyễn Thị Hương" written surname-first in one agency), the names are compared
 * crossed, and the `name_order` comparison records that the swap happened, so the model learns
 * from the data how much a swap should cost.
 */
import { compareDateParts, DATE_LEVEL_LABELS } from '../compare/dates.ts';
import { isWithinOneEdit, jaroWinkler } from '../compare/string-similarity.ts';
import type { TPreparedRecords } from './prepare-records.ts';

// Local bindings: calls through an imported binding cost a getter each under the TypeScript loader.
const jw = jaroWinkler;
const withinOneEdit = isWithinOneEdit;
const compareDob = compareDateParts;

export interface TComparisonDefinition {
  /** snake_case name shown in explanations and stored with a model. */
  name: string;
  /** Labels of the levels, best first. */
  levels: readonly string[];
  /** Column whose value frequency adjusts the exact level (term-frequency adjustment). */
  termFrequency?: 'given' | 'surname';
}

const NAME_LEVELS = ['exact', 'Jaro–Winkler ≥ 0.92', 'same phonetic key', 'Jaro–Winkler ≥ 0.80', 'different'] as const;

export const PERSON_COMPARISONS: readonly TComparisonDefinition[] = [
  { name: 'given_name', levels: NAME_LEVELS, termFrequency: 'given' },
  { name: 'surname', levels: NAME_LEVELS, termFrequency: 'surname' },
  { name: 'name_order', levels: ['as written', 'first and last names swapped'] },
  { name: 'date_of_birth', levels: DATE_LEVEL_LABELS },
  { name: 'sex', levels: ['same', 'different'] },
  { name: 'citizenship', levels: ['same', 'different'] },
  { name: 'document_number', levels: ['exact', 'one edit', 'different'] },
  { name: 'phone', levels: ['exact', 'one edit', 'different'] },
];

/** Positions of the comparisons in a vector. */
export const C_GIVEN = 0;
export const C_SURNAME = 1;
export const C_NAME_ORDER = 2;
export const C_DOB = 3;
export const C_SEX = 4;
export const C_CITIZENSHIP = 5;
export const C_DOCUMENT = 6;
export const C_PHONE = 7;
export const COMPARISON_COUNT = PERSON_COMPARISONS.length;

/** Jaro–Winkler thresholds of the fuzzy name levels. */
export const JW_HIGH = 0.92;
export const JW_LOW = 0.8;

function nameLevel(sameId: boolean, jw: number, sameKey: boolean): number {
  if (sameId) return 0;
  if (jw >= JW_HIGH) return 1;
  if (sameKey) return 2;
  if (jw >= JW_LOW) return 3;
  return 4;
}

function editLevel(idA: number, idB: number, a: string, b: string): number {
  if (idA < 0 || idB < 0) return -1;
  if (idA === idB) return 0;
  return withinOneEdit(a, b) ? 1 : 2;
}

/**
 * Fills `out` (length {@link COMPARISON_COUNT}) with the levels of records i and j of `r`.
 * @returns true when the names were compared crossed.
 */
export function compareRecordPair(r: TPreparedRecords, i: number, j: number, out: Int8Array): boolean {
  const gi = r.givenId[i]!;
  const gj = r.givenId[j]!;
  const si = r.surnameId[i]!;
  const sj = r.surnameId[j]!;
  let swapped = false;
  if (gi >= 0 && gj >= 0 && si >= 0 && sj >= 0) {
    const kgi = r.givenKeyId[i]!;
    const kgj = r.givenKeyId[j]!;
    const ksi = r.surnameKeyId[i]!;
    const ksj = r.surnameKeyId[j]!;
    let jwG: number;
    let jwS: number;
    if (gi === gj || si === sj || (kgi === kgj && ksi === ksj)) {
      jwG = gi === gj ? 1 : jw(r.given[i]!, r.given[j]!);
      jwS = si === sj ? 1 : jw(r.surname[i]!, r.surname[j]!);
    } else {
      jwG = jw(r.given[i]!, r.given[j]!);
      jwS = jw(r.surname[i]!, r.surname[j]!);
      // A crossing can only win when a crossed pair shares a value, a key or its first letters;
      // testing that first spares two Jaro–Winkler calls on most non-matching pairs.
      const gI = r.given[i]!;
      const sI = r.surname[i]!;
      const gJ = r.given[j]!;
      const sJ = r.surname[j]!;
      // (given and surname ids come from different interners: crossed values compare as strings)
      const maybeCrossed = kgi === ksj || ksi === kgj || (gI.charCodeAt(0) === sJ.charCodeAt(0) && sI.charCodeAt(0) === gJ.charCodeAt(0));
      if (maybeCrossed) {
        const jwGS = jw(gI, sJ);
        const jwSG = jw(sI, gJ);
        // A shared phonetic key counts as half a perfect match when choosing the alignment.
        const direct = jwG + jwS + (kgi === kgj ? 0.5 : 0) + (ksi === ksj ? 0.5 : 0);
        const crossed = jwGS + jwSG + (kgi === ksj ? 0.5 : 0) + (ksi === kgj ? 0.5 : 0);
        if (crossed > direct + 0.1) {
          swapped = true;
          jwG = jwGS;
          jwS = jwSG;
        }
      }
    }
    if (swapped) {
      out[C_GIVEN] = nameLevel(r.given[i] === r.surname[j], jwG, kgi === ksj);
      out[C_SURNAME] = nameLevel(r.surname[i] === r.given[j], jwS, ksi === kgj);
    } else {
      out[C_GIVEN] = nameLevel(gi === gj, jwG, kgi === kgj);
      out[C_SURNAME] = nameLevel(si === sj, jwS, ksi === ksj);
    }
    out[C_NAME_ORDER] = swapped ? 1 : 0;
  } else {
    out[C_GIVEN] = gi < 0 || gj < 0 ? -1 : nameLevel(gi === gj, gi === gj ? 1 : jw(r.given[i]!, r.given[j]!), r.givenKeyId[i] === r.givenKeyId[j]);
    out[C_SURNAME] = si < 0 || sj < 0 ? -1 : nameLevel(si === sj, si === sj ? 1 : jw(r.surname[i]!, r.surname[j]!), r.surnameKeyId[i] === r.surnameKeyId[j]);
    out[C_NAME_ORDER] = -1;
  }
  out[C_DOB] = compareDob(r.birthYear[i]!, r.birthMonth[i]!, r.birthDay[i]!, r.birthYear[j]!, r.birthMonth[j]!, r.birthDay[j]!);
  const sexI = r.sex[i]!;
  const sexJ = r.sex[j]!;
  out[C_SEX] = sexI === 0 || sexJ === 0 ? -1 : sexI === sexJ ? 0 : 1;
  const ci = r.citizenshipId[i]!;
  const cj = r.citizenshipId[j]!;
  out[C_CITIZENSHIP] = ci < 0 || cj < 0 ? -1 : ci === cj ? 0 : 1;
  out[C_DOCUMENT] = editLevel(r.documentId[i]!, r.documentId[j]!, r.document[i]!, r.document[j]!);
  out[C_PHONE] = editLevel(r.phoneId[i]!, r.phoneId[j]!, r.phone[i]!, r.phone[j]!);
  return swapped;
}
