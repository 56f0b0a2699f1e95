/**
 * k-anonymity for record-level releases by full-domain generalisation plus record suppression
 * (Samarati/Sweeney style), searching the whole lattice of generalisation levels.
 *
 * - Each quasi-identifier has a ladder of levels: level 0 is the value as recorded, the last
 *   level maps everything to `*`. `null` (not recorded) is a value of its own below the top
 *   level: treating it as "could be anything" would overstate anonymity.
 * - For every combination of levels (a lattice node), records are grouped by their generalised
 *   values; records in groups smaller than k are suppressed. A node is admissible when at most
 *   `maxSuppressionRate` of the records are suppressed.
 * - Among admissible nodes the one with the least information loss wins. Loss is Iyengar's
 *   loss metric (LM): a value generalised to a group covering g of the N distinct recorded
 *   values loses (g-1)/(N-1); a suppressed record loses 1 on every quasi-identifier; the result
 *   is averaged over records and quasi-identifiers, so 0 = nothing lost, 1 = everything lost.
 * Records are first collapsed to their distinct level-0 combinations, so the search costs
 * (lattice size × distinct combinations), not (lattice size × records).
 */
import { AppError } from '../errors/app-error.ts';

export interface TQuasiIdentifier {
  name: string;
  /** Generalisation functions by level, each applied to the level-0 value (null = not recorded). */
  levels: readonly ((value: string | null) => string | null)[];
}

export interface TKAnonymityOptions {
  /** Minimum group size (default 11, as CTDC). */
  k?: number;
  /** Largest share of records that may be suppressed (default 0.05). */
  maxSuppressionRate?: number;
  /** Refuse lattices larger than this (default 50,000 nodes). */
  maxLatticeNodes?: number;
}

export interface TKAnonymisedRow {
  /** Index of the record in the input. */
  index: number;
  /** Generalised quasi-identifier values, in quasi-identifier order. */
  values: (string | null)[];
}

export interface TKAnonymityResult {
  k: number;
  /** Chosen level per quasi-identifier name. */
  levels: Record<string, number>;
  rows: TKAnonymisedRow[];
  rowsKept: number;
  rowsSuppressed: number;
  /** Loss metric in [0, 1], suppressed records included. */
  informationLoss: number;
  classCount: number;
  smallestClassSize: number;
  nodesEvaluated: number;
}

const NULL_KEY = '\u0000';

interface TLadder {
  /** id[level][combo] = id of the generalised value. */
  ids: Int32Array[];
  /** loss[level][combo] = LM loss of that combo's value at that level. */
  loss: Float64Array[];
  /** Distinct generalised values at each level (for numeric keys). */
  radix: number[];
  /** Generalised value for an id, per level. */
  values: (string | null)[][];
}

/**
 * Finds the least-loss generalisation that makes the records k-anonymous.
 * @param rows level-0 quasi-identifier values per record, in `quasiIdentifiers` order.
 * @param quasiIdentifiers ladders, one per column of `rows`.
 * @throws AppError VALIDATION_FAILED for bad options, rows of the wrong width, or a lattice
 *   larger than `maxLatticeNodes`.
 */
