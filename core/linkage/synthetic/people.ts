/**
 * The synthetic population: people drawn from several cultures and scripts, each with a stable
 * identity (names with their spellings, date of birth, sex, citizenship, document, phone), and
 * records rendered from them. Everything is random-access and deterministic by seed: person i of
 * seed s is the same whichever order people are asked for, so a million-record benchmark can be
 * streamed and shuffled without holding people in memory.
 */
import { createRng, createWeightedSampler, zipfWeights, type TRng } from '../random.ts';
import { feminineCyrillicSurname, CYRILLIC_SYSTEM_NAMES, romaniseCyrillic } from './cyrillic-systems.ts';
import { ARABIC_TAIL_STEMS, CULTURES, DIALLING_CODES, SURNAME_TAIL_PARTS, type TCulture, type TNameEntry } from './name-pools.ts';

/** One record as an agency holds it, with the ground-truth entity id used only for evaluation. */
export interface TPersonRecord {
  recordId: string;
  /** Ground truth: records of one person share it. Never used by the linkage algorithms. */
  entityId: number;
  givenName: string | null;
  surname: string | null;
  /** As written: ISO, DD/MM/YYYY, DD.MM.YYYY or YYYYMMDD. */
  dateOfBirth: string | null;
  sex: 'F' | 'M' | null;
  citizenship: string | null;
  documentNumber: string | null;
  phone: string | null;
}

/** All spellings of one name: Latin spellings first, then the native script form if any. */
export interface TSyntheticName {
  renderings: readonly string[];
  /** Index of the native-script rendering, or -1. */
  nativeIndex: number;
}

export interface TSyntheticDate {
  y: number;
  m: number;
  d: number;
}

/** A person of the synthetic population (the truth behind the records). */
export interface TSyntheticEntity {
  id: number;
  culture: TCulture;
  sex: 'F' | 'M';
  given: TSyntheticName;
  surname: TSyntheticName;
  /** Which rendering the person's first record uses. */
  givenRendering: number;
  surnameRendering: number;
  dob: TSyntheticDate;
  citizenship: string;
  documentNumber: string;
  /** Country dialling code and national number (digits). */
  phone: { cc: string; national: string };
  /** Fields absent even from the first record (documents withheld, no phone, age unknown). */
  missing: { dob: boolean; sex: boolean; citizenship: boolean; documentNumber: boolean; phone: boolean };
}

interface TCultureTables {
  culture: TCulture;
  givenMale: TSyntheticName[];
  givenFemale: TSyntheticName[];
  surnameMale: TSyntheticName[];
  surnameFemale: TSyntheticName[];
  pickGivenMale: (rng: TRng) => number;
  pickGivenFemale: (rng: TRng) => number;
  pickSurname: (rng: TRng) => number;
  pickCitizenship: (rng: TRng) => number;
}

/** How often a record of an Arabic- or Cyrillic-script culture is written in that script. */
const NATIVE_SCRIPT_SHARE = 0.12;
/** Reference year for ages. */
const REFERENCE_YEAR = 2025;

function uniqueStrings(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v.length > 0))];
}

function cyrillicName(native: string, conventional: readonly string[]): TSyntheticName {
  const latin = uniqueStrings([...conventional, ...CYRILLIC_SYSTEM_NAMES.map((s) => romaniseCyrillic(native, s))]);
  return { renderings: [...latin, native], nativeIndex: latin.length };
}

function entryName(entry: TNameEntry, feminine = false): TSyntheticName {
  if (entry.native === undefined) return { renderings: [...entry.latin], nativeIndex: -1 };
  if (/[\u0400-\u04ff]/.test(entry.native)) {
    const native = feminine ? feminineCyrillicSurname(entry.native) : entry.native;
    return cyrillicName(native, feminine && native !== entry.native ? [] : entry.latin);
  }
  return { renderings: [...entry.latin, entry.native], nativeIndex: entry.latin.length };
}

