import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOption } from './field.tsx';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Codes the browser names but that are not countries or territories (EU, UN, private-use ranges). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB', 'AA', 'QM', 'QN', 'QP', 'QQ', 'QR', 'QS', 'QT', 'QU', 'QV', 'QW', 'QX', 'QY', 'QZ']);

function regionNames(language: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  } catch {
    return null;
  }
}

/**
 * ISO 3166-1 alpha-2 countries named in the interface language, sorted by that language's
 * alphabet. The names come from the browser (Intl.DisplayNames), so no country list is shipped.
 */
export function useCountryOptions(): TOption[] {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const names = regionNames(language);
    const options: TOption[] = [];
    for (const first of LETTERS) {
      for (const second of LETTERS) {
        const code = first + second;
        if (NOT_COUNTRIES.has(code)) continue;
        const name = names?.of(code);
        if (name && name !== code) options.push({ value: code, label: name });
      }
    }
    const collator = new Intl.Collator(language);
    return options.sort((a, b) => collator.compare(a.label, b.label));
  }, [language]);
}

/** The name of one country in the interface language, or the code itself when the browser has none. */
export function countryName(code: string, language: string): string {
  return regionNames(language)?.of(code) ?? code;
}
