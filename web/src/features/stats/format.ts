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

/** A file size in kB or MB, e.g. "15.4 MB". */
export function formatBytes(bytes: number, language: string): string {
  const locale = formattingLocale(language);
  if (bytes < 1_000_000) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }).format(bytes / 1000);
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1_000_000);
}
