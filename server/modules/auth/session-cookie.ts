export { SESSION_COOKIE } from './session-tokens.ts';

export interface TNewSessionCookie {
  token: string;
  expiresAt: Date;
}
