/**
 * ⚠ Persisted shape: the encodings file is what a party exports for a linkage run.
 *
 * It holds, per record, a random id (fresh for every run, so ids cannot be joined across runs or
 * back to the party's register by anyone else), the encoding (base64) and the keyed blocking keys
 * (32-bit integers). No plaintext, no reversible identifier, no popcount or score. Records are
 * shuffled, so file order says nothing about the register's order. The party keeps the mapping
 * from random ids to its own record ids locally (`localIds`); it never leaves the party.
 */
import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import { z } from 'zod';
import type { TLinkageInput } from '../fellegi-sunter/prepare-records.ts';
import { DEFAULT_CLK_SCHEMA, encodedBits, ZClkSchema, type TClkSchema } from './clk-schema.ts';
import { normaliseClkValues, createClkEncoder, type TClkEncoder, type TClkValues } from './encode.ts';

export const ENCODINGS_FORMAT = 'palermo.clk-encodings';

/** A party's encodings in memory (filters in one byte array, blocking keys flattened). */
export interface TEncodedSet {
  runId: string;
  schema: TClkSchema;
  keyCheck: string;
  /** Bits per encoding. */
  bits: number;
  count: number;
  ids: string[];
  /** count × bits/8 bytes. */
  filters: Uint8Array;
  /** Blocking keys of record k are blockKeys[blockOffsets[k] .. blockOffsets[k+1]). */
  blockOffsets: Uint32Array;
  blockKeys: Uint32Array;
}

export interface TEncodeOptions {
  schema?: TClkSchema;
  /** Source of random ids and order (default: node:crypto). Tests may pass a seeded one. */
  randomBytes?: (n: number) => Uint8Array;
}

