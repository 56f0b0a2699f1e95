import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { openTestDatabase, ENGINE } from '../../../test/support/test-database.ts';
import type { TDatabase } from '../../db/database.ts';
import { CtdcColumnBuffers, FLAG_WORDS, VALUE_COLUMN_INDEXES } from './ctdc-columns.ts';
import { distinctRows, insertImportRun } from './datasets.repo.ts';

/** Buffers filled directly: one value per value column and the packed flag words, per row. */
function buffersOf(rows: { values: (string | number | null)[]; words: number[] }[], recordIds: number[] = []): CtdcColumnBuffers {
  const buffers = new CtdcColumnBuffers();
  rows.forEach((row, r) => {
    buffers.rowNumbers.push(r + 2);
    if (recordIds[r] !== undefined) buffers.recordIds.push(recordIds[r]);
    VALUE_COLUMN_INDEXES.forEach((column, v) => buffers.values[column]!.push(row.values[v] ?? null));
    for (let w = 0; w < FLAG_WORDS; w++) {
      buffers.recorded[w]!.push(row.words[w]!);
      buffers.set[w]!.push(row.words[FLAG_WORDS + w]!);
    }
  });
  return buffers;
}

describe('distinct rows of an import chunk', () => {
  // Few distinct characters, separators and look-alikes ('1' vs 1, '' vs null), so rows collide often.
  const value = fc.oneof(fc.constant(null), fc.constantFrom('', 'a', 'a;b', 's1:a', '_', 'n1;', '1', ';', '"', '\\', 'NULL'), fc.integer({ min: 0, max: 2 }));
  const row = fc.record({
    values: fc.array(value, { minLength: VALUE_COLUMN_INDEXES.length, maxLength: VALUE_COLUMN_INDEXES.length }),
    words: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2 * FLAG_WORDS, maxLength: 2 * FLAG_WORDS }),
  });
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

  test('two rows share a distinct row exactly when every stored value is the same', () => {
    // Rows repeat earlier rows, as in real files. The parser shares one record object between
    // the repeats it recognised by their text (not always all of them), and the buffers number
    // rows by record object: a row may then skip its key, never change its distinct row.
    const rowsWithRepeats = fc.array(fc.tuple(row, fc.nat(), fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 40 }).map((items) => {
      const rows: (typeof items)[number][0][] = [];
      const recordIds: number[] = [];
      for (const [next, earlier, isRepeat, isRecognised] of items) {
        const source = rows.length > 0 && isRepeat ? earlier % rows.length : -1;
        rows.push(source >= 0 ? rows[source]! : next);
        recordIds.push(source >= 0 && isRecognised ? recordIds[source]! : rows.length - 1);
      }
      return { rows, recordIds };
    });
    fc.assert(fc.property(rowsWithRepeats, fc.nat(5), fc.boolean(), ({ rows, recordIds }, offset, isNumbered) => {
      const from = Math.min(offset, rows.length - 1);
      const { firsts, rowPattern } = distinctRows(buffersOf(rows, isNumbered ? recordIds : []), from, rows.length);
      for (let i = from; i < rows.length; i++) {
        const pattern = rowPattern[i - from]!;
        // Each row points at a first occurrence holding exactly its values ...
        assert.ok(same(rows[firsts[pattern - 1]!], rows[i]));
        // ... and distinct rows are distinct.
        for (let j = from; j < i; j++) assert.equal(rowPattern[j - from] === pattern, same(rows[j], rows[i]));
      }
      assert.equal(new Set(firsts.map((f) => JSON.stringify(rows[f]))).size, firsts.length);
    }));
  });
});

describe(`stored CTDC records keep their import run (${ENGINE})`, () => {
  let database: TDatabase;
  let orgId: string;
  let runId: string;

  before(async () => {
    database = await openTestDatabase();
    orgId = (await sql<{ id: string }>`insert into organisations (name, kind) values ('Storage test', 'government') returning id`.execute(database.db)).rows[0]!.id;
    runId = (await database.transaction((tx) => insertImportRun(tx, {
      orgId, source: 'ctdc', status: 'completed', isDryRun: false, isPartialAllowed: false, layout: 'kAnon2021', fileName: 'x.csv', fileBytes: 1, fileSha256: 'a'.repeat(64),
      rowCount: 1, validRowCount: 1, invalidRowCount: 0, importedRowCount: 1, issueCount: 0, issues: [], isIssueListTruncated: false, warnings: [],
      startedAt: new Date(), finishedAt: new Date(), startedByType: 'system', startedById: null, startedByLabel: 'system',
    }))).id;
    await sql`insert into external_ctdc_records (org_id, import_run_id, row_number) values (${orgId}, ${runId}, 2), (${orgId}, ${runId}, 3)`.execute(database.db);
  });
  after(() => database.close());

  test('a record of an unknown run, or of a run of another organisation, is refused', async () => {
    const other = (await sql<{ id: string }>`insert into organisations (name, kind) values ('Other', 'government') returning id`.execute(database.db)).rows[0]!.id;
    await assert.rejects(sql`insert into external_ctdc_records (org_id, import_run_id, row_number) values (${orgId}, gen_random_uuid(), 2)`.execute(database.db), /reference an import run that does not exist/);
    await assert.rejects(sql`insert into external_ctdc_records (org_id, import_run_id, row_number) values (${other}, ${runId}, 2)`.execute(database.db), /reference an import run that does not exist/);
    await assert.rejects(sql`insert into external_ctdc_records (org_id, import_run_id, row_number) values (${orgId}, ${runId}, 4), (${orgId}, gen_random_uuid(), 5)`.execute(database.db), /does not exist/, 'one bad row refuses the statement');
    await assert.rejects(sql`update external_ctdc_records set import_run_id = gen_random_uuid() where org_id = ${orgId} and row_number = 2`.execute(database.db), /does not exist/);
    const stored = await sql<{ n: number }>`select count(*)::int as n from external_ctdc_records where org_id = ${orgId}`.execute(database.db);
    assert.equal(stored.rows[0]!.n, 2);
  });

  test('a run cannot be deleted or re-keyed while records refer to it; once they are gone it can', async () => {
    await assert.rejects(sql`delete from import_runs where id = ${runId}`.execute(database.db), /still has CTDC records/);
    await assert.rejects(sql`update import_runs set id = gen_random_uuid() where id = ${runId}`.execute(database.db), /still has CTDC records/);
    await sql`update import_runs set file_name = 'renamed.csv' where id = ${runId}`.execute(database.db);
    await database.transaction(async (tx) => {
      await sql`delete from external_ctdc_records where import_run_id = ${runId}`.execute(tx);
      await sql`delete from import_runs where id = ${runId}`.execute(tx);
      throw new Error('roll back');
    }).catch((error: Error) => assert.equal(error.message, 'roll back'));
  });
});
