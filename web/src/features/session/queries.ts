import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isAppError } from '../../../../core/errors/app-error.ts';
import { api, setCsrfToken } from '../../api/client.ts';
import type { TSessionInfo, TSetupRequest, TSetupStatus } from '../../api/types.ts';
import type { TTwoFactorChallenge } from '../security/types.ts';

/** Query keys owned by the session feature; other features key their data under their own names. */
export const sessionKeys = {
  session: ['session'] as const,
  setup: ['setup'] as const,
};

/** Minimum password length, as enforced by the server (kept in one place for all forms). */
export const PASSWORD_MIN_LENGTH = 12;

/** The signed-in user's session, or null when signed out (401 is an answer here, not an error). */
export function useSession() {
  return useQuery({
    queryKey: sessionKeys.session,
    queryFn: fetchSession,
    staleTime: 5 * 60_000,
  });
}

async function fetchSession(): Promise<TSessionInfo | null> {
  try {
    const session = await api.get<TSessionInfo>('/api/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isAppError(error) && error.code === 'UNAUTHENTICATED') {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Whether the platform still needs its first-run setup. */
export function useSetupStatus() {
  return useQuery({
    queryKey: sessionKeys.setup,
    queryFn: () => api.get<TSetupStatus>('/api/setup'),
    staleTime: Infinity,
  });
}

/**
 * Stores a fresh session (CSRF token first, so the very next request can use it) and drops every
 * other cached answer: nothing fetched for a previous user may leak into this one.
 */
function startSession(queryClient: QueryClient, session: TSessionInfo): void {
  signedOutByUser = false;
  setCsrfToken(session.csrfToken);
  queryClient.removeQueries({ predicate: (query) => !isSessionQuery(query.queryKey) });
  queryClient.setQueryData(sessionKeys.session, session);
}

function isSessionQuery(key: readonly unknown[]): boolean {
  return key[0] === sessionKeys.session[0] || key[0] === sessionKeys.setup[0];
}

/** The password step; with two-factor sign-in on it answers a challenge instead of a session. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post<TSessionInfo | TTwoFactorChallenge>('/api/auth/login', body),
    onSuccess: (result) => {
      if (!('challengeToken' in result)) startSession(queryClient, result);
    },
  });
}

/** Stores a session obtained another way (the two-factor step), exactly as the password step does. */
export function useStartSession(): (session: TSessionInfo) => void {
  const queryClient = useQueryClient();
  return (session) => startSession(queryClient, session);
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSetupRequest) => api.post<TSessionInfo>('/api/setup', body),
    onSuccess: (session) => {
      queryClient.setQueryData<TSetupStatus>(sessionKeys.setup, { needsSetup: false });
      startSession(queryClient, session);
    },
  });
}

let signedOutByUser = false;

/** True after the user logged out in this tab (the login page confirms it), until the next sign-in. */
export function wasSignedOutByUser(): boolean {
  return signedOutByUser;
}

/** Ends the session; an already-expired session (401) counts as logged out too. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post<void>('/api/auth/logout');
      } catch (error) {
        if (!(isAppError(error) && error.code === 'UNAUTHENTICATED')) throw error;
      }
    },
    onSuccess: () => {
      signedOutByUser = true;
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (query) => !isSessionQuery(query.queryKey) });
      queryClient.setQueryData(sessionKeys.session, null);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/api/auth/password', body),
    // Passwords in the variables: not kept once the form has moved on.
    gcTime: 0,
    onSuccess: () => {
      // A temporary password is gone with the change: the app opens even if the re-read below fails.
      queryClient.setQueryData<TSessionInfo | null>(sessionKeys.session, (session) => (session ? { ...session, passwordChangeRequired: false } : session));
      // The server may rotate the session (and its CSRF token) on a password change.
      return queryClient.invalidateQueries({ queryKey: sessionKeys.session });
    },
  });
}
