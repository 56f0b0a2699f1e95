/**
 * Record-level releases on the real CTDC file (97,750 rows), imported through the datasets API:
 * the published file, read back by a reader that shares no code with core/ctdc, has every
 * combination of the six quasi-identifiers shared by at least k records.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REAL_CTDC_FILE, realDataSkipReason } from '../../../core/ctdc/real-data-path.ts';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { formOfExploitation, readCtdcFileIndependently, type TIndependentCtdcFile } from '../datasets/independent-ctdc-reader.test-support.ts';

const skip = realDataSkipReason();
const QI_COLUMNS = ['yearOfRegistration', 'gender', 'ageBroad', 'citizenship', 'CountryOfExploitation'];
const FORM_FLAGS = ['isForcedLabour', 'isSexualExploit', 'isOtherExploit', 'isSexAndLabour', 'isForcedMarriage', 'isForcedMilitary', 'isOrganRemoval', 'isSlaveryAndPractices'];

/** Group sizes by the quasi-identifiers as published (a widened form shows as `*` flags). */
function classSizes(file: TIndependentCtdcFile): Map<string, number> {
  const at = QI_COLUMNS.map((c) => file.columns.indexOf(c));
  const flagsAt = FORM_FLAGS.map((c) => file.columns.indexOf(c));
  const sizes = new Map<string, number>();
  for (const row of file.rows) {
    const isWidened = flagsAt.some((i) => row[i] === '*');
    const key = [...at.map((i) => row[i]), isWidened ? '*' : formOfExploitation(file, row)].join('|');
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return sizes;
}

describe(`k-anonymous record-level releases of the real CTDC file (${ENGINE})`, { skip }, () => {
  let t: TTestApp;
  let orgId: string;
  let analyst: TAgent;
  let coordinator: TAgent;
  let folder: string;

  before(async () => {
    if (skip) return;
    t = await createTestApp();
    orgId = (await t.seedFirstAdmin()).organisationId;
    analyst = await t.login(await t.addUser(orgId, 'analyst'));
    coordinator = await t.login(await t.addUser(orgId, 'coordinator'));
    const imported = await analyst.request('POST', `/api/organisations/${orgId}/datasets/ctdc-imports`, { fileName: 'the_global_k_anon_dataset.csv', csv: readFileSync(REAL_CTDC_FILE, 'utf8') });
    assert.equal(imported.statusCode, 201, imported.body.slice(0, 300));
    folder = mkdtempSync(join(tmpdir(), 'palermo-release-'));
  });
  after(async () => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    await t?.close();
  });

  async function publishRecordLevel(k: number): Promise<{ release: { id: string; result: { summary: Record<string, unknown> } }; csv: Buffer }> {
    const prepared = await analyst.request('POST', `/api/organisations/${orgId}/releases`, { kind: 'record_level', title: `CTDC records, k = ${k}`, language: 'en', k, maxSuppressionRate: 0.05 });
    assert.equal(prepared.statusCode, 201, prepared.body.slice(0, 300));
    const approved = await coordinator.request('POST', `/api/organisations/${orgId}/releases/${prepared.json().release.id}/approve`);
    assert.equal(approved.statusCode, 200, approved.body.slice(0, 300));
    const release = approved.json().release;
    assert.deepEqual(release.files.map((f: { format: string }) => f.format).sort(), ['csv', 'pdf']);
    const csv = await analyst.request('GET', `/api/organisations/${orgId}/releases/${release.id}/files/csv`);
    assert.equal(csv.statusCode, 200);
    return { release, csv: csv.rawPayload };
  }

  test('k = 11: the file is already 11-anonymous, so every record is published exactly as CTDC wrote it', { timeout: 600_000 }, async () => {
    const { release, csv } = await publishRecordLevel(11);
    assert.deepEqual([release.result.summary.rowsKept, release.result.summary.rowsSuppressed, release.result.summary.informationLoss], [97_750, 0, 0]);
    assert.equal(csv.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 BOM first');
    assert.ok(csv.subarray(3).equals(readFileSync(REAL_CTDC_FILE)), 'byte for byte the CTDC file');
    assert.equal((await auditRows(t.database, 'release.published', release.id)).length, 1);
  });

  test('k = 50: generalised and suppressed, every quasi-identifier combination has at least 50 records', { timeout: 600_000 }, async () => {
    const { release, csv } = await publishRecordLevel(50);
    const summary = release.result.summary as { rowsKept: number; rowsSuppressed: number; informationLoss: number; levels: Record<string, number>; smallestClassSize: number };
    const path = join(folder, 'k50.csv');
    writeFileSync(path, csv.subarray(3));
    const file = readCtdcFileIndependently(path);
    assert.equal(file.rows.length, summary.rowsKept);
    assert.equal(summary.rowsKept + summary.rowsSuppressed, 97_750);
    assert.ok(summary.rowsSuppressed <= 0.05 * 97_750);
    assert.ok(summary.informationLoss > 0 && summary.informationLoss < 1);
    assert.ok(Object.values(summary.levels).some((level) => level > 0), 'something was generalised');
    const sizes = classSizes(file);
    const smallest = Math.min(...sizes.values());
    assert.ok(smallest >= 50, `smallest class ${smallest}`);
    assert.equal(smallest, summary.smallestClassSize);
    // The years became five-year periods (the chosen level), written in the year column.
    if (summary.levels.yearOfRegistration === 1) assert.ok(file.rows.every((row) => /^(\d{4}–\d{4})?$/.test(row[0]!)));
    console.log(`# k=50: kept ${summary.rowsKept}, suppressed ${summary.rowsSuppressed}, loss ${summary.informationLoss}, levels ${JSON.stringify(summary.levels)}`);
  });
});
