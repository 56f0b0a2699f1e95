import { createLazyNamespaceHook } from '../../i18n/lazy-namespace.ts';

/** The `programmes` strings (web/src/i18n/locales/programmes/*.json): programmes, indicators, progress reports. */
export const useProgrammesTranslation = createLazyNamespaceHook('programmes');
