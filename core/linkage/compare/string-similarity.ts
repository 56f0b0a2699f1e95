/**
 * String comparison functions for the clear-text linkage path. All work on UTF-16 code units of
 * already normalised strings (see `text/normalise.ts`), allocate nothing per call on the hot path,
 * and are deterministic.
 */

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

function ensureFlags(n: number): void {
  if (flagsA.length < n) {
    flagsA = new Uint8Array(n * 2);
    flagsB = new Uint8Array(n * 2);
  }
}

/**
 * Jaro similarity in [0, 1]: matching characters within a window of half the longer length,
 * penalised by half the transpositions. Two empty strings are 1; one empty string gives 0.
 */
export function jaro(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 && lb === 0) return 1;
  if (la === 0 || lb === 0) return 0;
  if (a === b) return 1;
  ensureFlags(Math.max(la, lb));
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const ca = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === ca) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  return (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
}

/**
 * Jaro–Winkler similarity: Jaro plus a bonus of `prefixScale` per shared leading character (at
 * most four), so names that agree at the start — where transcription errors are rarest — score
 * higher. `prefixScale` must be ≤ 0.25 to keep the result in [0, 1].
 */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  const j = jaro(a, b);
  if (j === 0 || j === 1) return j;
  let prefix = 0;
  const max = Math.min(4, a.length, b.length);
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * prefixScale * (1 - j);
}

let rowPrevious = new Int32Array(64);
let rowCurrent = new Int32Array(64);

/**
 * Levenshtein distance bounded by `max`: the exact distance when it is ≤ max, otherwise max + 1.
 * Only a diagonal band of width 2·max + 1 is computed and the loop stops as soon as every cell of
 * a row exceeds the bound, so a near-miss costs O(max·n) and a clear miss less.
 */
export function levenshteinBounded(a: string, b: string, max: number): number {
  if (max < 0) throw new RangeError('max must be ≥ 0');
  if (a === b) return 0;
  let la = a.length;
  let lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la > lb) {
    const t = a; a = b; b = t;
    la = a.length; lb = b.length;
  }
  if (la === 0) return lb <= max ? lb : max + 1;
  if (rowPrevious.length < lb + 1) {
    rowPrevious = new Int32Array(2 * (lb + 1));
    rowCurrent = new Int32Array(2 * (lb + 1));
  }
  const big = max + 1;
  let previous = rowPrevious;
  let current = rowCurrent;
  for (let j = 0; j <= lb; j++) previous[j] = j <= max ? j : big;
  for (let i = 1; i <= la; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(lb, i + max);
    current[lo - 1] = lo - 1 === 0 ? i : big;
    if (i <= max) current[0] = i;
    let rowMin = big;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      let v = previous[j - 1]! + cost;
      const del = previous[j]! + 1;
      const ins = current[j - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      if (v > big) v = big;
      current[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < lb) current[hi + 1] = big;
    if (rowMin > max) return big;
    const t = previous; previous = current; current = t;
  }
  const d = previous[lb]!;
  return d <= max ? d : big;
}

/**
 * Whether two strings are at most one edit apart (one insertion, deletion or substitution):
 * the bounded Levenshtein test for max = 1 in a single linear scan, for identifiers.
 */
export function isWithinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la > lb) return isWithinOneEdit(b, a);
  if (lb - la > 1) return false;
  let i = 0;
  while (i < la && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la) return true; // equal, or b has one extra character at the end
  if (la === lb) {
    for (let k = i + 1; k < la; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false;
    return true;
  }
  for (let k = i; k < la; k++) if (a.charCodeAt(k) !== b.charCodeAt(k + 1)) return false;
  return true;
}

/**
 * Unbounded Levenshtein distance (plain dynamic programming). For tests and short strings; the
 * linkage path uses {@link levenshteinBounded}.
 */
export function levenshtein(a: string, b: string): number {
  return levenshteinBounded(a, b, Math.max(a.length, b.length));
}

/** q-gram set Dice similarity of two strings with padding, used to check CLK behaviour in tests. */
export function qgramDice(a: string, b: string, q = 2): number {
  const grams = (s: string): Set<string> => {
    const p = ' '.repeat(q - 1) + s + ' '.repeat(q - 1);
    const out = new Set<string>();
    for (let i = 0; i + q <= p.length; i++) out.add(p.slice(i, i + q));
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  if (ga.size + gb.size === 0) return 1;
  let common = 0;
  for (const g of ga) if (gb.has(g)) common++;
  return (2 * common) / (ga.size + gb.size);
}
