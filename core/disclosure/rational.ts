/**
 * Exact rationals over bigint. Privacy parameters are rationals so that budgets add up exactly
 * (0.1 + 0.2 + 0.7 is exactly 1, which floating point denies) and so that the noise samplers
 * can work in integer arithmetic only.
 */

export interface TRational {
  readonly num: bigint;
  /** Always positive; the fraction is kept in lowest terms. */
  readonly den: bigint;
}

const abs = (a: bigint): bigint => (a < 0n ? -a : a);

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * Builds num/den in lowest terms.
 * @throws RangeError when den is zero.
 */
export function rational(num: bigint, den: bigint = 1n): TRational {
  if (den === 0n) throw new RangeError('zero denominator');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const FRACTION = /^([+-]?\d+)\s*\/\s*(\d+)$/;

/**
 * Parses a rational exactly from a decimal string (`0.1`, `1e-3`), a fraction string (`1/3`),
 * a JS number (read through its shortest decimal form, so `0.1` means one tenth) or a rational.
 * @throws RangeError for NaN, infinities and text that is not a number.
 */
export function toRational(value: number | string | TRational): TRational {
  if (typeof value === 'object') return rational(value.num, value.den);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = String(value).trim();
  const frac = FRACTION.exec(text);
  if (frac) return rational(BigInt(frac[1]!), BigInt(frac[2]!));
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`not a number: ${JSON.stringify(text)}`);
  const digits = `${m[2] ?? ''}${m[3] ?? ''}` || '0';
  const exponent = BigInt(m[4] ?? '0') - BigInt((m[3] ?? '').length);
  let num = BigInt(digits);
  let den = 1n;
  if (exponent >= 0n) num *= 10n ** exponent;
  else den = 10n ** -exponent;
  if (m[1] === '-') num = -num;
  return rational(num, den);
}

/** Exact sum, difference and product. */
export const addRational = (a: TRational, b: TRational): TRational => rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const subtractRational = (a: TRational, b: TRational): TRational =>
  rational(a.num * b.den - b.num * a.den, a.den * b.den);
export const multiplyRational = (a: TRational, b: TRational): TRational => rational(a.num * b.num, a.den * b.den);

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareRational(a: TRational, b: TRational): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/**
 * Exact text: a finite decimal when the denominator has only factors 2 and 5 (`0.35`), else
 * `num/den`. {@link toRational} reads both forms back to the same value.
 */
export function formatRational(r: TRational): string {
  let d = r.den;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  if (d !== 1n) return `${r.num}/${r.den}`;
  const places = Math.max(twos, fives);
  const scaled = abs(r.num) * (10n ** BigInt(places) / r.den);
  const digits = scaled.toString().padStart(places + 1, '0');
  const sign = r.num < 0n ? '-' : '';
  if (places === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}
