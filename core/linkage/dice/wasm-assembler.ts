/**
 * A tiny WebAssembly binary assembler: just the sections and opcodes the Dice kernels need
 * (i32/i64 arithmetic, loads and stores, i64.popcnt, structured control flow, locals, one imported
 * memory). Writing the bytes ourselves keeps the project free of a WAT toolchain, and lets the
 * kernel be generated for any filter length with the loop fully unrolled.
 *
 * Binary format: https://webassembly.github.io/spec/core/binary/ (module = magic, version, then
 * sections id + size + payload; every count and index is unsigned LEB128, constants signed).
 */

export const I32 = 0x7f;
export const I64 = 0x7e;
export type TValueType = typeof I32 | typeof I64;

export function unsignedLeb128(value: number): number[] {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`not an unsigned integer: ${value}`);
  const out: number[] = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

export function signedLeb128(value: number): number[] {
  if (!Number.isInteger(value)) throw new RangeError(`not an integer: ${value}`);
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value = Math.floor(value / 128);
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const encodeName = (name: string): number[] => {
  const bytes = [...new TextEncoder().encode(name)];
  return [...unsignedLeb128(bytes.length), ...bytes];
};
const vector = (items: number[][]): number[] => [...unsignedLeb128(items.length), ...items.flat()];
const section = (id: number, payload: number[]): number[] => [id, ...unsignedLeb128(payload.length), ...payload];

/** Builds one function body; methods append instructions and return `this` for chaining. */
export class FunctionBuilder {
  private readonly code: number[] = [];
  private readonly extraLocals: TValueType[] = [];

  constructor(
    readonly name: string,
    readonly params: readonly TValueType[],
    readonly results: readonly TValueType[],
  ) {}

  /** Declares a local; returns its index (after the parameters). */
  local(type: TValueType): number {
    this.extraLocals.push(type);
    return this.params.length + this.extraLocals.length - 1;
  }

  private op(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }

  get = (i: number): this => this.op(0x20, ...unsignedLeb128(i));
  set = (i: number): this => this.op(0x21, ...unsignedLeb128(i));
  tee = (i: number): this => this.op(0x22, ...unsignedLeb128(i));
  i32Const = (v: number): this => this.op(0x41, ...signedLeb128(v));
  i64Const = (v: number): this => this.op(0x42, ...signedLeb128(v));
  /** i32.load with natural alignment (2^2). */
  i32Load = (offset = 0): this => this.op(0x28, 2, ...unsignedLeb128(offset));
  /** i64.load with natural alignment (2^3). */
  i64Load = (offset = 0): this => this.op(0x29, 3, ...unsignedLeb128(offset));
  i32Store = (offset = 0): this => this.op(0x36, 2, ...unsignedLeb128(offset));
  i32Eqz = (): this => this.op(0x45);
  i32Eq = (): this => this.op(0x46);
  i32LtU = (): this => this.op(0x49);
  i32GtU = (): this => this.op(0x4b);
  i32LeU = (): this => this.op(0x4d);
  i32GeU = (): this => this.op(0x4f);
  i32Add = (): this => this.op(0x6a);
  i32Sub = (): this => this.op(0x6b);
  i32Mul = (): this => this.op(0x6c);
  i32Shl = (): this => this.op(0x74);
  i64Popcnt = (): this => this.op(0x7b);
  i64Add = (): this => this.op(0x7c);
  i64And = (): this => this.op(0x83);
  i32WrapI64 = (): this => this.op(0xa7);
  select = (): this => this.op(0x1b);
  /** block with no result; `br 0` inside jumps to its end. */
  block = (): this => this.op(0x02, 0x40);
  /** loop with no result; `br 0` inside jumps to its start. */
  loop = (): this => this.op(0x03, 0x40);
  if = (): this => this.op(0x04, 0x40);
  else = (): this => this.op(0x05);
  end = (): this => this.op(0x0b);
  br = (depth: number): this => this.op(0x0c, ...unsignedLeb128(depth));
  brIf = (depth: number): this => this.op(0x0d, ...unsignedLeb128(depth));
  return = (): this => this.op(0x0f);

  /** The code-section entry: size, locals (run-length encoded), instructions, end. */
  encodeBody(): number[] {
    const groups: number[][] = [];
    for (const type of this.extraLocals) {
      const last = groups[groups.length - 1];
      if (last && last[1] === type) last[0]!++;
      else groups.push([1, type]);
    }
    const locals = vector(groups.map(([count, type]) => [...unsignedLeb128(count!), type!]));
    const body = [...locals, ...this.code, 0x0b];
    return [...unsignedLeb128(body.length), ...body];
  }
}

export interface TMemoryImport {
  module: string;
  name: string;
  minPages: number;
  maxPages: number;
  shared: boolean;
}

/**
 * Assembles a module that imports one memory and exports the given functions.
 */
export function assembleModule(memory: TMemoryImport, functions: readonly FunctionBuilder[]): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [0x60, ...vector(f.params.map((t) => [t])), ...vector(f.results.map((t) => [t]))]);
  // limits: 0x03 = has maximum and shared (threads proposal), 0x01 = has maximum
  const limits = [memory.shared ? 0x03 : 0x01, ...unsignedLeb128(memory.minPages), ...unsignedLeb128(memory.maxPages)];
  const imports = vector([[...encodeName(memory.module), ...encodeName(memory.name), 0x02, ...limits]]);
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector(types)),
    ...section(2, imports),
    ...section(3, vector(functions.map((_, i) => unsignedLeb128(i)))),
    ...section(7, vector(functions.map((f, i) => [...encodeName(f.name), 0x00, ...unsignedLeb128(i)]))),
    ...section(10, vector(functions.map((f) => f.encodeBody()))),
  ];
  return Uint8Array.from(bytes);
}
