import { AppError } from '../../../core/errors/app-error.ts';

/**
 * The one way the web app talks to the server. Same-origin JSON only: the session cookie is
 * httpOnly and SameSite=Strict, and every state-changing request carries the CSRF token from the
 * latest session info. Every failure surfaces as an `AppError`, so pages handle one error type.
 */

/** `details.reason` used when the request never got an answer (offline, server down). */
export const NETWORK_ERROR_REASON = 'NETWORK';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;

/** Remembers the CSRF token from the latest session info; `null` forgets it (after logout). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF header for requests made without `api` (file downloads answered by a POST). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

export type THttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Sends one request to the API and returns the parsed JSON body (`undefined` for 204).
 * @param method HTTP method; POST/PUT/PATCH/DELETE always send a JSON body (`{}` when none is given).
 * @param path absolute path starting with `/api/`.
 * @param body request body, serialised as JSON.
 * @throws AppError parsed from the server's error body, or `INTERNAL` with reason `NETWORK`.
 */
export async function apiRequest<T>(method: THttpMethod, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: string | undefined;
  if (UNSAFE_METHODS.has(method)) {
    headers['content-type'] = 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    payload = JSON.stringify(body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new AppError('INTERNAL', 'The server could not be reached.', { reason: NETWORK_ERROR_REASON });
  }

  const parsed = await readJson(response);
  if (!response.ok) throw AppError.fromBody(parsed, response.status);
  return parsed as T;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, body),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, body),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

/** Encodes one path segment (ids come from the server, but never trust them into a URL raw). */
export function seg(value: string): string {
  return encodeURIComponent(value);
}
