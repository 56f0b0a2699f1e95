import type { TStatusText } from '../../components/alert.tsx';

/**
 * One confirmation carried across a navigation ("Referral submitted" shown on the case page the
 * intake leads to). Kept in memory only: it must not survive a reload or reach another tab.
 */
let pending: { path: string; text: TStatusText } | null = null;

/** Leaves a message for the page at `path`. */
export function setFlash(path: string, text: TStatusText): void {
  pending = { path, text };
}

/** Takes the message left for `path`, if any (once). */
export function takeFlash(path: string): TStatusText | null {
  if (!pending || pending.path !== path) return null;
  const { text } = pending;
  pending = null;
  return text;
}
