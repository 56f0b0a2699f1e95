import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../random.ts';
import { diceJs } from '../dice/dice-kernel.ts';
import { generateDedupeDataset, generateLinkageDatasets } from '../synthetic/datasets.ts';
import { normaliseDate, normaliseDocumentNumber, normaliseName, normalisePhone } from '../text/normalise.ts';
import { phoneticKey } from '../text/phonetic.ts';
import type { TLinkageInput } from '../fellegi-sunter/prepare-records.ts';
import { DEFAULT_CLK_SCHEMA, type TClkSchema } from './clk-schema.ts';
import { normaliseClkValues, createClkEncoder } from './encode.ts';
import { encodeRecords, exportEncodings, parseEncodings } from './encodings.ts';
import { linkEncodedSets, selectPartyResult } from './link-encodings.ts';

const SECRET = 'correct horse battery staple, shared out of band';
const seededBytes = (seed: string) => {
  const rng = createRng(seed);
  return (n: number) => Uint8Array.from({ length: n }, () => rng.int(256));
};

function encodeOne(record: Partial<TLinkageInput>, schema: TClkSchema = DEFAULT_CLK_SCHEMA, secret = SECRET): Uint8Array {
  const encoder = createClkEncoder(secret, schema);
  const out = new Uint8Array(encoder.bytes);
  encoder.encode(normaliseClkValues({ recordId: 'x', givenName: null, surname: null, dateOfBirth: null, sex: null, citizenship: null, documentNumber: null, phone: null, ...record }), out, 0);
  return out;
}

const base: Partial<TLinkageInput> = { givenName: 'Aleksandr', surname: 'Ivanov', dateOfBirth: '1990-05-07', sex: 'M', citizenship: 'UKR', documentNumber: 'UK1234567', phone: '+380 67 123 4567' };

test('encodings keep similarity: same person alike, swapped names identical, other scripts close', () => {
  const a = encodeOne(base);
  assert.equal(diceJs(a, 0, encodeOne(base), 0), 1);
  assert.deepEqual(encodeOne({ ...base, givenName: 'Ivanov', surname: 'Aleksandr' }), a, 'a first/last swap encodes identically');
  assert.deepEqual(encodeOne({ ...base, dateOfBirth: '07/05/1990' }), a, 'date formats normalise');
  const cyrillic = diceJs(a, 0, encodeOne({ ...base, givenName: 'Александр', surname: 'Иванов' }), 0);
  const transliterated = diceJs(a, 0, encodeOne({ ...base, givenName: 'Alexander', surname: 'Iwanow' }), 0);
  const swappedDate = diceJs(a, 0, encodeOne({ ...base, dateOfBirth: '1990-07-05' }), 0);
  const stranger = diceJs(a, 0, encodeOne({ givenName: 'Maria', surname: 'García', dateOfBirth: '1975-11-30', sex: 'F', citizenship: 'MEX' }), 0);
  assert.ok(cyrillic > 0.95, `Cyrillic ${cyrillic}`);
  assert.ok(transliterated > 0.8, `other transliteration ${transliterated}`);
  assert.ok(swappedDate > 0.85, `day/month swap ${swappedDate}`);
  assert.ok(stranger < 0.6, `stranger ${stranger}`);
});

test('keys: another secret gives unrelated encodings and another key check', () => {
  const a = encodeOne(base);
  const b = encodeOne(base, DEFAULT_CLK_SCHEMA, 'another secret entirely, also long');
  assert.ok(diceJs(a, 0, b, 0) < 0.75);
  assert.notEqual(createClkEncoder(SECRET).keyCheck, createClkEncoder('another secret entirely, also long').keyCheck);
  assert.throws(() => createClkEncoder('short'), RangeError);
});

