/**
 * CLK encoding: each party turns its person records into Bloom-filter encodings and keyed
 * blocking signatures, using a secret shared with the other parties out of band and never stored
 * with the data.
 *
 * - Keys: HKDF-SHA256 of the secret derives one key per feature, one for blocking signatures, one
 *   for the balancing permutation and one for the key check; nothing reuses a key across roles.
 * - Positions: HMAC-SHA256(featureKey, token) gives 16 positions (sixteen 16-bit slices modulo the
 *   filter length, a power of two, so unbiased); more positions take further HMACs with a counter.
 *   No double hashing (its structure is attackable, Kroll & Steinmetzer 2015).
 * - Tokens: bigrams of each normalised name token (given and surname in one feature with one key,
 *   so a swapped first/last name encodes identically), bigrams of the phonetic keys (so "محمد" and
 *   "Mohammed" share bits), six views of the date of birth (see `tokeniseFeature`), bigrams of
 *   document and phone digits.
 * - Blocking: P-Sig-style signatures (Zhang et al. 2018) from the same normalised fields, each
 *   HMAC-keyed and cut to 28 bits behind a 4-bit kind code, so block keys are not clear text
 *   either; the linkage unit also scores agreement per kind.
 * Token → positions results are cached (clkhash does the same); the cache holds keyed positions,
 * never exported.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { normaliseDate, normaliseDocumentNumber, normaliseName, normalisePhone, nameTokens } from '../text/normalise.ts';
import { phoneticKey } from '../text/phonetic.ts';
import type { TLinkageInput } from '../fellegi-sunter/prepare-records.ts';
import { DEFAULT_CLK_SCHEMA, encodedBits, type TClkFeatureName, type TClkSchema } from './clk-schema.ts';

const HKDF_SALT = Buffer.from('palermo/clk/v1');
const MAX_CACHE_ENTRIES = 2_000_000;

function deriveKey(secret: Uint8Array, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, info, 32));
}

/** Normalised identifying values of one record, as every feature and signature sees them. */
export interface TClkValues {
  givenName: string;
  surname: string;
  givenKey: string;
  surnameKey: string;
  /** ISO date or '' */
  dateOfBirth: string;
  sex: string;
  citizenship: string;
  documentNumber: string;
  phone: string;
}

export function normaliseClkValues(record: TLinkageInput, nameCache?: Map<string, [string, string]>): TClkValues {
  const name = (raw: string | null): [string, string] => {
    if (!raw) return ['', ''];
    let hit = nameCache?.get(raw);
    if (!hit) {
      const normalised = normaliseName(raw);
      hit = [normalised, phoneticKey(normalised)];
      if (nameCache && nameCache.size < MAX_CACHE_ENTRIES) nameCache.set(raw, hit);
    }
    return hit;
  };
  const [givenName, givenKey] = name(record.givenName);
  const [surname, surnameKey] = name(record.surname);
  const sex = (record.sex ?? '').trim().toLowerCase();
  return {
    givenName, surname, givenKey, surnameKey,
    dateOfBirth: normaliseDate(record.dateOfBirth),
    sex: sex === 'female' ? 'f' : sex === 'male' ? 'm' : sex,
    citizenship: (record.citizenship ?? '').trim().toUpperCase(),
    documentNumber: normaliseDocumentNumber(record.documentNumber),
    phone: normalisePhone(record.phone),
  };
}

function bigrams(value: string, into: string[]): void {
  const padded = ` ${value} `;
  for (let i = 0; i + 2 <= padded.length; i++) into.push(padded.slice(i, i + 2));
}

/** Tokens of one feature (deduplicated). */
export function tokeniseFeature(feature: TClkFeatureName, v: TClkValues): string[] {
  const out: string[] = [];
  switch (feature) {
    case 'names':
      for (const t of nameTokens(v.givenName)) bigrams(t, out);
      for (const t of nameTokens(v.surname)) bigrams(t, out);
      break;
    case 'name_keys':
      if (v.givenKey) bigrams(v.givenKey, out);
      if (v.surnameKey) bigrams(v.surnameKey, out);
      break;
    case 'date_of_birth':
      if (v.dateOfBirth) {
        // Six views of the date, each rarely shared by chance (no century digits, which nearly
        // everyone shares): any single typo or a day/month swap keeps four of the six.
        const y = v.dateOfBirth.slice(0, 4);
        const m = v.dateOfBirth.slice(5, 7);
        const d = v.dateOfBirth.slice(8, 10);
        out.push(`y:${y}`, `y2:${y[2]}`, `y3:${y[3]}`, `m:${m}`, `d:${d}`, `dm:${m < d ? m + d : d + m}`);
      }
      break;
    case 'sex':
      if (v.sex) out.push(v.sex);
      break;
    case 'citizenship':
      if (v.citizenship) out.push(v.citizenship);
      break;
    case 'document_number':
      if (v.documentNumber) bigrams(v.documentNumber, out);
      break;
    case 'phone':
      if (v.phone) bigrams(v.phone, out);
      break;
  }
  return [...new Set(out)];
}

