import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLinkageDatasets, normaliseDate, normaliseDocumentNumber, normaliseName, normalisePhone, type TPersonRecord } from '../../core/linkage/index.ts';
import { readCsv } from '../../core/ctdc/csv-reader.ts';
import { NO_REQUEST, withContext } from '../../server/context.ts';
import { openDatabase } from '../../server/db/database.ts';
import { createKeyring } from '../../server/crypto/keyring.ts';
import { loadOrCreateMasterKey } from '../../server/crypto/master-key.ts';
import { createCase } from '../../server/modules/cases/use-cases/create-case.ts';
import { adultCaseBody } from '../../test/support/case-fixtures.ts';
import type { TCliIo } from '../cli-io.ts';
import { runCli } from '../main.ts';

function fakeIo(env: Record<string, string>): TCliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, env: { ...env }, out: (line) => lines.push(line), err: (line) => lines.push(line), ask: () => Promise.reject(new Error('no questions')) };
}

const SECRET = 'correct horse battery staple linkage';
const COLUMNS = ['record_id', 'given_name', 'surname', 'date_of_birth', 'sex', 'citizenship', 'document_number', 'phone'] as const;
const toCsv = (records: TPersonRecord[]) => [COLUMNS.join(','), ...records.map((r) =>
  [r.recordId, r.givenName, r.surname, r.dateOfBirth, r.sex, r.citizenship, r.documentNumber, r.phone].map((v) => `"${(v ?? '').replaceAll('"', '""')}"`).join(','))].join('\n');

/** Every form a seeded value could leak in: as written, normalised, date and number variants. */
function leakForms(r: TPersonRecord): string[] {
  const forms = new Set<string>();
  for (const name of [r.givenName, r.surname]) if (name) { forms.add(name); forms.add(normaliseName(name)); }
  if (r.dateOfBirth) {
    forms.add(r.dateOfBirth);
    const iso = normaliseDate(r.dateOfBirth);
    if (iso) { const [y, m, d] = iso.split('-'); forms.add(iso); forms.add(`${y}${m}${d}`); forms.add(`${d}/${m}/${y}`); forms.add(`${d}.${m}.${y}`); forms.add(`${d}${m}${y}`); }
  }
  if (r.documentNumber) { forms.add(r.documentNumber); forms.add(normaliseDocumentNumber(r.documentNumber)); }
  if (r.phone) { forms.add(r.phone); forms.add(normalisePhone(r.phone)); forms.add(r.phone.replace(/\D/g, '')); }
  // shorter strings occur by chance in base64 text; the core test scans every length
  return [...forms].filter((f) => f.length >= 6);
}

