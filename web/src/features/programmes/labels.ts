import type { TActual, TNode } from './types.ts';

/** The current calendar year as a period key (the default report period). */
export const currentYear = () => String(new Date().getFullYear());

export const PERIOD_PATTERN = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** A label in the interface language from a server label set (metric and category names). */
export function pickLabel(labels: { en: string; fr: string; es: string; ar: string }, language: string): string {
  return labels[(language in labels ? language : 'en') as keyof typeof labels];
}

/** Reads a file as base64 (without the data-URL prefix) for a JSON upload. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export const isHidden = (cell: TActual | null): cell is { suppressed: true; reason: 'primary' | 'secondary' } => cell !== null && 'suppressed' in cell;

/** Checkbox value standing for "not recorded" (null) in a filter, as on the statistics page. */
export const NOT_RECORDED = '∅';

/** The ticked boxes as the API's filters: dimension → category keys (null = not recorded); nothing ticked, no filter; only the given dimensions. */
export function filtersOf(ticked: Record<string, string[]>, dimensionIds: readonly string[]): Record<string, (string | null)[]> {
  const filters: Record<string, (string | null)[]> = {};
  for (const id of dimensionIds) {
    const keys = ticked[id] ?? [];
    if (keys.length > 0) filters[id] = keys.map((k) => (k === NOT_RECORDED ? null : k));
  }
  return filters;
}

/** The code a new child would get by default: O3 after O1 and O2 under the goal; O1.2 after O1.1 under O1. */
export function suggestedChildCode(parent: Pick<TNode, 'level' | 'code'>, siblings: readonly Pick<TNode, 'code'>[]): string {
  const prefix = parent.level === 'goal' ? 'O' : `${parent.code}.`;
  const taken = new Set(siblings.map((s) => s.code));
  let n = siblings.length + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
