import { z } from 'zod';

/**
 * The whole runtime configuration, parsed once at boot from the environment. Every problem is
 * reported at once; secrets have no defaults (the master key falls back to a key file that the
 * server creates with 0600 permissions, never to a constant).
 */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** 32 bytes, base64 or hex. Wraps the per-organisation data keys (identity encryption). */
  PALERMO_MASTER_KEY: z.string().min(1).optional(),
  /** Minutes of inactivity after which a session ends. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** Hours after login after which a session ends whatever the activity. */
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  /** Set when a TLS-terminating proxy is in front: cookies become Secure and HSTS is sent. */
  PALERMO_BEHIND_TLS: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  /** smtp:// or smtps:// URL (credentials in it); notifications are e-mailed only when set. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  /** Sender address of notification e-mails. */
  SMTP_FROM: z.email().default('palermo@localhost'),
  /** The address users open Palermo at, for links in e-mails, e.g. https://palermo.example.org */
  PALERMO_PUBLIC_URL: z.url().optional(),
  /** Chromium used to print PDF reports (Debian's `chromium` package by default). */
  PALERMO_CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
});

export type TEnv = z.infer<typeof ZEnv>;

export interface TConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** True when no DATABASE_URL is set: PGlite in `dataDir`. */
  usesEmbeddedDb: boolean;
  masterKey: string | undefined;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  behindTls: boolean;
  databasePoolSize: number;
  logLevel: TEnv['LOG_LEVEL'];
  /** E-mail delivery of notifications; null when SMTP is not configured. */
  email: { smtpUrl: string; from: string; publicUrl: string } | null;
}

/** Parses the environment; throws one error listing every invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir: values.DATA_DIR,
    databaseUrl: values.DATABASE_URL,
    usesEmbeddedDb: values.DATABASE_URL === undefined,
    masterKey: values.PALERMO_MASTER_KEY,
    sessionIdleMinutes: values.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: values.SESSION_ABSOLUTE_HOURS,
    behindTls: values.PALERMO_BEHIND_TLS,
    databasePoolSize: values.DATABASE_POOL_SIZE,
    logLevel: values.LOG_LEVEL,
    email: values.SMTP_URL ? { smtpUrl: values.SMTP_URL, from: values.SMTP_FROM, publicUrl: values.PALERMO_PUBLIC_URL ?? `http://${values.HOST}:${values.PORT}` } : null,
  };
}
