/**
 * Columnar, normalised view of person records for clear-text linkage. Every field is normalised
 * once (names transliterated and phonetically keyed, dates to ISO, documents and phones to their
 * comparable digits) and interned, so that the pair loop compares integers wherever it can and
 * strings only for fuzzy levels.
 */
import { normaliseDate, normaliseDocumentNumber, normaliseName, normalisePhone } from '../text/normalise.ts';
import { phoneticKey } from '../text/phonetic.ts';

/** The identifying fields the linkage reads; the server maps its decrypted person rows to this. */
export interface TLinkageInput {
  recordId: string;
  givenName: string | null;
  surname: string | null;
  dateOfBirth: string | null;
  sex: string | null;
  citizenship: string | null;
  documentNumber: string | null;
  phone: string | null;
}

/** Interns strings to dense ids; '' is always -1 (missing). */
export class Interner {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  id(value: string): number {
    if (value === '') return -1;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
  get size(): number {
    return this.values.length;
  }
}

export interface TPreparedRecords {
  size: number;
  recordIds: string[];
  /** Normalised values ('' when missing). */
  given: string[];
  surname: string[];
  dob: string[];
  document: string[];
  phone: string[];
  /** Interned ids (-1 when missing). */
  givenId: Int32Array;
  surnameId: Int32Array;
  givenKeyId: Int32Array;
  surnameKeyId: Int32Array;
  dobId: Int32Array;
  documentId: Int32Array;
  phoneId: Int32Array;
  citizenshipId: Int32Array;
  /** 0 missing, 1 female, 2 male, 3 other. */
  sex: Int8Array;
  /** Birth year, 0 when missing; month and day of birth. */
  birthYear: Int16Array;
  birthMonth: Int8Array;
  birthDay: Int8Array;
  interners: {
    given: Interner; surname: Interner; key: Interner; dob: Interner; document: Interner; phone: Interner; citizenship: Interner;
  };
}

const SEX_CODES: Record<string, number> = { f: 1, female: 1, w: 1, m: 2, male: 2, x: 3, other: 3 };

/**
 * Normalises and interns a batch of records.
 * @param records in any order; indices in the result follow this order.
 */
export function prepareRecords(records: readonly TLinkageInput[]): TPreparedRecords {
  const n = records.length;
  const interners = {
    given: new Interner(), surname: new Interner(), key: new Interner(), dob: new Interner(),
    document: new Interner(), phone: new Interner(), citizenship: new Interner(),
  };
  const out: TPreparedRecords = {
    size: n,
    recordIds: new Array<string>(n),
    given: new Array<string>(n),
    surname: new Array<string>(n),
    dob: new Array<string>(n),
    document: new Array<string>(n),
    phone: new Array<string>(n),
    givenId: new Int32Array(n),
    surnameId: new Int32Array(n),
    givenKeyId: new Int32Array(n),
    surnameKeyId: new Int32Array(n),
    dobId: new Int32Array(n),
    documentId: new Int32Array(n),
    phoneId: new Int32Array(n),
    citizenshipId: new Int32Array(n),
    sex: new Int8Array(n),
    birthYear: new Int16Array(n),
    birthMonth: new Int8Array(n),
    birthDay: new Int8Array(n),
    interners,
  };
  const nameCache = new Map<string, [string, string]>();
  for (let i = 0; i < n; i++) writePreparedRecord(out, i, records[i]!, nameCache);
  return out;
}

/**
 * Normalises one record into slot i of a prepared set (interning new values as needed). Used by
 * {@link prepareRecords} and by the real-time duplicate check, which rewrites its probe slot.
 * @param nameCache memo of raw name → [normalised, phonetic key]; names repeat a lot.
 */
export function writePreparedRecord(out: TPreparedRecords, i: number, r: TLinkageInput, nameCache: Map<string, [string, string]>): void {
  const { interners } = out;
  const normaliseWithKey = (raw: string | null): [string, string] => {
    if (!raw) return ['', ''];
    let hit = nameCache.get(raw);
    if (!hit) {
      const normalised = normaliseName(raw);
      hit = [normalised, phoneticKey(normalised)];
      nameCache.set(raw, hit);
    }
    return hit;
  };
  out.recordIds[i] = r.recordId;
  const [given, givenKey] = normaliseWithKey(r.givenName);
  const [surname, surnameKey] = normaliseWithKey(r.surname);
  out.given[i] = given;
  out.surname[i] = surname;
  out.givenId[i] = interners.given.id(given);
  out.surnameId[i] = interners.surname.id(surname);
  out.givenKeyId[i] = interners.key.id(givenKey);
  out.surnameKeyId[i] = interners.key.id(surnameKey);
  const dob = normaliseDate(r.dateOfBirth);
  out.dob[i] = dob;
  out.dobId[i] = interners.dob.id(dob);
  out.birthYear[i] = dob === '' ? 0 : Number(dob.slice(0, 4));
  out.birthMonth[i] = dob === '' ? 0 : Number(dob.slice(5, 7));
  out.birthDay[i] = dob === '' ? 0 : Number(dob.slice(8, 10));
  const document = normaliseDocumentNumber(r.documentNumber);
  out.document[i] = document;
  out.documentId[i] = interners.document.id(document);
  const phone = normalisePhone(r.phone);
  out.phone[i] = phone;
  out.phoneId[i] = interners.phone.id(phone);
  out.citizenshipId[i] = interners.citizenship.id((r.citizenship ?? '').trim().toUpperCase());
  out.sex[i] = SEX_CODES[(r.sex ?? '').trim().toLowerCase()] ?? 0;
}
