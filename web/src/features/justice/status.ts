import { useState } from 'react';
import { useJusticeTranslation } from './i18n.ts';

export type TJusticeT = ReturnType<typeof useJusticeTranslation>['t'];

/** A confirmation kept as a function of the justice `t`, so it follows a language switch while shown. */
export type TJusticeStatus = (t: TJusticeT) => string;

/** State for a justice page's status region: the message in the current language, and its setter. */
export function useJusticeStatus(): [string, (status: TJusticeStatus | null) => void] {
  const { t } = useJusticeTranslation();
  const [status, setStatus] = useState<TJusticeStatus | null>(null);
  return [status ? status(t) : '', (next) => setStatus(() => next)];
}

/**
 * One confirmation carried across a navigation ("Investigation opened" shown on the page the form
 * leads to). In memory only: it must not survive a reload or reach another tab.
 */
let pendingFlash: { path: string; status: TJusticeStatus } | null = null;

/** Leaves a confirmation for the page at `path`. */
export function setJusticeFlash(path: string, status: TJusticeStatus): void {
  pendingFlash = { path, status };
}

/** Takes the confirmation left for `path`, if any (once). */
export function takeJusticeFlash(path: string): TJusticeStatus | null {
  if (!pendingFlash || pendingFlash.path !== path) return null;
  const { status } = pendingFlash;
  pendingFlash = null;
  return status;
}
