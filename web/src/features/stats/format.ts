import { useMemo } from 'react';
import { formattingLocale } from '../../i18n/index.ts';

/**
 * A whole-number formatter in the interface language (Arabic digits in Arabic), kept stable
 * per language so that charts are not redrawn on every render.
 */
export function useNumberFormat(language: string): (value: number) => string {
  return useMemo(() => {
    const format = new Intl.NumberFormat(formattingLocale(language), { maximumFractionDigits: 0 });
    return (value: number) => format.format(value);
  }, [language]);
}

/** How a metric's values read: counts whole, days to one decimal, shares as percentages, rates to two decimals. */
export type TValueKind = 'count' | 'days' | 'percent' | 'rate';

/** The kind of a result's values, from its metric's unit and measure. */
export function valueKindOf(metric: { unit: string; measure?: string | undefined }): TValueKind {
  if (metric.measure === 'rate' || metric.unit === 'per100k') return 'rate';
  if (metric.measure === 'shareWithinTarget') return 'percent';
  if (metric.measure === 'median' || metric.measure === 'p90' || metric.unit === 'days') return 'days';
  return 'count';
}

/** Formats one value of the kind in a locale (the server sends percentages as 0–100). */
export function formatValue(kind: TValueKind, value: number, locale: string): string {
  switch (kind) {
    case 'rate':
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
    case 'percent':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
    case 'days':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
  }
}

/** A formatter of a metric's values in the interface language, stable per language and kind. */
export function useValueFormat(language: string, kind: TValueKind): (value: number) => string {
  return useMemo(() => {
    const locale = formattingLocale(language);
    return (value: number) => formatValue(kind, value, locale);
  }, [language, kind]);
}

/** A file size in kB or MB, e.g. "15.4 MB". */
export function formatBytes(bytes: number, language: string): string {
  const locale = formattingLocale(language);
  if (bytes < 1_000_000) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }).format(bytes / 1000);
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1_000_000);
}
