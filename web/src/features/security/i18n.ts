import { createLazyNamespaceHook } from '../../i18n/lazy-namespace.ts';

/** Strings of two-factor sign-in, security settings and emergency access (locales/security/). */
export const useSecurityTranslation = createLazyNamespaceHook('security');
