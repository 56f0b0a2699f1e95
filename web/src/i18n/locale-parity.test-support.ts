import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

/**
 * What every locale test checks, for one folder of `<language>.json` files: each language has
 * exactly English's keys (plural keys by the plural categories that language really has), no
 * empty strings, and the same {{variables}}. Shared by the main locales and each namespace.
 */

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
export type TFlat = Map<string, string>;
type TGroups = Map<string, { plural: boolean; forms: Map<string, string> }>;

export const sorted = (values: Iterable<string>): string[] => [...values].sort();

/** The file of one language, flattened to dotted keys. */
export function loadLocale(dir: URL, language: string): TFlat {
  const json = JSON.parse(readFileSync(new URL(`${language}.json`, dir), 'utf8')) as unknown;
  const flat: TFlat = new Map();
  flatten(json, '', flat, language);
  return flat;
}

function flatten(value: unknown, prefix: string, into: TFlat, language: string): void {
  if (typeof value === 'string') {
    into.set(prefix, value);
    return;
  }
  assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value), `${language}: "${prefix}" must be a string or an object`);
  for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into, language);
}

/** The languages that have a file in `dir`, sorted. */
export function localeFileLanguages(dir: URL): string[] {
  return sorted(readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')));
}

/** Groups keys by base name: `funnel.days_one` and `funnel.days_other` → `funnel.days`. */
function byBaseKey(flat: TFlat): TGroups {
  const groups: TGroups = new Map();
  for (const [key, text] of flat) {
    const match = PLURAL_SUFFIX.exec(key);
    const base = match ? key.slice(0, match.index) : key;
    const group = groups.get(base) ?? { plural: Boolean(match), forms: new Map<string, string>() };
    group.forms.set(match?.[1] ?? '', text);
    groups.set(base, group);
  }
  return groups;
}

function variables(text: string): Set<string> {
  return new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1] ?? ''));
}

function union(forms: Map<string, string>): Set<string> {
  const all = new Set<string>();
  for (const text of forms.values()) for (const v of variables(text)) all.add(v);
  return all;
}

export interface TParityOptions {
  /** Variables plural forms may leave out ("one day", Arabic "يومان"); `count` always. */
  pluralMayOmit?: readonly string[];
  /** Report when more than this many sentences are still the English text (a copied file passes every other check). */
  untranslatedLimit?: number;
}

/** Everything wrong with `language`'s file compared with English's (empty when it is fine). */
export function parityProblems(dir: URL, language: string, options: TParityOptions = {}): string[] {
  const englishFlat = loadLocale(dir, 'en');
  const english = byBaseKey(englishFlat);
  const flat = loadLocale(dir, language);
  const groups = byBaseKey(flat);
  const problems: string[] = [];
  for (const [key, text] of flat) if (text.trim() === '') problems.push(`empty string at "${key}"`);

  const missing = [...english.keys()].filter((k) => !groups.has(k));
  const extra = [...groups.keys()].filter((k) => !english.has(k));
  if (missing.length) problems.push(`missing keys: ${missing.join(', ')}`);
  if (extra.length) problems.push(`keys English does not have: ${extra.join(', ')}`);

  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
  const omissible = new Set(['count', ...(options.pluralMayOmit ?? [])]);
  for (const [base, group] of groups) {
    const reference = english.get(base);
    if (!reference) continue;
    if (reference.plural !== group.plural) {
      problems.push(`"${base}" is ${reference.plural ? '' : 'not '}plural in English but ${group.plural ? '' : 'not '}here`);
      continue;
    }
    if (group.plural) {
      const forms = sorted(group.forms.keys());
      if (forms.join() !== sorted(categories).join()) problems.push(`"${base}" has plural forms [${forms.join(', ')}] but ${language} needs [${sorted(categories).join(', ')}]`);
    }
    const ignore = group.plural ? omissible : new Set<string>();
    const expected = sorted([...union(reference.forms)].filter((v) => !ignore.has(v)));
    const actual = sorted([...union(group.forms)].filter((v) => !ignore.has(v)));
    if (expected.join() !== actual.join()) problems.push(`"${base}" uses {{${actual.join('}}, {{')}}} but English uses {{${expected.join('}}, {{')}}}`);
    for (const [form, text] of group.forms) {
      const unknown = [...variables(text)].filter((v) => !ignore.has(v) && !expected.includes(v));
      if (unknown.length) problems.push(`"${base}${form ? `_${form}` : ''}" uses unknown variables ${unknown.join(', ')}`);
    }
  }
  if (options.untranslatedLimit !== undefined && language !== 'en') {
    const same = [...flat].filter(([key, text]) => englishFlat.get(key) === text && /[a-z]{4,}\s[a-z]{3,}/.test(text));
    if (same.length > options.untranslatedLimit) problems.push(`${same.length} strings are still in English, e.g. ${same.slice(0, 3).map(([k]) => k).join(', ')}`);
  }
  return problems;
}

/** Labels `lists` ([key prefix, values]) would need in English that it lacks. */
export function missingLabels(dir: URL, lists: readonly (readonly [string, readonly string[]])[]): string[] {
  const flat = loadLocale(dir, 'en');
  return lists.flatMap(([prefix, values]) => values.map((v) => `${prefix}.${v}`)).filter((key) => !flat.has(key));
}
