/**
 * Links N parties' encoded sets: every pair of parties through `linkEncodedSets` (one Dice pool
 * shared by all pairs), links joined across pairs into clusters (union–find), one random cluster
 * id per cluster. A pair of parties whose key checks differ used different secrets: nothing of
 * theirs can match, so the pair is skipped and counted. Each party then gets its own record ids
 * with cluster ids and, per record, how many other parties hold a record of the same cluster.
 */
import { randomBytes } from 'node:crypto';
import { linkEncodedSets, type TDicePool, type TEncodedSet } from '../../../core/linkage/index.ts';

export interface TPartySet {
  partyId: string;
  set: TEncodedSet;
}

export interface TPartyResult {
  partyId: string;
  records: { recordId: string; clusterId: string; otherParties: number }[];
}

export interface TLinkPartiesResult {
  parties: TPartyResult[];
  clusters: number;
  partyPairsSkipped: number;
}

export async function linkParties(
  parties: readonly TPartySet[],
  options: { pool: TDicePool; solve: 'one-to-one' | 'clusters'; threshold: number; onPairDone?: (done: number, total: number) => void },
): Promise<TLinkPartiesResult> {
  const offsets: number[] = [];
  let total = 0;
  for (const p of parties) {
    offsets.push(total);
    total += p.set.count;
  }
  const parent = new Int32Array(total);
  for (let i = 0; i < total; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const pairs = (parties.length * (parties.length - 1)) / 2;
  let done = 0;
  let skipped = 0;
  for (let i = 0; i < parties.length; i++) {
    for (let j = i + 1; j < parties.length; j++) {
      const a = parties[i]!.set;
      const b = parties[j]!.set;
      if (a.keyCheck !== b.keyCheck) {
        skipped++;
      } else {
        const result = await linkEncodedSets(a, b, { pool: options.pool, solve: options.solve, threshold: options.threshold });
        for (let k = 0; k < result.links.count; k++) {
          const x = find(offsets[i]! + result.links.left[k]!);
          const y = find(offsets[j]! + result.links.right[k]!);
          if (x !== y) parent[x] = y;
        }
      }
      options.onPairDone?.(++done, pairs);
    }
  }
  // parties per cluster root
  const partiesOfRoot = new Map<number, Set<number>>();
  for (let p = 0; p < parties.length; p++) {
    for (let k = 0; k < parties[p]!.set.count; k++) {
      const root = find(offsets[p]! + k);
      let held = partiesOfRoot.get(root);
      if (!held) partiesOfRoot.set(root, (held = new Set()));
      held.add(p);
    }
  }
  const idOfRoot = new Map<number, string>();
  for (const root of partiesOfRoot.keys()) idOfRoot.set(root, randomBytes(12).toString('base64url'));
  return {
    clusters: partiesOfRoot.size,
    partyPairsSkipped: skipped,
    parties: parties.map((party, p) => ({
      partyId: party.partyId,
      records: party.set.ids.map((recordId, k) => {
        const root = find(offsets[p]! + k);
        return { recordId, clusterId: idOfRoot.get(root)!, otherParties: partiesOfRoot.get(root)!.size - 1 };
      }),
    })),
  };
}