/** Random permutation of [0, n) from a byte source (rejection-sampled Fisher–Yates). */
function randomPermutation(n: number, randomBytes: (n: number) => Uint8Array): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  const pool = new Uint32Array(4096);
  let used = pool.length;
  const next32 = (): number => {
    if (used === pool.length) {
      const bytes = randomBytes(pool.length * 4);
      pool.set(new Uint32Array(bytes.buffer, bytes.byteOffset, pool.length));
      used = 0;
    }
    return pool[used++]!;
  };
  for (let i = n - 1; i > 0; i--) {
    const limit = Math.floor(0x100000000 / (i + 1)) * (i + 1);
    let r = next32();
    while (r >= limit) r = next32();
    const j = r % (i + 1);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

function randomIds(n: number, randomBytes: (n: number) => Uint8Array): string[] {
  const bytes = Buffer.from(randomBytes(16 * n));
  const ids = new Array<string>(n);
  for (let i = 0; i < n; i++) ids[i] = bytes.subarray(16 * i, 16 * i + 16).toString('base64url');
  return ids;
}

/**
 * Builds an encoded set record by record (for large registers streamed from storage): each record
 * goes to a random position, so the finished set is already shuffled.
 */
export function createEncodedSetBuilder(encoder: TClkEncoder, capacity: number, options: Pick<TEncodeOptions, 'randomBytes'> = {}) {
  const randomBytes = options.randomBytes ?? cryptoRandomBytes;
  const position = randomPermutation(capacity, randomBytes);
  const filters = new Uint8Array(capacity * encoder.bytes);
  const keysPerRecord: number[][] = new Array(capacity);
  const localIds = new Array<string>(capacity);
  let added = 0;
  return {
    /** Adds one record's normalised values; `localId` stays with the party. */
    add(values: TClkValues, localId: string): void {
      if (added >= capacity) throw new RangeError('encoded set is full');
      const p = position[added++]!;
      encoder.encode(values, filters, p * encoder.bytes);
      keysPerRecord[p] = encoder.blockKeys(values);
      localIds[p] = localId;
    },
    /** The finished set and, for the party only, its local record id per position. */
    finish(): { set: TEncodedSet; localIds: string[] } {
      if (added !== capacity) throw new RangeError(`expected ${capacity} records, got ${added}`);
      const blockOffsets = new Uint32Array(capacity + 1);
      for (let k = 0; k < capacity; k++) blockOffsets[k + 1] = blockOffsets[k]! + keysPerRecord[k]!.length;
      const blockKeys = new Uint32Array(blockOffsets[capacity]!);
      for (let k = 0; k < capacity; k++) blockKeys.set(keysPerRecord[k]!, blockOffsets[k]!);
      const set: TEncodedSet = {
        runId: Buffer.from(randomBytes(12)).toString('base64url'),
        schema: encoder.schema,
        keyCheck: encoder.keyCheck,
        bits: encoder.bits,
        count: capacity,
        ids: randomIds(capacity, randomBytes),
        filters,
        blockOffsets,
        blockKeys,
      };
      return { set, localIds };
    },
  };
}

/**
 * Encodes a party's records.
 * @param secret the linkage secret shared out of band (≥ 16 bytes).
 * @returns the set to export and, for the party only, its record id per position.
 */
export function encodeRecords(records: readonly TLinkageInput[], secret: Uint8Array | string, options: TEncodeOptions = {}): { set: TEncodedSet; localIds: string[] } {
  const encoder = createClkEncoder(secret, options.schema ?? DEFAULT_CLK_SCHEMA);
  const builder = createEncodedSetBuilder(encoder, records.length, options);
  const nameCache = new Map<string, [string, string]>();
  for (const record of records) builder.add(normaliseClkValues(record, nameCache), record.recordId);
  return builder.finish();
}

const ZEncodingsFile = z.object({
  format: z.literal(ENCODINGS_FORMAT),
  version: z.literal(1),
  runId: z.string().min(1).max(64),
  schema: ZClkSchema,
  keyCheck: z.string().regex(/^[0-9a-f]{16}$/),
  records: z.array(z.object({
    id: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
    clk: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
    blocks: z.array(z.number().int().min(0).max(0xffffffff)).max(64),
  })),
});

/** The encodings file as JSON text (what a party sends to the linkage unit). */
export function exportEncodings(set: TEncodedSet): string {
  const bytes = set.bits / 8;
  const records = set.ids.map((id, k) => ({
    id,
    clk: Buffer.from(set.filters.subarray(k * bytes, (k + 1) * bytes)).toString('base64'),
    blocks: Array.from(set.blockKeys.subarray(set.blockOffsets[k]!, set.blockOffsets[k + 1]!)),
  }));
  return JSON.stringify({ format: ENCODINGS_FORMAT, version: 1, runId: set.runId, schema: set.schema, keyCheck: set.keyCheck, records });
}

/**
 * Reads an encodings file.
 * @throws Error listing every problem when the file is not a valid encodings file.
 */
export function parseEncodings(text: string): TEncodedSet {
  const parsed = ZEncodingsFile.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`invalid encodings file: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const file = parsed.data;
  const bits = encodedBits(file.schema);
  const bytes = bits / 8;
  const count = file.records.length;
  const filters = new Uint8Array(count * bytes);
  const blockOffsets = new Uint32Array(count + 1);
  file.records.forEach((r, k) => {
    const clk = Buffer.from(r.clk, 'base64');
    if (clk.length !== bytes) throw new Error(`invalid encodings file: records.${k}.clk has ${clk.length} bytes, expected ${bytes}`);
    filters.set(clk, k * bytes);
    blockOffsets[k + 1] = blockOffsets[k]! + r.blocks.length;
  });
  const blockKeys = new Uint32Array(blockOffsets[count]!);
  file.records.forEach((r, k) => blockKeys.set(r.blocks, blockOffsets[k]!));
  return { runId: file.runId, schema: file.schema, keyCheck: file.keyCheck, bits, count, ids: file.records.map((r) => r.id), filters, blockOffsets, blockKeys };
}