/**
 * Kinds of signature, in the order of their code. The code is visible in each key (its top four
 * bits), so the linkage unit knows which kinds two records share — and which kinds a record has,
 * i.e. which of names, date of birth, document and phone are present. That is the price of scoring
 * agreement per kind (see `link-encodings.ts`); the values stay keyed. Kinds:
 * - `n+y` names (unordered pair of phonetic keys) + birth year; `n` names;
 * - `dob~` year + unordered day/month; `k+dm`, `k+y` one name's key + day/month or + year (one key
 *   per name, so a first/last swap still agrees);
 * - `doc`, `tel` document and phone;
 * - `dm~` unordered day/month and `ym` year + month: far too common to block on (never used as
 *   blocks), they only tell the classifier that a date differs in one part. No kind holds a single
 *   name alone, which would invite frequency analysis of the keys.
 */
export const SIGNATURE_KINDS = ['n+y', 'n', 'dob~', 'k+dm', 'k+y', 'doc', 'tel', 'dm~', 'ym'] as const;
export type TSignatureKind = (typeof SIGNATURE_KINDS)[number];

/** Kinds that define blocks (the others only inform the classifier). */
export const BLOCKING_KIND_COUNT = 7;

/** Kind code of a signature key (index into {@link SIGNATURE_KINDS}). */
export const readSignatureKind = (key: number): number => key >>> 28;

/** The P-Sig-style blocking signatures of a record (clear text; they are keyed before use). */
export function listBlockingSignatures(v: TClkValues): string[] {
  const out: string[] = [];
  const names = v.givenKey && v.surnameKey ? (v.givenKey < v.surnameKey ? `${v.givenKey}|${v.surnameKey}` : `${v.surnameKey}|${v.givenKey}`) : '';
  const year = v.dateOfBirth.slice(0, 4);
  const m = v.dateOfBirth.slice(5, 7);
  const d = v.dateOfBirth.slice(8, 10);
  const dm = v.dateOfBirth ? (m < d ? m + d : d + m) : '';
  if (names && year) out.push(`n+y:${names}:${year}`);
  if (names) out.push(`n:${names}`);
  if (dm) out.push(`dob~:${year}${dm}`);
  for (const key of new Set([v.givenKey, v.surnameKey])) {
    if (!key) continue;
    if (dm) out.push(`k+dm:${key}:${dm}`);
    if (year) out.push(`k+y:${key}:${year}`);
  }
  if (v.documentNumber) out.push(`doc:${v.documentNumber}`);
  if (v.phone) out.push(`tel:${v.phone}`);
  if (dm) out.push(`dm~:${dm}`, `ym:${year}${m}`);
  return out;
}

export interface TClkEncoder {
  schema: TClkSchema;
  /** Bits per stored encoding (after hardening). */
  bits: number;
  /** Bytes per stored encoding. */
  bytes: number;
  /** Hex fingerprint of the secret, so parties can check they share it without revealing it. */
  keyCheck: string;
  /** Writes the encoding of `record` at `out[offset .. offset + bytes)` (which must be zero). */
  encode(values: TClkValues, out: Uint8Array, offset: number): void;
  /** Keyed 32-bit blocking keys of a record. */
  blockKeys(values: TClkValues): number[];
}

/**
 * Creates an encoder for one secret and schema.
 * @param secret at least 16 bytes, shared by the parties out of band.
 * @throws RangeError for a short secret.
 */