test('hardening: balancing gives every encoding the same popcount; salting separates birth years', () => {
  const balanced: TClkSchema = { ...DEFAULT_CLK_SCHEMA, hardening: { salt: 'none', balance: true } };
  const records = generateDedupeDataset({ seed: 'balance', records: 50 });
  const { set } = encodeRecords(records, SECRET, { schema: balanced });
  assert.equal(set.bits, 2048);
  for (let k = 0; k < set.count; k++) {
    let ones = 0;
    for (const byte of set.filters.subarray(k * 256, (k + 1) * 256)) for (let x = byte; x; x &= x - 1) ones++;
    assert.equal(ones, 1024);
  }
  const salted: TClkSchema = { ...DEFAULT_CLK_SCHEMA, hardening: { salt: 'birth_year', balance: false } };
  const otherYear = { ...base, dateOfBirth: '1991-05-07' };
  const plainSimilarity = diceJs(encodeOne(base), 0, encodeOne(otherYear), 0);
  const saltedSimilarity = diceJs(encodeOne(base, salted), 0, encodeOne(otherYear, salted), 0);
  assert.ok(saltedSimilarity < plainSimilarity - 0.2, `${saltedSimilarity} vs ${plainSimilarity}`);
  assert.equal(diceJs(encodeOne(base, salted), 0, encodeOne(base, salted), 0), 1);
});

/** Every way a value might be written: as seeded, upper, lower, title case, normalised, keyed. */
function variants(value: string | null): string[] {
  if (!value) return [];
  const out = new Set<string>();
  const n = normaliseName(value);
  for (const v of [value, value.normalize('NFD').replace(/\p{M}/gu, ''), n, n.replace(/ /g, ''), phoneticKey(n)]) {
    if (!v) continue;
    out.add(v);
    out.add(v.toUpperCase());
    out.add(v.toLowerCase());
    out.add(v.charAt(0).toUpperCase() + v.slice(1).toLowerCase());
  }
  return [...out];
}

function dateVariants(value: string | null): string[] {
  const iso = normaliseDate(value);
  if (!iso) return [];
  const [y, m, d] = iso.split('-');
  return [iso, `${d}/${m}/${y}`, `${d}.${m}.${y}`, `${y}${m}${d}`, `${d}${m}${y}`, `${m}/${d}/${y}`, `${y}/${m}/${d}`];
}

test('an encodings export holds no seeded name, date or number in any case or normalisation', () => {
  const records = generateDedupeDataset({ seed: 'leak', records: 400 });
  const { set } = encodeRecords(records, SECRET, { randomBytes: seededBytes('leak-ids') });
  const text = exportEncodings(set);
  const file = JSON.parse(text) as { records: { id: string; clk: string; blocks: number[] }[] };
  assert.deepEqual(Object.keys(file).sort(), ['format', 'keyCheck', 'records', 'runId', 'schema', 'version']);
  assert.deepEqual(Object.keys(file.records[0]!).sort(), ['blocks', 'clk', 'id']);
  // the binary payload (encodings and blocking keys), as bytes
  const payload = Buffer.concat(file.records.flatMap((r) => [Buffer.from(r.clk, 'base64'), Buffer.from(Uint32Array.from(r.blocks).buffer)]));
  // the text without the payload and the random ids (128 random bits each, checked below): format,
  // schema, key check
  const structure = text.replace(/"clk":"[^"]*"/g, '"clk":""').replace(/"id":"[^"]*"/g, '"id":""');
  const needles = new Set<string>();
  for (const r of records) {
    for (const v of [...variants(r.givenName), ...variants(r.surname)]) if (v.length >= 3) needles.add(v);
    for (const v of dateVariants(r.dateOfBirth)) needles.add(v);
    for (const v of [r.documentNumber, normaliseDocumentNumber(r.documentNumber), r.phone, normalisePhone(r.phone), normalisePhone(r.phone, 7)]) if (v && v.length >= 5) needles.add(v);
  }
  const structureLower = structure.toLowerCase();
  for (const needle of needles) {
    // (three letters would meet the schema's own words, "ion" in "version")
    if (needle.length >= 4) assert.ok(!structure.includes(needle) && !structureLower.includes(needle.toLowerCase()), `"${needle}" in the file structure`);
    // (random bytes hold a given 3-byte string with probability ~1/300 over this payload)
    if (needle.length >= 4) assert.equal(payload.indexOf(Buffer.from(needle, 'utf8')), -1, `"${needle}" in the encoded payload`);
    // the whole text (base64 included) never holds a long value, in any case
    if (needle.length >= 7) assert.ok(!text.includes(needle), `"${needle}" in the file`);
  }
  assert.ok(needles.size > 2000, `checked ${needles.size} strings`);
  for (const r of file.records) assert.match(r.id, /^[A-Za-z0-9_-]{22}$/);
});