describe('palermo link', () => {
  const dir = mkdtempSync(join(tmpdir(), 'palermo-link-'));
  const env = { PALERMO_LINKAGE_SECRET: SECRET, DATA_DIR: join(dir, 'data'), PALERMO_ADMIN_PASSWORD: 'a long enough passphrase' };
  after(() => rmSync(dir, { recursive: true, force: true }));
  const path = (name: string) => join(dir, name);
  const { a, b } = generateLinkageDatasets({ seed: 'cli-link', sizeA: 400, sizeB: 400, overlap: 0.5 });

  test('encode writes no plaintext and new random ids every run; match gives each party its own ids with cluster ids', async () => {
    writeFileSync(path('a.csv'), toCsv(a));
    writeFileSync(path('b.csv'), toCsv(b));
    const encode = async (input: string, output: string, ids: string) => {
      const io = fakeIo(env);
      assert.equal(await runCli(['link', 'encode', '--input', path(input), '--output', path(output), '--local-ids', path(ids)], io), 0, io.lines.join('\n'));
      assert.ok(io.lines.some((line) => /\] 100% done/.test(line)), 'a progress line');
      return JSON.parse(readFileSync(path(output), 'utf8')) as { runId: string; records: { id: string }[] };
    };
    const first = await encode('a.csv', 'a1.json', 'a1-ids.csv');
    const second = await encode('a.csv', 'a2.json', 'a2-ids.csv');
    await encode('b.csv', 'b.json', 'b-ids.csv');
    assert.equal(first.records.length, a.length);
    const firstIds = new Set(first.records.map((r) => r.id));
    assert.equal(second.records.filter((r) => firstIds.has(r.id)).length, 0, 'ids differ between runs');
    assert.notEqual(first.runId, second.runId);
    for (const file of ['a1.json', 'b.json']) {
      const text = readFileSync(path(file), 'utf8').toLowerCase();
      for (const record of [...a, ...b]) for (const form of leakForms(record)) assert.ok(!text.includes(form.toLowerCase()), `"${form}" appears in ${file}`);
      for (const record of a) assert.ok(!text.includes(`"${record.recordId.toLowerCase()}"`), 'no register record id');
    }

    const io = fakeIo(env);
    assert.equal(await runCli(['link', 'match', '--a', path('a1.json'), '--b', path('b.json'), '--output-a', path('ra.csv'), '--output-b', path('rb.csv'), '--threads', '1', '--stats', path('stats.json')], io), 0, io.lines.join('\n'));
    assert.match(io.lines.join('\n'), /Unique persons across both parties: \d+/);
    const resultOf = (file: string) => new Map(readCsv(readFileSync(path(file), 'utf8')).slice(1).filter((row) => row.length === 2).map(([id, cluster]) => [id!, cluster!]));
    const ra = resultOf('ra.csv');
    const rb = resultOf('rb.csv');
    assert.deepEqual([...ra.keys()].sort(), [...firstIds].sort(), 'party A gets exactly its own ids');
    assert.equal(readFileSync(path('rb.csv'), 'utf8').includes([...firstIds][0]!), false, 'nothing of A in B\'s result');
    // each party maps clusters back through its own local ids; linked people must be the same person
    const local = (file: string) => new Map(readCsv(readFileSync(path(file), 'utf8')).slice(1).filter((row) => row.length === 2).map(([id, record]) => [id!, record!]));
    const entityOf = new Map([...a, ...b].map((r) => [r.recordId, r.entityId]));
    const aByCluster = new Map([...ra].map(([id, cluster]) => [cluster, local('a1-ids.csv').get(id)!]));
    const bLocal = local('b-ids.csv');
    let links = 0;
    let correct = 0;
    for (const [id, cluster] of rb) {
      const partner = aByCluster.get(cluster);
      if (!partner) continue;
      links++;
      if (entityOf.get(partner) === entityOf.get(bLocal.get(id)!)) correct++;
    }
    assert.ok(links >= 150 && correct / links >= 0.97, `${correct}/${links} links correct`);
    const stats = JSON.parse(readFileSync(path('stats.json'), 'utf8'));
    assert.equal(stats.uniquePersons.value, a.length + b.length - links);

    const wrong = fakeIo({ ...env, PALERMO_LINKAGE_SECRET: 'short' });
    assert.equal(await runCli(['link', 'encode', '--input', path('a.csv'), '--output', path('x.json'), '--local-ids', path('x.csv')], wrong), 2);
  });

  test('encode --organisation and dedupe read the register in-process; dedupe fills the review queue', async () => {
    const admin = fakeIo(env);
    assert.equal(await runCli(['create-admin', '--email', 'root@example.test', '--name', 'Root', '--organisation', 'Shelter'], admin), 0, admin.lines.join('\n'));
    const database = await openDatabase({ kind: 'embedded', dataDir: env.DATA_DIR });
    const deps = { database, clock: () => new Date(), keyring: createKeyring(loadOrCreateMasterKey({ fromEnvironment: undefined, dataDir: env.DATA_DIR }).key) };
    const org = await database.db.selectFrom('organisations').select('id').where('name', '=', 'Shelter').executeTakeFirstOrThrow();
    const twice = { givenName: 'Oksana', familyName: 'Melnychenko', dateOfBirth: '1991-03-14', documentNumbers: ['FX1234567'] };
    for (const identity of [twice, { ...twice, givenName: 'OKSANA', familyName: 'Melnichenko' }, { givenName: 'Amara', familyName: 'Okafor', dateOfBirth: '1988-11-02' }]) {
      await withContext(deps, { type: 'system' }, NO_REQUEST, (ctx) => createCase(ctx, org.id, adultCaseBody(identity) as never));
    }
    await database.close();

    const encode = fakeIo(env);
    assert.equal(await runCli(['link', 'encode', '--organisation', 'Shelter', '--output', path('org.json'), '--local-ids', path('org-ids.csv')], encode), 0, encode.lines.join('\n'));
    const text = readFileSync(path('org.json'), 'utf8').toLowerCase();
    for (const form of ['oksana', 'melnychenko', 'okafor', '1991-03-14', 'fx1234567']) assert.ok(!text.includes(form));
    assert.equal(JSON.parse(text).records.length, 3);

    const dedupe = fakeIo(env);
    assert.equal(await runCli(['link', 'dedupe', '--organisation', 'Shelter'], dedupe), 0, dedupe.lines.join('\n'));
    assert.match(dedupe.lines.join('\n'), /De-duplication succeeded: 3 persons, \d+ pairs compared, 1 pairs to review \(reference model\)/);
    assert.ok(dedupe.lines.some((line) => /%\s+(training|scoring|writing)/.test(line)), 'progress lines');
    const reopened = await openDatabase({ kind: 'embedded', dataDir: env.DATA_DIR });
    const audit = await reopened.db.selectFrom('auditEvents').select(['action', 'actorType']).where('orgId', '=', org.id).where('action', 'like', 'dedupeJob.%').orderBy('seq').execute();
    await reopened.close();
    assert.deepEqual(audit.map((row) => `${row.action}/${row.actorType}`), ['dedupeJob.started/cli', 'dedupeJob.completed/cli']);
  });
});
