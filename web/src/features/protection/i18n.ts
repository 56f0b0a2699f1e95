import { createLazyNamespaceHook } from '../../i18n/lazy-namespace.ts';

/** The `protection` strings (web/src/i18n/locales/protection/*.json): directory, service referrals, consents, deliveries. */
export const useProtectionTranslation = createLazyNamespaceHook('protection');