export function anonymiseRecords(
  rows: readonly (readonly (string | null)[])[],
  quasiIdentifiers: readonly TQuasiIdentifier[],
  options: TKAnonymityOptions = {},
): TKAnonymityResult {
  const k = options.k ?? 11;
  const maxRate = options.maxSuppressionRate ?? 0.05;
  const q = quasiIdentifiers.length;
  const latticeSize = quasiIdentifiers.reduce((p, qi) => p * qi.levels.length, 1);
  const issues: { path: string; message: string }[] = [];
  if (!Number.isSafeInteger(k) || k < 1) issues.push({ path: 'k', message: 'must be an integer ≥ 1' });
  if (!(maxRate >= 0 && maxRate <= 1)) issues.push({ path: 'maxSuppressionRate', message: 'must be in [0, 1]' });
  if (q === 0 || quasiIdentifiers.some((qi) => qi.levels.length === 0)) issues.push({ path: 'quasiIdentifiers', message: 'each needs at least one level' });
  if (latticeSize > (options.maxLatticeNodes ?? 50_000)) issues.push({ path: 'quasiIdentifiers', message: `lattice of ${latticeSize} nodes is too large` });
  const badRow = rows.findIndex((r) => r.length !== q);
  if (badRow >= 0) issues.push({ path: `rows.${badRow}`, message: `expected ${q} values` });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'Invalid k-anonymity request', { issues });

  // Distinct level-0 combinations and the records holding each.
  const comboIndex = new Map<string, number>();
  const combos: (string | null)[][] = [];
  const comboOfRow = new Int32Array(rows.length);
  const comboCount: number[] = [];
  rows.forEach((row, r) => {
    const key = row.map((v) => v ?? NULL_KEY).join('\u0001');
    let c = comboIndex.get(key);
    if (c === undefined) {
      c = combos.length;
      comboIndex.set(key, c);
      combos.push([...row]);
      comboCount.push(0);
    }
    comboCount[c]! += 1;
    comboOfRow[r] = c;
  });
  const ladders = quasiIdentifiers.map((qi, col) => buildLadder(qi, combos.map((c) => c[col]!)));

  const n = rows.length;
  const maxSuppressed = Math.floor(maxRate * n);
  let best: { node: number[]; loss: number; suppressed: number; height: number } | null = null;
  let evaluated = 0;
  for (const node of latticeNodes(quasiIdentifiers.map((qi) => qi.levels.length))) {
    evaluated++;
    const { classOf, classSize } = groupCombos(node, ladders, combos.length, comboCount);
    let suppressed = 0;
    let loss = 0;
    for (let c = 0; c < combos.length; c++) {
      const size = classSize[classOf[c]!]!;
      if (size < k) {
        suppressed += comboCount[c]!;
        loss += comboCount[c]! * q;
      } else {
        let l = 0;
        for (let d = 0; d < q; d++) l += ladders[d]!.loss[node[d]!]![c]!;
        loss += comboCount[c]! * l;
      }
    }
    if (suppressed > maxSuppressed) continue;
    const normalised = n === 0 ? 0 : loss / (n * q);
    const height = node.reduce((a, b) => a + b, 0);
    if (
      !best ||
      normalised < best.loss - 1e-12 ||
      (Math.abs(normalised - best.loss) <= 1e-12 && (suppressed < best.suppressed || (suppressed === best.suppressed && height < best.height)))
    ) {
      best = { node, loss: normalised, suppressed, height };
    }
  }
  if (!best) {
    // No admissible node: fewer than k records, or ladders without a full wildcard level.
    // Releasing nothing is the only k-anonymous answer.
    return {
      k,
      levels: Object.fromEntries(quasiIdentifiers.map((qi) => [qi.name, qi.levels.length - 1])),
      rows: [],
      rowsKept: 0,
      rowsSuppressed: n,
      informationLoss: n === 0 ? 0 : 1,
      classCount: 0,
      smallestClassSize: 0,
      nodesEvaluated: evaluated,
    };
  }
  const chosen = best;
  const { classOf, classSize } = groupCombos(chosen.node, ladders, combos.length, comboCount);
  const out: TKAnonymisedRow[] = [];
  for (let r = 0; r < n; r++) {
    const c = comboOfRow[r]!;
    if (classSize[classOf[c]!]! < k) continue;
    out.push({ index: r, values: ladders.map((ladder, d) => ladder.values[chosen.node[d]!]![ladder.ids[chosen.node[d]!]![c]!]!) });
  }
  const keptSizes = [...new Set(Array.from({ length: combos.length }, (_, c) => classOf[c]!))]
    .map((cls) => classSize[cls]!)
    .filter((s) => s >= k);
  return {
    k,
    levels: Object.fromEntries(quasiIdentifiers.map((qi, d) => [qi.name, chosen.node[d]!])),
    rows: out,
    rowsKept: out.length,
    rowsSuppressed: n - out.length,
    informationLoss: chosen.loss,
    classCount: keptSizes.length,
    smallestClassSize: keptSizes.length === 0 ? 0 : Math.min(...keptSizes),
    nodesEvaluated: evaluated,
  };
}

