/**
 * Where PPRL recall and precision are lost: `npx tsx bench/linkage/pprl-diagnose.ts [--scale 0.1]`.
 * For every shared person: is the true pair a candidate (blocked and Dice ≥ candidate threshold),
 * did the classifier accept it, did one-to-one keep it? For every wrong link: its Dice and the
 * encoded comparison pattern. Not part of `npm run bench:linkage`. Encodings are cached in the
 * temporary folder; PPRL_MATCH_WEIGHT=w tries another link threshold (default 0).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportEncodings, parseEncodings } from '../../core/linkage/clk/encodings.ts';
import { linkEncodedSets, writeEncodedLevels } from '../../core/linkage/clk/link-encodings.ts';
import type { TPairList } from '../../core/linkage/clusters.ts';
import { parseArgs } from './bench-support.ts';
import { encodeParties, type TParty } from './pprl.bench.ts';

const args = parseArgs(process.argv.slice(2));
const size = Math.round(1_000_000 * args.scale);
// encodings are cached between runs (they take most of the time and do not change while the classifier is tuned)
const cache = join(tmpdir(), `palermo-pprl-diagnose-${size}-${args.overlap}.json`);
let parties: { a: TParty; b: TParty; trueMatches: number };
if (existsSync(cache)) {
  const saved = JSON.parse(readFileSync(cache, 'utf8')) as { a: string; b: string; entityA: number[]; entityB: number[]; trueMatches: number };
  parties = { a: { set: parseEncodings(saved.a), entityOf: Int32Array.from(saved.entityA) }, b: { set: parseEncodings(saved.b), entityOf: Int32Array.from(saved.entityB) }, trueMatches: saved.trueMatches };
} else {
  const encoded = encodeParties({ seed: 'pprl-1m', size, overlap: args.overlap });
  console.log(`encoded ${size} + ${size} in ${encoded.seconds.toFixed(1)} s`);
  writeFileSync(cache, JSON.stringify({ a: exportEncodings(encoded.a.set), b: exportEncodings(encoded.b.set), entityA: [...encoded.a.entityOf], entityB: [...encoded.b.entityOf], trueMatches: encoded.trueMatches }));
  parties = encoded;
}
const { a, b, trueMatches } = parties;
console.log(`${size} + ${size} records; ${trueMatches} shared people`);
let candidates: TPairList | null = null;
let decided: TPairList | null = null;
const result = await linkEncodedSets(a.set, b.set, { threads: 2, matchWeight: Number(process.env.PPRL_MATCH_WEIGHT ?? 0), inspect: (c, d) => { candidates = c; decided = d; } });
const c = candidates as unknown as TPairList;
const d = decided as unknown as TPairList;
const bOfEntity = new Map<number, number>();
for (let k = 0; k < b.set.count; k++) bOfEntity.set(b.entityOf[k]!, k);
const truePartner = Int32Array.from(a.entityOf, (e) => bOfEntity.get(e) ?? -1);
const key = (i: number, j: number) => i * b.set.count + j;
const candidateDice = new Map<number, number>();
for (let p = 0; p < c.count; p++) if (truePartner[c.left[p]!] === c.right[p]) candidateDice.set(key(c.left[p]!, c.right[p]!), c.score[p]!);
const decidedSet = new Set<number>();
for (let p = 0; p < d.count; p++) decidedSet.add(key(d.left[p]!, d.right[p]!));
const linkedSet = new Set<number>();
for (let p = 0; p < result.links.count; p++) linkedSet.add(key(result.links.left[p]!, result.links.right[p]!));
let notCandidate = 0;
let rejected = 0;
let lostInOneToOne = 0;
let linked = 0;
const rejectedDice: number[] = [];
const row = new Int8Array(5);
const patternOf = (i: number, j: number, d: number) => { writeEncodedLevels(a.set, b.set, i, j, d, row, 0); return Array.from(row).join(','); };
const tally = new Map<string, number>();
const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const wrongPatterns = new Map<string, number>();
for (let i = 0; i < a.set.count; i++) {
  const j = truePartner[i]!;
  if (j < 0) continue;
  const k = key(i, j);
  if (!candidateDice.has(k)) notCandidate++;
  else if (!decidedSet.has(k)) { rejected++; rejectedDice.push(candidateDice.get(k)!); count(tally, patternOf(i, j, candidateDice.get(k)!)); }
  else if (!linkedSet.has(k)) lostInOneToOne++;
  else linked++;
}
const allDice = new Map<number, number>();
for (let p = 0; p < c.count; p++) allDice.set(key(c.left[p]!, c.right[p]!), c.score[p]!);
const diceOf = (i: number, j: number) => allDice.get(key(i, j)) ?? 0;
let wrong = 0;
let wrongWithPartnerA = 0;
const wrongDice: number[] = [];
for (let p = 0; p < result.links.count; p++) {
  const i = result.links.left[p]!;
  const j = result.links.right[p]!;
  if (truePartner[i] === j) continue;
  wrong++;
  if (truePartner[i]! >= 0) wrongWithPartnerA++;
  count(wrongPatterns, patternOf(i, j, result.links.score[p]! % 1 >= 0 ? diceOf(i, j) : 0));
}
for (let p = 0; p < d.count; p++) if (truePartner[d.left[p]!] !== d.right[p]) wrongDice.push(0);
const hist = (xs: number[]) => {
  const bins = [0.75, 0.8, 0.85, 0.9, 0.95, 1.01];
  return bins.slice(0, -1).map((lo, q) => `${lo}:${xs.filter((x) => x >= lo && x < bins[q + 1]!).length}`).join(' ');
};
console.log(`true pairs ${trueMatches}: linked ${linked}, not a candidate ${notCandidate}, rejected by classifier ${rejected}, lost in one-to-one ${lostInOneToOne}`);
console.log(`rejected true pairs by Dice: ${hist(rejectedDice)}`);
console.log(`links ${result.links.count}, wrong ${wrong} (of which the A record has its true partner in B: ${wrongWithPartnerA}); accepted non-matches before one-to-one ${wrongDice.length}`);
console.log(`precision ${((result.links.count - wrong) / result.links.count).toFixed(4)}, recall ${(linked / trueMatches).toFixed(4)}; candidates ${c.count}, accepted ${d.count}`);
console.log(JSON.stringify(result.stats.model?.m.map((r) => r.map((v) => +v.toFixed(4)))), JSON.stringify(result.stats.model?.u.map((r) => r.map((v) => +v.toFixed(4)))));
const top = (m: Map<string, number>) => [...m].sort((x, y) => y[1] - x[1]).slice(0, 12).map(([k, v]) => `${k}:${v}`).join('  ');
console.log(`rejected true pairs by pattern (dice band, names, date, doc, phone): ${top(tally)}`);
console.log(`wrong links by pattern: ${top(wrongPatterns)}`);
