import { createLazyNamespaceHook } from '../../i18n/lazy-namespace.ts';

/** The `justice` strings (web/src/i18n/locales/justice/*.json). */
export const useJusticeTranslation = createLazyNamespaceHook('justice');