function buildLadder(qi: TQuasiIdentifier, comboValues: (string | null)[]): TLadder {
  const distinct = [...new Set(comboValues.filter((v): v is string => v !== null))];
  const domain = distinct.length;
  const ladder: TLadder = { ids: [], loss: [], radix: [], values: [] };
  for (const generalise of qi.levels) {
    const idOf = new Map<string, number>();
    const values: (string | null)[] = [];
    const idFor = (g: string | null): number => {
      const key = g ?? NULL_KEY;
      let id = idOf.get(key);
      if (id === undefined) {
        id = values.length;
        idOf.set(key, id);
        values.push(g);
      }
      return id;
    };
    // Group sizes: how many distinct recorded values each generalised value covers.
    const cover = new Map<string, number>();
    for (const v of distinct) {
      const key = generalise(v) ?? NULL_KEY;
      cover.set(key, (cover.get(key) ?? 0) + 1);
    }
    const ids = new Int32Array(comboValues.length);
    const loss = new Float64Array(comboValues.length);
    comboValues.forEach((v, c) => {
      const g = generalise(v);
      ids[c] = idFor(g);
      // Nothing is lost on a value that was never recorded.
      loss[c] = v === null || domain <= 1 ? 0 : ((cover.get(g ?? NULL_KEY) ?? 1) - 1) / (domain - 1);
    });
    ladder.ids.push(ids);
    ladder.loss.push(loss);
    ladder.radix.push(values.length);
    ladder.values.push(values);
  }
  return ladder;
}

function groupCombos(
  node: readonly number[],
  ladders: readonly TLadder[],
  comboTotal: number,
  comboCount: readonly number[],
): { classOf: Int32Array; classSize: number[] } {
  const classIndex = new Map<number | string, number>();
  const classOf = new Int32Array(comboTotal);
  const classSize: number[] = [];
  const isNumeric = ladders.reduce((p, l, d) => p * (l.radix[node[d]!]! + 1), 1) < Number.MAX_SAFE_INTEGER;
  for (let c = 0; c < comboTotal; c++) {
    let key: number | string;
    if (isNumeric) {
      let num = 0;
      for (let d = 0; d < ladders.length; d++) num = num * (ladders[d]!.radix[node[d]!]! + 1) + ladders[d]!.ids[node[d]!]![c]!;
      key = num;
    } else {
      key = ladders.map((l, d) => l.ids[node[d]!]![c]).join(',');
    }
    let cls = classIndex.get(key);
    if (cls === undefined) {
      cls = classSize.length;
      classIndex.set(key, cls);
      classSize.push(0);
    }
    classSize[cls]! += comboCount[c]!;
    classOf[c] = cls;
  }
  return { classOf, classSize };
}

function* latticeNodes(heights: readonly number[]): Generator<number[]> {
  const node = heights.map(() => 0);
  for (;;) {
    yield node.slice();
    let d = node.length - 1;
    while (d >= 0 && node[d] === heights[d]! - 1) {
      node[d] = 0;
      d--;
    }
    if (d < 0) return;
    node[d]! += 1;
  }
}

/**
 * Groups of released rows smaller than k (empty when the release is k-anonymous). Independent
 * of the search above, for tests and for checking any record-level file before it leaves.
 */
export function findKAnonymityViolations(
  rows: readonly (readonly (string | null)[])[],
  k: number,
): { values: (string | null)[]; size: number }[] {
  const sizes = new Map<string, { values: (string | null)[]; size: number }>();
  for (const row of rows) {
    const key = JSON.stringify(row);
    const entry = sizes.get(key);
    if (entry) entry.size++;
    else sizes.set(key, { values: [...row], size: 1 });
  }
  return [...sizes.values()].filter((g) => g.size < k);
}
