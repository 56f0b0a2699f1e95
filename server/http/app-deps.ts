import type { TConfig } from '../config/env.ts';
import type { TContextDeps } from '../context.ts';

/** What the HTTP app needs from its composition root (server start-up, tests). */
export interface TAppDeps extends TContextDeps {
  config: Pick<TConfig, 'sessionIdleMinutes' | 'sessionAbsoluteHours' | 'behindTls' | 'logLevel'>;
  /** Folder of the built web app; null serves the API only. */
  webDir: string | null;
}