/** Generated surname tail: every root × ending combination, in a fixed pseudo-random order. */
function tailSurnames(culture: TCulture): TNameEntry[] {
  if (culture.code === 'ar') {
    return ARABIC_TAIL_STEMS.map(([native, stem]) => ({ native: 'ال' + native, latin: [`Al-${stem}`, `El ${stem}`, `Al${stem.toLowerCase()}`] }));
  }
  const parts = SURNAME_TAIL_PARTS[culture.code];
  if (!parts) return [];
  const [roots, endings] = parts;
  const out: TNameEntry[] = [];
  for (const root of roots) for (const ending of endings) out.push(culture.script === 'cyrillic' ? { native: root + ending, latin: [] } : { latin: [root + ending] });
  const rng = createRng(`tail:${culture.code}`);
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const tablesCache = new Map<string, TCultureTables>();

function cultureTables(culture: TCulture): TCultureTables {
  const cached = tablesCache.get(culture.code);
  if (cached) return cached;
  const surnames = [...culture.surnames, ...tailSurnames(culture)];
  // Vietnamese surnames are famously concentrated (Nguyễn ≈ 38 %): a steeper Zipf curve.
  const surnameExponent = culture.code === 'vn' ? 1.3 : 0.9;
  const tables: TCultureTables = {
    culture,
    givenMale: culture.givenMale.map((e) => entryName(e)),
    givenFemale: culture.givenFemale.map((e) => entryName(e)),
    surnameMale: surnames.map((e) => entryName(e)),
    surnameFemale: surnames.map((e) => entryName(e, true)),
    pickGivenMale: createWeightedSampler(zipfWeights(culture.givenMale.length, 0.9)),
    pickGivenFemale: createWeightedSampler(zipfWeights(culture.givenFemale.length, 0.9)),
    pickSurname: createWeightedSampler(zipfWeights(surnames.length, surnameExponent)),
    pickCitizenship: createWeightedSampler(culture.citizenships.map(([, w]) => w)),
  };
  tablesCache.set(culture.code, tables);
  return tables;
}

const pickCulture = createWeightedSampler(CULTURES.map((c) => c.weight));

/** Chooses the spelling a record starts from: mostly the common Latin one, sometimes the script. */
function chooseRendering(rng: TRng, name: TSyntheticName): number {
  if (name.nativeIndex >= 0 && rng.chance(NATIVE_SCRIPT_SHARE)) return name.nativeIndex;
  const latinCount = name.nativeIndex >= 0 ? name.nativeIndex : name.renderings.length;
  // first spelling half the time, the others share the rest
  if (latinCount <= 1 || rng.chance(0.5)) return 0;
  return 1 + rng.int(latinCount - 1);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function randomDigits(rng: TRng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(10));
  return s;
}

/** Age at the reference year: victims of trafficking are mostly young adults, some children. */
function randomAge(rng: TRng): number {
  const r = rng.next();
  if (r < 0.15) return 10 + rng.int(8);
  if (r < 0.75) return 18 + rng.int(18);
  return 36 + rng.int(30);
}

export function randomDocumentNumber(rng: TRng, citizenship: string): string {
  return citizenship.slice(0, 2) + randomDigits(rng, 7);
}

export function randomNationalPhone(rng: TRng): string {
  return String(6 + rng.int(3)) + randomDigits(rng, 8);
}

/**
 * Person `index` of the population of `seed`. Deterministic and random-access.
 */
export function generateEntity(seed: string | number, index: number): TSyntheticEntity {
  const rng = createRng(`${seed}/e${index}`);
  const culture = CULTURES[pickCulture(rng)]!;
  const tables = cultureTables(culture);
  const sex: 'F' | 'M' = rng.chance(0.6) ? 'F' : 'M';
  const given = sex === 'F' ? tables.givenFemale[tables.pickGivenFemale(rng)]! : tables.givenMale[tables.pickGivenMale(rng)]!;
  const surnameIndex = tables.pickSurname(rng);
  const surname = sex === 'F' ? tables.surnameFemale[surnameIndex]! : tables.surnameMale[surnameIndex]!;
  const y = REFERENCE_YEAR - randomAge(rng);
  const m = 1 + rng.int(12);
  const d = 1 + rng.int(daysInMonth(y, m));
  const citizenship = culture.citizenships[tables.pickCitizenship(rng)]![0];
  return {
    id: index,
    culture,
    sex,
    given,
    surname,
    givenRendering: chooseRendering(rng, given),
    surnameRendering: chooseRendering(rng, surname),
    dob: { y, m, d },
    citizenship,
    documentNumber: randomDocumentNumber(rng, citizenship),
    phone: { cc: DIALLING_CODES[citizenship] ?? '1', national: randomNationalPhone(rng) },
    missing: {
      dob: rng.chance(0.04),
      sex: rng.chance(0.02),
      citizenship: rng.chance(0.05),
      documentNumber: rng.chance(0.35),
      phone: rng.chance(0.3),
    },
  };
}
