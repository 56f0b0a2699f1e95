import { createLazyNamespaceHook } from '../../i18n/lazy-namespace.ts';

/** The linkage-project strings (web/src/i18n/locales/linkage-projects/*.json). */
export const useLinkageProjectsTranslation = createLazyNamespaceHook('linkageProjects');
