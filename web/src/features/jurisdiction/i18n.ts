import { createLazyNamespaceHook } from '../../i18n/lazy-namespace.ts';

/** The NRM settings strings (web/src/i18n/locales/settings/*.json). */
export const useSettingsTranslation = createLazyNamespaceHook('settings');
