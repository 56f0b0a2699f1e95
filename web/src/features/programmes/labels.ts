import type { TCell } from './types.ts';

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

export const isHidden = (cell: TCell | null): cell is { suppressed: true; reason: 'primary' | 'secondary' } => cell !== null && 'suppressed' in cell;
