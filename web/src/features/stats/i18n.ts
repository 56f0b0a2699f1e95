import { createLazyNamespaceHook } from '../../i18n/lazy-namespace.ts';

/** The statistics strings (web/src/i18n/locales/stats/*.json). */
export const useStatsTranslation = createLazyNamespaceHook('stats');
