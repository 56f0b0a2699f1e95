import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../main.ts';
import type { TCliIo } from '../cli-io.ts';
import { openDatabase } from '../../server/db/database.ts';
import { buildKAnonCsv } from '../../server/modules/datasets/ctdc-fixtures.test-support.ts';

function fakeIo(env: Record<string, string>): TCliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, env: { ...env }, out: (line) => lines.push(line), err: (line) => lines.push(line), ask: (q) => Promise.reject(new Error(`unexpected question ${q}`)) };
}

describe('palermo import ctdc (embedded data folder)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'palermo-import-'));
  const env = { DATA_DIR: dataDir, PALERMO_ADMIN_PASSWORD: 'a long enough passphrase' };
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const good = join(dataDir, 'good.csv');
  const bad = join(dataDir, 'bad.csv');
  writeFileSync(good, buildKAnonCsv([{ yearOfRegistration: 2019, gender: 'Female', isSexualExploit: 1 }, { yearOfRegistration: 2020, gender: 'Male', isForcedLabour: 1 }]));
  writeFileSync(bad, buildKAnonCsv([{ yearOfRegistration: 2019, gender: 'Female' }, { yearOfRegistration: 'soon', gender: 'Female' }]));

  test('dry run, import, duplicate refused, bad file rejected, partial import', async () => {
    const setup = fakeIo(env);
    assert.equal(await runCli(['create-admin', '--email', 'root@example.test', '--name', 'Root', '--organisation', 'Statistics Office'], setup), 0, setup.lines.join('\n'));

    const help = fakeIo(env);
    assert.equal(await runCli(['import', 'ctdc', '--help'], help), 0);
    assert.match(help.lines.join('\n'), /--allow-partial/);
    assert.equal(await runCli(['import', 'ctdc', good], fakeIo(env)), 2, 'the organisation is required');
    const unknownOrg = fakeIo(env);
    assert.equal(await runCli(['import', 'ctdc', good, '--organisation', 'Nobody'], unknownOrg), 1);
    assert.match(unknownOrg.lines.join('\n'), /No organisation named "Nobody"/);

    const dry = fakeIo(env);
    assert.equal(await runCli(['import', 'ctdc', good, '--organisation', 'Statistics Office', '--dry-run'], dry), 0, dry.lines.join('\n'));
    assert.match(dry.lines[0]!, /^Dry run: the file is valid; nothing was stored from good\.csv \(kAnon2021 layout, 2 rows read/);

    const imported = fakeIo(env);
    assert.equal(await runCli(['import', 'ctdc', good, '--organisation', 'Statistics Office'], imported), 0, imported.lines.join('\n'));
    assert.match(imported.lines[0]!, /^Imported 2 rows from good\.csv/);
    const twice = fakeIo(env);
    assert.equal(await runCli(['import', 'ctdc', good, '--organisation', 'Statistics Office'], twice), 1);
    assert.match(twice.lines.join('\n'), /imported already/);

    const rejected = fakeIo(env);
    assert.equal(await runCli(['import', 'ctdc', bad, '--organisation', 'Statistics Office'], rejected), 1);
    assert.match(rejected.lines.join('\n'), /Rejected: 1 invalid rows/);
    assert.match(rejected.lines.join('\n'), /row 3, yearOfRegistration: year must be four digits \("soon"\)/);
    const partial = fakeIo(env);
    assert.equal(await runCli(['import', 'ctdc', bad, '--organisation', 'Statistics Office', '--allow-partial'], partial), 0);
    assert.match(partial.lines[0]!, /Imported 1 valid rows; 1 invalid rows skipped/);

    const database = await openDatabase({ kind: 'embedded', dataDir });
    try {
      const runs = await database.db.selectFrom('importRuns').select(['status', 'startedByType', 'startedByLabel']).orderBy('startedAt').execute();
      assert.deepEqual(runs.map((r) => r.status), ['validated', 'completed', 'rejected', 'partial']);
      assert.ok(runs.every((r) => r.startedByType === 'cli' && r.startedByLabel?.startsWith('cli:')));
      const records = await database.db.selectFrom('externalCtdcRecords').select('rowNumber').execute();
      assert.equal(records.length, 3);
      const audit = await database.db.selectFrom('auditEvents').select('action').where('action', 'like', 'dataset.%').orderBy('seq').execute();
      assert.deepEqual(audit.map((a) => a.action), ['dataset.validated', 'dataset.imported', 'dataset.rejected', 'dataset.imported']);
    } finally {
      await database.close();
    }
  });
});
