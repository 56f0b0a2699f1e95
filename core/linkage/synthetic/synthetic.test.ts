import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../random.ts';
import { detectScript } from '../text/transliterate.ts';
import { normaliseDate } from '../text/normalise.ts';
import { applyCorruption, ocrError, originalDraft, respell, typo, type TCorruptionKind } from './corrupt.ts';
import { duplicateRecord, forEachLinkageRecord, generateDedupeDataset, generateLinkageDatasets, originalRecord } from './datasets.ts';
import { feminineCyrillicSurname, romaniseCyrillic } from './cyrillic-systems.ts';
import { generateEntity } from './people.ts';

test('data sets are deterministic by seed', () => {
  assert.deepEqual(generateDedupeDataset({ seed: 's', records: 300 }), generateDedupeDataset({ seed: 's', records: 300 }));
  assert.notDeepEqual(generateDedupeDataset({ seed: 's', records: 300 }), generateDedupeDataset({ seed: 't', records: 300 }));
  // random access: person 123 is the same whatever was generated before
  assert.deepEqual(generateEntity('x', 123), generateEntity('x', 123));
});

test('a de-duplication set has clusters of 1 to 5 records and the requested size', () => {
  const records = generateDedupeDataset({ seed: 'clusters', records: 5000 });
  assert.equal(records.length, 5000);
  const sizes = new Map<number, number>();
  for (const r of records) sizes.set(r.entityId, (sizes.get(r.entityId) ?? 0) + 1);
  const histogram = [0, 0, 0, 0, 0, 0];
  for (const size of sizes.values()) histogram[size]!++;
  assert.equal(Math.max(...sizes.values()) <= 5, true);
  for (let s = 1; s <= 5; s++) assert.ok(histogram[s]! > 0, `no cluster of size ${s}`);
  assert.equal(new Set(records.map((r) => r.recordId)).size, records.length);
});

test('the population mixes scripts, cultures and transliteration variants', () => {
  const records = generateDedupeDataset({ seed: 'scripts', records: 6000 });
  const scripts = new Map<string, number>();
  for (const r of records) {
    const s = detectScript(`${r.givenName ?? ''}${r.surname ?? ''}`);
    scripts.set(s, (scripts.get(s) ?? 0) + 1);
  }
  for (const s of ['latin', 'arabic', 'cyrillic']) assert.ok((scripts.get(s) ?? 0) > 100, `${s}: ${scripts.get(s)}`);
  // one person's name appears under several spellings somewhere in the set
  const spellings = new Map<number, Set<string>>();
  for (const r of records) if (r.givenName) spellings.set(r.entityId, (spellings.get(r.entityId) ?? new Set()).add(r.givenName.toLowerCase()));
  assert.ok([...spellings.values()].filter((s) => s.size >= 2).length > 100);
  const dates = records.map((r) => r.dateOfBirth).filter((d): d is string => d !== null);
  assert.ok(dates.some((d) => d.includes('/')) && dates.some((d) => d.includes('-')) && dates.some((d) => d.includes('.')));
  assert.ok(dates.every((d) => normaliseDate(d) !== ''), 'every written date parses');
});

test('every corruption operator occurs and does what it says', () => {
  const seen = new Map<string, number>();
  for (let i = 0; i < 3000; i++) {
    const entity = generateEntity('ops', i);
    const { applied } = duplicateRecord('ops', entity, 1, `d${i}`);
    for (const kind of applied) seen.set(kind, (seen.get(kind) ?? 0) + 1);
  }
  const kinds: TCorruptionKind[] = ['typo', 'ocr', 'transliteration', 'swap-names', 'missing', 'day-month-swap', 'dob-error', 'document-typo', 'phone-typo', 'document-change', 'phone-change'];
  for (const k of kinds) assert.ok((seen.get(k) ?? 0) > 10, `${k}: ${seen.get(k)}`);

  const rng = createRng('op');
  // find a person with a day ≤ 12 that differs from the month, then swap
  let entity = generateEntity('swap', 0);
  for (let i = 1; entity.dob.d > 12 || entity.dob.d === entity.dob.m || entity.missing.dob; i++) entity = generateEntity('swap', i);
  const draft = originalDraft(rng, entity);
  assert.equal(applyCorruption(rng, draft, entity, 'day-month-swap'), 'day-month-swap');
  assert.deepEqual(draft.dob, { y: entity.dob.y, m: entity.dob.d, d: entity.dob.m });
  const before = { ...draft };
  applyCorruption(rng, draft, entity, 'swap-names');
  assert.equal(draft.given, before.surname);
  assert.equal(draft.surname, before.given);
  assert.ok(draft.namesSwapped);
});

test('string operators change the string a little', () => {
  const rng = createRng('strings');
  for (let i = 0; i < 200; i++) {
    const t = typo(rng, 'Alexander');
    assert.ok(Math.abs(t.length - 9) <= 1 && t !== '');
  }
  assert.equal(ocrError(rng, 'xyz'), 'xyz');
  assert.notEqual(ocrError(rng, 'Boris'), 'Boris');
  assert.notEqual(respell(rng, 'Philippe'), 'Philippe');
  assert.equal(romaniseCyrillic('Щербаков', 'german'), 'Schtscherbakow');
  assert.equal(romaniseCyrillic('Юлия', 'icao'), 'Iuliia');
  assert.equal(romaniseCyrillic('Елена', 'bgn'), 'Yelena');
  assert.equal(feminineCyrillicSurname('Иванов'), 'Иванова');
  assert.equal(feminineCyrillicSurname('Хмельницкий'), 'Хмельницкая');
  assert.equal(feminineCyrillicSurname('Шевченко'), 'Шевченко');
});

test('a two-party set shares exactly the requested people, each once per party', () => {
  const { a, b, trueMatches } = generateLinkageDatasets({ seed: 'pair', sizeA: 1000, sizeB: 800, overlap: 0.5 });
  assert.equal(a.length, 1000);
  assert.equal(b.length, 800);
  assert.equal(trueMatches, 400);
  const inA = new Set(a.map((r) => r.entityId));
  assert.equal(inA.size, 1000);
  assert.equal(new Set(b.map((r) => r.entityId)).size, 800);
  assert.equal(b.filter((r) => inA.has(r.entityId)).length, 400);
  // A holds first records: identical to the original rendering of the person
  const first = a[0]!;
  assert.deepEqual(originalRecord('pair', generateEntity('pair', first.entityId), first.recordId), first);
  let streamed = 0;
  forEachLinkageRecord({ seed: 'pair', sizeA: 10, sizeB: 10, overlap: 1 }, () => streamed++);
  assert.equal(streamed, 20);
});
