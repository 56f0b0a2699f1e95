import { createLazyNamespaceHook } from '../../i18n/lazy-namespace.ts';

/** The de-duplication strings (web/src/i18n/locales/linkage/*.json). */
export const useLinkageTranslation = createLazyNamespaceHook('linkage');
