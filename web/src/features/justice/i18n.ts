import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n, loadNamespace } from '../../i18n/index.ts';

/**
 * The `justice` strings live in their own namespace (web/src/i18n/locales/justice/*.json), fetched
 * on first use so that people who never see these pages never download them.
 */

const pending = new Map<string, Promise<void>>();

/** One promise per language, so React's `use` sees the same promise on every render. */
function justiceStrings(language: string): Promise<void> {
  let promise = pending.get(language);
  if (!promise) {
    promise = loadNamespace('justice', language).catch(() => {
      // Offline: the keys show instead of the text; a later render tries again.
      pending.delete(language);
    });
    pending.set(language, promise);
  }
  return promise;
}

/**
 * `useTranslation('justice')`, suspending (nearest `<Suspense>`) until the namespace's strings for
 * the current language are loaded. A later language switch loads them before it takes effect.
 */
export function useJusticeTranslation() {
  const language = i18n.language;
  if (!i18n.hasResourceBundle(language, 'justice')) use(justiceStrings(language));
  return useTranslation('justice');
}
