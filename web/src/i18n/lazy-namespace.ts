import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n, loadNamespace } from './index.ts';

type TLazyNamespace = Parameters<typeof loadNamespace>[0];

/**
 * A `useTranslation(namespace)` hook for a namespace fetched on first use (justice, stats,
 * settings, protection): people who never open those pages never download their strings. It
 * suspends (nearest `<Suspense>`) until the strings for the current language are loaded.
 *
 * One promise per language, and `use` is called on every render once a load has started (a
 * settled promise returns at once): calling it only while the strings are missing makes React's
 * replay after the suspension see a different sequence of hooks (React error #520).
 */
export function createLazyNamespaceHook<N extends TLazyNamespace>(namespace: N) {
  const pending = new Map<string, Promise<void>>();
  const load = (language: string): Promise<void> => {
    let promise = pending.get(language);
    if (!promise) {
      promise = loadNamespace(namespace, language).catch(() => {
        // Offline: the keys show instead of the text; a later render tries again.
        pending.delete(language);
      });
      pending.set(language, promise);
    }
    return promise;
  };
  return function useLazyNamespaceTranslation() {
    const language = i18n.language;
    if (!i18n.hasResourceBundle(language, namespace) || pending.has(language)) use(load(language));
    return useTranslation(namespace);
  };
}
