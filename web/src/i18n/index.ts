import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json' with { type: 'json' };
import type justiceEn from './locales/justice/en.json';
import type protectionEn from './locales/protection/en.json';
import type settingsEn from './locales/settings/en.json';
import type statsEn from './locales/stats/en.json';
import type programmesEn from './locales/programmes/en.json';
import type securityEn from './locales/security/en.json';
import type linkageEn from './locales/linkage/en.json';
import type linkageProjectsEn from './locales/linkage-projects/en.json';

/**
 * i18next set-up. English is bundled (it is also the fallback); the other languages are separate
 * chunks fetched only when chosen, so a phone on a slow line downloads one language, not four.
 * Changing language sets `<html lang dir>` (Arabic is right-to-left) and remembers the choice.
 */

export type TResources = typeof en;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: TResources; justice: typeof justiceEn; stats: typeof statsEn; settings: typeof settingsEn; protection: typeof protectionEn;
      programmes: typeof programmesEn; security: typeof securityEn; linkage: typeof linkageEn;
      linkageProjects: typeof linkageProjectsEn };
  }
}

/** Languages offered in the language menu, each named in its own language. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
  { code: 'es', name: 'Español' },
  { code: 'ar', name: 'العربية' },
] as const;

export type TLanguage = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'palermo.language';

const loaders: Record<Exclude<TLanguage, 'en'>, () => Promise<{ default: TResources }>> = {
  fr: () => import('./locales/fr.json', { with: { type: 'json' } }),
  es: () => import('./locales/es.json', { with: { type: 'json' } }),
  ar: () => import('./locales/ar.json', { with: { type: 'json' } }),
};

/**
 * Namespaces only some pages need, fetched per language on first use (the criminal-justice pages
 * bring `justice`, the statistics pages `stats`, the NRM settings page `settings`). Once a
 * namespace is in use, a language switch fetches it with the language.
 */
const NAMESPACE_LOADERS = {
  justice: {
    en: () => import('./locales/justice/en.json', { with: { type: 'json' } }),
    fr: () => import('./locales/justice/fr.json', { with: { type: 'json' } }),
    es: () => import('./locales/justice/es.json', { with: { type: 'json' } }),
    ar: () => import('./locales/justice/ar.json', { with: { type: 'json' } }),
  },
  stats: {
    en: () => import('./locales/stats/en.json', { with: { type: 'json' } }),
    fr: () => import('./locales/stats/fr.json', { with: { type: 'json' } }),
    es: () => import('./locales/stats/es.json', { with: { type: 'json' } }),
    ar: () => import('./locales/stats/ar.json', { with: { type: 'json' } }),
  },
  settings: {
    en: () => import('./locales/settings/en.json', { with: { type: 'json' } }),
    fr: () => import('./locales/settings/fr.json', { with: { type: 'json' } }),
    es: () => import('./locales/settings/es.json', { with: { type: 'json' } }),
    ar: () => import('./locales/settings/ar.json', { with: { type: 'json' } }),
  },
  protection: {
    en: () => import('./locales/protection/en.json', { with: { type: 'json' } }),
    fr: () => import('./locales/protection/fr.json', { with: { type: 'json' } }),
    es: () => import('./locales/protection/es.json', { with: { type: 'json' } }),
    ar: () => import('./locales/protection/ar.json', { with: { type: 'json' } }),
  },
  programmes: {
    en: () => import('./locales/programmes/en.json', { with: { type: 'json' } }),
    fr: () => import('./locales/programmes/fr.json', { with: { type: 'json' } }),
    es: () => import('./locales/programmes/es.json', { with: { type: 'json' } }),
    ar: () => import('./locales/programmes/ar.json', { with: { type: 'json' } }),
  },
  security: {
    en: () => import('./locales/security/en.json', { with: { type: 'json' } }),
    fr: () => import('./locales/security/fr.json', { with: { type: 'json' } }),
    es: () => import('./locales/security/es.json', { with: { type: 'json' } }),
    ar: () => import('./locales/security/ar.json', { with: { type: 'json' } }),
  },
  linkage: {
    en: () => import('./locales/linkage/en.json', { with: { type: 'json' } }),
    fr: () => import('./locales/linkage/fr.json', { with: { type: 'json' } }),
    es: () => import('./locales/linkage/es.json', { with: { type: 'json' } }),
    ar: () => import('./locales/linkage/ar.json', { with: { type: 'json' } }),
  },
  linkageProjects: {
    en: () => import('./locales/linkage-projects/en.json', { with: { type: 'json' } }),
    fr: () => import('./locales/linkage-projects/fr.json', { with: { type: 'json' } }),
    es: () => import('./locales/linkage-projects/es.json', { with: { type: 'json' } }),
    ar: () => import('./locales/linkage-projects/ar.json', { with: { type: 'json' } }),
  },
} satisfies Record<string, Record<TLanguage, () => Promise<{ default: object }>>>;

