import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TDatabase } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { findPopulationDenominators } from './populations.repo.ts';

describe('findPopulationDenominators', () => {
  let database: TDatabase;
  before(async () => {
    database = await openTestDatabase();
    const run = await database.db.insertInto('populationImports').values({
      importedBy: null, importedByType: 'cli', fileName: 'p.csv', fileSha256: 'a'.repeat(64),
      rowCount: 4, rowsInserted: 4, rowsUpdated: 0, rowsUnchanged: 0, sourceNote: null, createdAt: new Date(),
    }).returning('id').executeTakeFirstOrThrow();
    const now = new Date();
    await database.db.insertInto('populationDenominators').values([
      { countryCode: 'IT', year: 2020, sex: 'total', ageGroup: 'total', population: 59_641_488, importId: run.id, updatedAt: now },
      { countryCode: 'IT', year: 2021, sex: 'female', ageGroup: '0-17', population: 4_500_000, importId: run.id, updatedAt: now },
      { countryCode: 'IN', year: 2020, sex: 'total', ageGroup: 'total', population: 1_396_387_127, importId: run.id, updatedAt: now },
      // Above 2^32: bigint must come back as an exact JS number.
      { countryCode: 'ZZ', year: 2100, sex: 'male', ageGroup: '18+', population: 9_007_199_254_740_000, importId: run.id, updatedAt: now },
    ]).execute();
  });
  after(() => database.close());

  it('returns every row, typed as numbers, ordered by key, when there is no filter', async () => {
    const rows = await findPopulationDenominators(database.db, {});
    assert.deepEqual(rows.map((r) => `${r.countryCode}/${r.year}/${r.sex}/${r.ageGroup}`), ['IN/2020/total/total', 'IT/2020/total/total', 'IT/2021/female/0-17', 'ZZ/2100/male/18+']);
    assert.equal(rows[3]!.population, 9_007_199_254_740_000);
    assert.equal(typeof rows[0]!.population, 'number');
  });

  it('filters by countries and years together; an empty list matches nothing', async () => {
    assert.deepEqual(await findPopulationDenominators(database.db, { countryCodes: ['IT'], years: [2020] }),
      [{ countryCode: 'IT', year: 2020, sex: 'total', ageGroup: 'total', population: 59_641_488 }]);
    assert.equal((await findPopulationDenominators(database.db, { years: [2020] })).length, 2);
    assert.deepEqual(await findPopulationDenominators(database.db, { countryCodes: [] }), []);
  });

  it('refuses rows that break the table rules', async () => {
    const run = await database.db.selectFrom('populationImports').select('id').executeTakeFirstOrThrow();
    const base = { countryCode: 'FR', year: 2020, sex: 'total' as const, ageGroup: 'total' as const, population: 1, importId: run.id, updatedAt: new Date() };
    for (const bad of [{ countryCode: 'fr' }, { year: 1949 }, { population: 0 }, { sex: 'other' }, { ageGroup: '18-64' }]) {
      await assert.rejects(database.db.insertInto('populationDenominators').values({ ...base, ...bad } as typeof base).execute(), Error, JSON.stringify(bad));
    }
  });
});
