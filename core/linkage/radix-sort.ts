/**
 * LSD radix sort of 32-bit keys carrying an i32 payload (two 16-bit passes). Sorting blocking
 * keys this way groups a million-record party's ~7 million keys in well under a second, where a
 * Map of arrays would allocate millions of small objects.
 */

/** Returns new arrays sorted by key (stable). */
export function radixSortByKey(keys: Uint32Array, values: Int32Array): { keys: Uint32Array; values: Int32Array } {
  const n = keys.length;
  if (values.length !== n) throw new RangeError('keys and values differ in length');
  let srcK: Uint32Array = keys;
  let srcV: Int32Array = values;
  let dstK: Uint32Array = new Uint32Array(n);
  let dstV: Int32Array = new Int32Array(n);
  const counts = new Uint32Array(65_537);
  for (let shift = 0; shift < 32; shift += 16) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((srcK[i]! >>> shift) & 0xffff) + 1]!++;
    for (let b = 0; b < 65_536; b++) counts[b + 1]! += counts[b]!;
    for (let i = 0; i < n; i++) {
      const k = srcK[i]!;
      const at = counts[(k >>> shift) & 0xffff]!++;
      dstK[at] = k;
      dstV[at] = srcV[i]!;
    }
    const tk = srcK === keys ? new Uint32Array(n) : srcK;
    const tv = srcV === values ? new Int32Array(n) : srcV;
    srcK = dstK;
    srcV = dstV;
    dstK = tk;
    dstV = tv;
  }
  return { keys: srcK, values: srcV };
}