export type TNamespace = keyof typeof NAMESPACE_LOADERS;
const namespacesInUse = new Set<TNamespace>();

/**
 * Loads a namespace's strings for a language (the current one by default) and keeps loading it
 * on later language switches.
 * @throws when its chunk cannot be fetched (offline, stale deployment).
 */
export async function loadNamespace(namespace: TNamespace, language: string = i18n.language): Promise<void> {
  namespacesInUse.add(namespace);
  const code = isLanguage(language) ? language : 'en';
  if (i18n.hasResourceBundle(code, namespace)) return;
  const resources = await NAMESPACE_LOADERS[namespace][code]();
  i18n.addResourceBundle(code, namespace, resources.default, true, true);
}

export function isLanguage(value: unknown): value is TLanguage {
  return LANGUAGES.some((language) => language.code === value);
}

export const i18n = i18next.createInstance();

async function loadLanguage(language: TLanguage): Promise<void> {
  await Promise.all([...namespacesInUse].map((namespace) => loadNamespace(namespace, language)));
  if (language === 'en' || i18n.hasResourceBundle(language, 'translation')) return;
  const resources = await loaders[language]();
  i18n.addResourceBundle(language, 'translation', resources.default, true, true);
}

/** The stored choice, else the browser's first supported language, else English. */
function detectLanguage(): TLanguage {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be disabled by policy on managed machines; fall through to the browser setting.
  }
  for (const tag of window.navigator.languages ?? [window.navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** Wraps text in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (invisible; direction from the text itself). */
export function isolateBidi(value: string): string {
  return `\u2068${value}\u2069`;
}

/**
 * Per-call option for strings that are never displayed (aria-label, hidden labels): no bidi
 * isolates there, because they end up verbatim in accessible names (voice control, test locators).
 */
export const NOT_DISPLAYED = { interpolation: { escapeValue: false } } as const;

/**
 * The locale for dates and numbers: the browser's own tag when it is the same language
 * (en-GB keeps day-month order), else the interface language.
 */
export function formattingLocale(language: string): string {
  const preferred = (window.navigator.languages ?? []).find((tag) => tag.toLowerCase().split('-')[0] === language);
  return preferred ?? language;
}

function applyLanguage(language: string): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = i18n.dir(language);
}

/** Initialises i18next with the detected language; resolves once its strings are loaded. */
export async function initI18n(): Promise<void> {
  let language = detectLanguage();
  const resources: Partial<Record<TLanguage, { translation: TResources }>> = { en: { translation: en } };
  if (language !== 'en') {
    try {
      resources[language] = { translation: (await loaders[language]()).default };
    } catch {
      // Offline or a stale deployment: start in English rather than not at all.
      language = 'en';
    }
  }
  await i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: LANGUAGES.map((l) => l.code),
    interpolation: {
      // React already escapes HTML, so i18next's escape hook is used for something else: every
      // interpolated value (names, e-mails, numbers) is wrapped in Unicode bidi isolates, so that
      // "Ministry-2" inside an Arabic sentence, or an Arabic name inside an English one, keeps its order.
      escapeValue: true,
      escape: isolateBidi,
    },
  });
  applyLanguage(language);
  i18n.on('languageChanged', applyLanguage);
}

/**
 * Switches the interface language, loading its strings first, and remembers the choice.
 * @throws when the language chunk cannot be fetched (offline); the current language stays.
 */
export async function changeLanguage(language: TLanguage): Promise<void> {
  await loadLanguage(language);
  await i18n.changeLanguage(language);
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered across visits, but the switch itself worked.
  }
}
