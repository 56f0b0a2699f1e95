import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * A deliberately tiny router on the History API: the app has a handful of flat pages, and the
 * server answers every non-/api GET with index.html, so plain paths work on reload.
 */

const listeners = new Set<() => void>();
let navigationCount = 0;

function notify(): void {
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    navigationCount += 1;
    notify();
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

type TNavigateOptions = {
  /** Replace the current history entry (redirects stay out of the back-button history). */
  replace?: boolean;
  /** Counts as a page change that moves focus to the new heading (default true; guards pass false). */
  moveFocus?: boolean;
};

/** Goes to an in-app path. */
export function navigate(to: string, options: TNavigateOptions = {}): void {
  if (to === currentLocation()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  if (options.moveFocus !== false) navigationCount += 1;
  notify();
}

function currentLocation(): string {
  return window.location.pathname + window.location.search;
}

/** The current pathname; re-renders the caller on every navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** The current query string (with `?`), e.g. for `/login?next=/members`. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}

/**
 * True once the user has moved between pages at least once. Pages use it to move focus to their
 * heading after a navigation (so screen readers announce the new page) but not on first load.
 */
export function hasNavigated(): boolean {
  return navigationCount > 0;
}

/** Accepts only same-app paths for `?next=` redirects, never another origin (`//evil`). */
export function safeNextPath(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

/**
 * Matches a path against a pattern with `:name` segments, e.g. `/cases/:caseId`. Returns the
 * decoded parameters, or null when the path does not match (segment counts must be equal).
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let index = 0; index < want.length; index += 1) {
    const part = want[index] ?? '';
    const value = have[index] ?? '';
    if (part.startsWith(':')) {
      if (!value) return null;
      try {
        params[part.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (part !== value) {
      return null;
    }
  }
  return params;
}

type TLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  /** In-app path, e.g. `/members`. */
  to: string;
};

/** An ordinary link that navigates without reloading; modified clicks (new tab) stay native. */
export function Link({ to, onClick, ...rest }: TLinkProps) {
  const path = usePath();
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  }
  return <a href={to} aria-current={path === to ? 'page' : undefined} onClick={handleClick} {...rest} />;
}

/** Replaces the current entry with `to` once rendered, for guards such as "signed out → /login". */
export function Redirect({ to }: { to: string }) {
  // A guard's redirect is not the user's own move: focus stays where the page load puts it.
  useEffect(() => navigate(to, { replace: true, moveFocus: false }), [to]);
  return null;
}
