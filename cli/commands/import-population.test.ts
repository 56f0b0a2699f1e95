import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../main.ts';
import type { TCliIo } from '../cli-io.ts';
import { openDatabase } from '../../server/db/database.ts';

function fakeIo(env: Record<string, string>): TCliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, env: { ...env }, out: (line) => lines.push(line), err: (line) => lines.push(line), ask: (q) => Promise.reject(new Error(`unexpected question ${q}`)) };
}

const EXAMPLE = fileURLToPath(new URL('../../test/fixtures/populations/example.csv', import.meta.url));

describe('palermo import population (embedded data folder)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'palermo-population-'));
  const env = { DATA_DIR: dataDir, PALERMO_ADMIN_PASSWORD: 'a long enough passphrase' };
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const bad = join(dataDir, 'bad.csv');
  const update = join(dataDir, 'update.csv');
  writeFileSync(bad, 'country;year;sex;age_group;population\nIT;2022;total;total;58.900.000\nIT;2022;total;total;1\n');
  writeFileSync(update, 'country,year,sex,age_group,population\nIT,2022,total,total,59000000\n');

  test('bad file, dry run, import, update; runs and audit rows by the CLI actor', async () => {
    const usage = fakeIo(env);
    assert.equal(await runCli(['import', 'population'], usage), 2);

    const rejected = fakeIo(env);
    assert.equal(await runCli(['import', 'population', bad], rejected), 1);
    assert.deepEqual(rejected.lines, [
      'The file has 1 problem; nothing was imported. (bad.csv)',
      'row 2, population: write digits only, without thousands separators (no commas, dots, spaces, apostrophes or underscores) ("58.900.000")',
    ]);

    const dry = fakeIo(env);
    assert.equal(await runCli(['import', 'population', EXAMPLE, '--dry-run'], dry), 0, dry.lines.join('\n'));
    assert.deepEqual(dry.lines, ['Dry run: example.csv is valid; 72 rows: 72 new, 0 changed, 0 unchanged. Nothing was stored.']);

    const imported = fakeIo(env);
    assert.equal(await runCli(['import', 'population', EXAMPLE, '--source', 'Illustrative figures'], imported), 0, imported.lines.join('\n'));
    assert.match(imported.lines[0]!, /^Imported example\.csv: 72 rows: 72 new, 0 changed, 0 unchanged\. Import [0-9a-f-]{36}\.$/);

    const updated = fakeIo(env);
    assert.equal(await runCli(['import', 'population', update], updated), 0);
    assert.match(updated.lines[0]!, /1 rows: 0 new, 1 changed, 0 unchanged/);
    assert.equal(updated.lines[1], '  IT 2022 total total: 58900000 → 59000000');

    const database = await openDatabase({ kind: 'embedded', dataDir });
    try {
      const runs = await database.db.selectFrom('populationImports').select(['importedByType', 'importedBy', 'sourceNote', 'rowsInserted']).orderBy('createdAt').execute();
      assert.deepEqual(runs, [
        { importedByType: 'cli', importedBy: null, sourceNote: 'Illustrative figures', rowsInserted: 72 },
        { importedByType: 'cli', importedBy: null, sourceNote: null, rowsInserted: 0 },
      ]);
      const stored = await database.db.selectFrom('populationDenominators').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(stored.n), 72);
      const audits = await database.db.selectFrom('auditEvents').select(['actorType']).where('action', '=', 'population.imported').execute();
      assert.deepEqual(audits.map((a) => a.actorType), ['cli', 'cli']);
    } finally {
      await database.close();
    }
  });
});
