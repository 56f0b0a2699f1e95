import { sql } from 'kysely';
import type { TDb, TTx } from '../../db/database.ts';
import type { TPopulationAgeGroup, TPopulationSex } from '../../db/schema/populations.ts';

export interface TPopulationDenominator {
  countryCode: string;
  year: number;
  sex: TPopulationSex;
  ageGroup: TPopulationAgeGroup;
  population: number;
}

export interface TPopulationFilter {
  /** ISO 3166-1 alpha-2, upper case; absent = every country, empty = none. */
  countryCodes?: string[];
  /** Absent = every year, empty = none. */
  years?: number[];
}

/**
 * The stored denominators matching the filter, ordered by country, year, sex, age group.
 * Used by the statistics engine for rates per 100,000 population.
 */
export async function findPopulationDenominators(db: TDb | TTx, filter: TPopulationFilter): Promise<TPopulationDenominator[]> {
  if (filter.countryCodes?.length === 0 || filter.years?.length === 0) return [];
  let query = db
    .selectFrom('populationDenominators')
    .select(['countryCode', 'year', 'sex', 'ageGroup', 'population']);
  if (filter.countryCodes) query = query.where('countryCode', 'in', filter.countryCodes);
  if (filter.years) query = query.where('year', 'in', filter.years);
  const rows = await query.orderBy('countryCode').orderBy('year').orderBy('sex').orderBy('ageGroup').execute();
  // bigint arrives as a number through server/db/database.ts; Number() keeps that true for any driver.
  return rows.map((row) => ({ ...row, population: Number(row.population) }));
}

/** Rows per INSERT … ON CONFLICT statement (7 parameters each). */
const UPSERT_CHUNK_ROWS = 2000;

/** Inserts or overwrites figures, stamping them with the run that wrote them. */
export async function upsertPopulationDenominators(tx: TTx, rows: readonly TPopulationDenominator[], importId: string, now: Date): Promise<void> {
  for (let start = 0; start < rows.length; start += UPSERT_CHUNK_ROWS) {
    const chunk = rows.slice(start, start + UPSERT_CHUNK_ROWS).map((row) => ({ ...row, importId, updatedAt: now }));
    await tx.insertInto('populationDenominators').values(chunk)
      .onConflict((conflict) => conflict.columns(['countryCode', 'year', 'sex', 'ageGroup']).doUpdateSet((eb) => ({
        population: eb.ref('excluded.population'), importId: eb.ref('excluded.importId'), updatedAt: eb.ref('excluded.updatedAt'),
      })))
      .execute();
  }
}

export interface TNewPopulationImport {
  importedBy: string | null;
  importedByType: 'user' | 'cli';
  fileName: string;
  fileSha256: string;
  rowCount: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  warningCount: number;
  sourceNote: string | null;
  createdAt: Date;
}

export async function insertPopulationImport(tx: TTx, run: TNewPopulationImport): Promise<string> {
  const row = await tx.insertInto('populationImports').values(run).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export interface TPopulationImportRecord extends TNewPopulationImport {
  id: string;
  importedByDisplayName: string | null;
}

export function findPopulationImports(db: TDb | TTx, limit: number): Promise<TPopulationImportRecord[]> {
  return db.selectFrom('populationImports')
    .leftJoin('users', 'users.id', 'populationImports.importedBy')
    .selectAll('populationImports')
    .select('users.displayName as importedByDisplayName')
    .orderBy('populationImports.createdAt', 'desc').orderBy('populationImports.id')
    .limit(limit)
    .execute();
}

export interface TStoredPopulationDenominator extends TPopulationDenominator {
  importId: string;
  updatedAt: Date;
}

/** One page of stored figures for the admin table, with the number of matching rows. */
export async function findPopulationPage(db: TDb | TTx, filter: { countryCode?: string; year?: number; offset: number; limit: number }): Promise<{ rows: TStoredPopulationDenominator[]; total: number }> {
  let base = db.selectFrom('populationDenominators');
  if (filter.countryCode) base = base.where('countryCode', '=', filter.countryCode);
  if (filter.year !== undefined) base = base.where('year', '=', filter.year);
  const [rows, count] = await Promise.all([
    base.select(['countryCode', 'year', 'sex', 'ageGroup', 'population', 'importId', 'updatedAt'])
      // Totals first, then the parts in reading order (female, male; 0-17, 18+).
      .orderBy('countryCode').orderBy('year', 'desc')
      .orderBy(sql`sex <> 'total'`).orderBy('sex').orderBy(sql`age_group <> 'total'`).orderBy('ageGroup')
      .offset(filter.offset).limit(filter.limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((row) => ({ ...row, population: Number(row.population) })), total: Number(count.total) };
}
