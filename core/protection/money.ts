/**
 * Amounts of money as exact decimal strings with an ISO 4217 currency. Amounts never pass
 * through floating point: they are summed as integers of thousandths.
 */
import { z } from 'zod';

const SUPPORTED = new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : []);

/** Whether `code` is an ISO 4217 currency code the runtime knows (e.g. EUR, GBP, JPY). */
export function isIsoCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && (SUPPORTED.size === 0 || SUPPORTED.has(code));
}

/** Minor-unit digits of a currency (EUR 2, JPY 0, KWD 3). */
export function minorUnits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export const ZCurrency = z.string().refine(isIsoCurrency, 'ISO 4217 currency code, e.g. EUR');
/** Up to 13 integer digits and 3 decimals, no sign, no exponent: `"1250.50"`. */
export const ZAmount = z.string().regex(/^(0|[1-9]\d{0,12})(\.\d{1,3})?$/, 'a non-negative decimal amount such as 1250.50');

/** Whether the amount has no more decimals than the currency's minor unit. */
export function fitsCurrency(amount: string, currency: string): boolean {
  const decimals = amount.split('.')[1]?.length ?? 0;
  return decimals <= minorUnits(currency);
}

const toThousandths = (amount: string): bigint => {
  const [whole = '0', fraction = ''] = amount.split('.');
  return BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, '0'));
};

/** Exact sum of decimal strings, formatted with the currency's minor-unit digits. */
export function sumAmounts(amounts: readonly string[], currency: string): string {
  return formatThousandths(amounts.reduce((total, amount) => total + toThousandths(amount), 0n), currency);
}

/** Exact `a - b` (may be negative, e.g. overpaid), formatted for the currency. */
export function subtractAmounts(a: string, b: string, currency: string): string {
  return formatThousandths(toThousandths(a) - toThousandths(b), currency);
}

/** A stored amount (numeric, maybe with trailing zeros) in the currency's format. */
export function normaliseAmount(amount: string, currency: string): string {
  return formatThousandths(toThousandths(amount.startsWith('-') ? '0' : amount), currency);
}

function formatThousandths(value: bigint, currency: string): string {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const digits = minorUnits(currency);
  const whole = abs / 1000n;
  if (digits === 0) return `${sign}${whole}`;
  const fraction = (abs % 1000n).toString().padStart(3, '0').slice(0, digits);
  return `${sign}${whole}.${fraction}`;
}