export function createClkEncoder(secret: Uint8Array | string, schema: TClkSchema = DEFAULT_CLK_SCHEMA): TClkEncoder {
  const secretBytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (secretBytes.length < 16) throw new RangeError('the linkage secret must be at least 16 bytes');
  const filterBits = schema.filterBits;
  const mask = filterBits - 1;
  const featureKeys = schema.features.map((f) => deriveKey(secretBytes, `feature:${f.name}`));
  const blockingKey = deriveKey(secretBytes, 'blocking');
  const keyCheck = createHmac('sha256', deriveKey(secretBytes, 'key-check')).update('palermo').digest('hex').slice(0, 16);
  const caches = schema.features.map(() => new Map<string, Uint16Array>());
  const signatureCache = new Map<string, number>();
  const bits = encodedBits(schema);
  const bytes = bits / 8;
  const permutation = schema.hardening.balance ? balancingPermutation(deriveKey(secretBytes, 'balance-permutation'), bits) : null;
  const scratch = new Uint8Array(filterBits / 8);

  const positionsOf = (f: number, token: string, k: number): Uint16Array => {
    const cache = caches[f]!;
    const cacheKey = `${k}\u0000${token}`;
    let positions = cache.get(cacheKey);
    if (positions) return positions;
    positions = new Uint16Array(k);
    let filled = 0;
    for (let round = 0; filled < k; round++) {
      const digest = createHmac('sha256', featureKeys[f]!).update(round === 0 ? token : `${token}\u0000${round}`).digest();
      for (let s = 0; s < 16 && filled < k; s++) positions[filled++] = digest.readUInt16LE(2 * s) & mask;
    }
    if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
    cache.set(cacheKey, positions);
    return positions;
  };

  const encode = (v: TClkValues, out: Uint8Array, offset: number): void => {
    const target = permutation ? scratch.fill(0) : out;
    const base = permutation ? 0 : offset;
    const salt = schema.hardening.salt === 'birth_year' ? v.dateOfBirth.slice(0, 4) : '';
    for (let f = 0; f < schema.features.length; f++) {
      const feature = schema.features[f]!;
      const tokens = tokeniseFeature(feature.name, v);
      if (tokens.length === 0) continue;
      const k = Math.max(1, Math.round(feature.bits / tokens.length));
      for (const token of tokens) {
        const positions = positionsOf(f, salt ? `${salt}\u001f${token}` : token, k);
        for (let p = 0; p < positions.length; p++) {
          const bit = positions[p]!;
          target[base + (bit >>> 3)]! |= 1 << (bit & 7);
        }
      }
    }
    if (permutation) {
      // f ‖ ¬f, permuted: every balanced encoding has exactly filterBits bits set
      for (let bit = 0; bit < filterBits; bit++) {
        const isSet = (scratch[bit >>> 3]! >>> (bit & 7)) & 1;
        const to = permutation[isSet ? bit : bit + filterBits]!;
        out[offset + (to >>> 3)]! |= 1 << (to & 7);
      }
    }
  };

  const blockKeys = (v: TClkValues): number[] => listBlockingSignatures(v).map((signature) => {
    // only the low-cardinality kinds (names, dates) repeat often enough to be worth caching
    const cacheable = signature.startsWith('n:') || signature.startsWith('dob~:') || signature.startsWith('dm~:') || signature.startsWith('ym:');
    let key = cacheable ? signatureCache.get(signature) : undefined;
    if (key === undefined) {
      const kind = SIGNATURE_KINDS.indexOf(signature.slice(0, signature.indexOf(':')) as TSignatureKind);
      // 4 bits of kind, 28 bits of keyed hash
      key = ((kind << 28) | (createHmac('sha256', blockingKey).update(signature).digest().readUInt32LE(0) >>> 4)) >>> 0;
      if (cacheable) {
        if (signatureCache.size >= MAX_CACHE_ENTRIES) signatureCache.clear();
        signatureCache.set(signature, key);
      }
    }
    return key;
  });

  return { schema, bits, bytes, keyCheck, encode, blockKeys };
}

/** A keyed permutation of [0, n) (Fisher–Yates driven by HMAC-SHA256 in counter mode). */
function balancingPermutation(key: Buffer, n: number): Uint16Array {
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  let block = Buffer.alloc(0);
  let used = 0;
  let counter = 0;
  const next32 = (): number => {
    if (used + 4 > block.length) {
      block = createHmac('sha256', key).update(`perm:${counter++}`).digest();
      used = 0;
    }
    const v = block.readUInt32LE(used);
    used += 4;
    return v;
  };
  for (let i = n - 1; i > 0; i--) {
    // rejection sampling keeps the permutation exactly uniform
    const limit = Math.floor(0x100000000 / (i + 1)) * (i + 1);
    let r = next32();
    while (r >= limit) r = next32();
    const j = r % (i + 1);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