test('record ids are random per run; the file round-trips; files of different secrets are refused', async () => {
  const records = generateDedupeDataset({ seed: 'ids', records: 200 });
  const first = encodeRecords(records, SECRET);
  const second = encodeRecords(records, SECRET);
  const overlap = first.set.ids.filter((id) => new Set(second.set.ids).has(id));
  assert.equal(overlap.length, 0);
  assert.notEqual(first.set.runId, second.set.runId);
  assert.notDeepEqual(first.localIds, records.map((r) => r.recordId), 'records are shuffled');
  assert.deepEqual([...first.localIds].sort(), records.map((r) => r.recordId).sort());
  const parsed = parseEncodings(exportEncodings(first.set));
  assert.deepEqual(parsed, first.set);
  assert.throws(() => parseEncodings('{"format":"x"}'), /invalid encodings file/);
  const other = encodeRecords(records, 'a different secret of sixteen+ bytes');
  await assert.rejects(linkEncodedSets(first.set, other.set, { threads: 0 }), /different secrets/);
});

test('PPRL on a FEBRL4-like set: accurate, the same on one thread and on two, parties see only their ids', async () => {
  const { a, b, trueMatches } = generateLinkageDatasets({ seed: 'pprl-test', sizeA: 800, sizeB: 800, overlap: 1 });
  const ea = encodeRecords(a, SECRET);
  const eb = encodeRecords(b, SECRET);
  const one = await linkEncodedSets(ea.set, eb.set, { threads: 0 });
  const two = await linkEncodedSets(ea.set, eb.set, { threads: 2 });
  const pairs = (r: typeof one) => Array.from({ length: r.links.count }, (_, p) => `${r.links.left[p]}-${r.links.right[p]}`).sort();
  assert.deepEqual(pairs(one), pairs(two));
  const entityA = new Map(a.map((r) => [r.recordId, r.entityId]));
  const entityB = new Map(b.map((r) => [r.recordId, r.entityId]));
  let correct = 0;
  for (let p = 0; p < one.links.count; p++) if (entityA.get(ea.localIds[one.links.left[p]!]!) === entityB.get(eb.localIds[one.links.right[p]!]!)) correct++;
  assert.ok(correct / one.links.count >= 0.99, `precision ${correct / one.links.count}`);
  assert.ok(correct / trueMatches >= 0.95, `recall ${correct / trueMatches}`);
  const forA = selectPartyResult(one, ea.set, 'a');
  const forB = selectPartyResult(one, eb.set, 'b');
  assert.deepEqual(forA.map((x) => x.id), ea.set.ids);
  assert.deepEqual(Object.keys(forA[0]!).sort(), ['clusterId', 'id']);
  const clustersA = new Set(forA.map((x) => x.clusterId));
  const shared = forB.filter((x) => clustersA.has(x.clusterId)).length;
  assert.equal(shared, one.links.count, 'linked records share a cluster id, others do not');
  const again = await linkEncodedSets(ea.set, eb.set, { threads: 0 });
  assert.notEqual(again.clusterOfA[0], one.clusterOfA[0], 'cluster ids are random per run');
});
