/**
 * A string of `length` symbols from `alphabet`, drawn from random bytes without bias: bytes at or
 * above the largest multiple of the alphabet's size are skipped (rejection sampling). Pure: the
 * caller supplies the bytes, with some to spare.
 * @throws when the bytes run out first
 */
export function symbolsFromBytes(bytes: Uint8Array, alphabet: string, length: number): string {
  const usableBelow = 256 - (256 % alphabet.length);
  let symbols = '';
  for (const byte of bytes) {
    if (byte >= usableBelow) continue;
    symbols += alphabet[byte % alphabet.length];
    if (symbols.length === length) return symbols;
  }
  throw new Error(`not enough random bytes for ${length} symbols`);
}
