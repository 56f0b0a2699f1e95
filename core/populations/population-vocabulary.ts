/**
 * Values of a population denominator and the spellings a CSV may use for them. Official tables
 * (UN WPP, Eurostat, national statistics offices) label the same categories differently, so a
 * few common spellings are accepted; anything else is reported rather than guessed.
 */

export const POPULATION_SEXES = ['total', 'female', 'male'] as const;
export type TPopulationSex = (typeof POPULATION_SEXES)[number];

export const POPULATION_AGE_GROUPS = ['total', '0-17', '18+'] as const;
export type TPopulationAgeGroup = (typeof POPULATION_AGE_GROUPS)[number];

/** The columns of a population CSV, in the order we write them. */
export const POPULATION_CSV_COLUMNS = ['country', 'year', 'sex', 'age_group', 'population'] as const;
export type TPopulationCsvColumn = (typeof POPULATION_CSV_COLUMNS)[number];

export const MIN_POPULATION_YEAR = 1950;
export const MAX_POPULATION_YEAR = 2100;
/** Above any country's population (~1.4 billion) with room; a larger figure is a typo. */
export const MAX_POPULATION = 10_000_000_000;

/** Accepted spellings after lower-casing, trimming and collapsing inner spaces. */
const SEX_SPELLINGS: Record<string, TPopulationSex> = {
  total: 'total', t: 'total', both: 'total', 'both sexes': 'total', all: 'total', 'all sexes': 'total',
  female: 'female', f: 'female', women: 'female', woman: 'female', females: 'female',
  male: 'male', m: 'male', men: 'male', man: 'male', males: 'male',
};

const AGE_GROUP_SPELLINGS: Record<string, TPopulationAgeGroup> = {
  total: 'total', all: 'total', 'all ages': 'total',
  '0-17': '0-17', '0 - 17': '0-17', '0 to 17': '0-17', 'under 18': '0-17', '<18': '0-17', child: '0-17', children: '0-17', minor: '0-17', minors: '0-17',
  '18+': '18+', '18 +': '18+', '18 and over': '18+', '18 and older': '18+', '>=18': '18+', adult: '18+', adults: '18+',
};

function normaliseSpelling(value: string): string {
  // En and em dashes come from spreadsheets that "correct" 0-17.
  return value.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[\u2013\u2014\u2212]/g, '-');
}

export function decodePopulationSex(value: string): TPopulationSex | null {
  return SEX_SPELLINGS[normaliseSpelling(value)] ?? null;
}

export function decodePopulationAgeGroup(value: string): TPopulationAgeGroup | null {
  return AGE_GROUP_SPELLINGS[normaliseSpelling(value)] ?? null;
}

/** The accepted spellings, for error messages and documentation. */
export const ACCEPTED_SEX_SPELLINGS: readonly string[] = Object.keys(SEX_SPELLINGS);
export const ACCEPTED_AGE_GROUP_SPELLINGS: readonly string[] = Object.keys(AGE_GROUP_SPELLINGS);
