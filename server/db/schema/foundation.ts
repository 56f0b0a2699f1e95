import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * Kysely's view of the tables, in camelCase (the CamelCasePlugin maps to snake_case columns).
 * Keep in step with `migrations/`: the integration tests exercise every table on both engines.
 */
export type TTimestamp = ColumnType<Date, Date | string, Date | string>;
export type TGeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type TJson<T> = ColumnType<T, string, string>;

export interface TOrganisationsTable {
  id: Generated<string>;
  name: string;
  kind: string;
  createdAt: TGeneratedTimestamp;
}

export interface TUsersTable {
  id: Generated<string>;
  email: string;
  displayName: string;
  passwordHash: string;
  isPlatformAdmin: Generated<boolean>;
  passwordChangedAt: TGeneratedTimestamp;
  createdAt: TGeneratedTimestamp;
  disabledAt: TTimestamp | null;
  /** Set while the password is a temporary one from an administrator (migration 0023). */
  temporaryPasswordExpiresAt: TTimestamp | null;
  /** While a temporary password is set: the hash of the password it replaced, which may not come back. */
  replacedPasswordHash: string | null;
}

export interface TMembershipsTable {
  orgId: string;
  userId: string;
  role: string;
  createdAt: TGeneratedTimestamp;
}

export interface TSessionsTable {
  id: Generated<string>;
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: TTimestamp;
  lastSeenAt: TTimestamp;
  expiresAt: TTimestamp;
  ip: string | null;
  userAgent: string | null;
}

export interface TLoginThrottlesTable {
  throttleKey: string;
  failures: number;
  windowStartedAt: TTimestamp;
  lockedUntil: TTimestamp | null;
}

export interface TSetupTokensTable {
  tokenHash: string;
  createdAt: TTimestamp;
}

export interface TAuditChainHeadsTable {
  chainKey: string;
  lastSeq: number;
  lastHash: string;
}

export interface TAuditEventsTable {
  orgId: string | null;
  id: string;
  chainKey: string;
  seq: number;
  action: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  subjectType: string | null;
  subjectId: string | null;
  caseId: string | null;
  changes: TJson<Record<string, unknown> | null> | null;
  metadata: TJson<Record<string, unknown>>;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  createdAt: TTimestamp;
  prevHash: string;
  hash: string;
}

export interface TFoundationTables {
  organisations: TOrganisationsTable;
  users: TUsersTable;
  memberships: TMembershipsTable;
  sessions: TSessionsTable;
  loginThrottles: TLoginThrottlesTable;
  setupTokens: TSetupTokensTable;
  auditChainHeads: TAuditChainHeadsTable;
  auditEvents: TAuditEventsTable;
}

export type TOrganisationRow = Selectable<TOrganisationsTable>;
export type TUserRow = Selectable<TUsersTable>;
export type TMembershipRow = Selectable<TMembershipsTable>;
export type TSessionRow = Selectable<TSessionsTable>;
export type TAuditEventRow = Selectable<TAuditEventsTable>;
export type TNewAuditEvent = Insertable<TAuditEventsTable>;
