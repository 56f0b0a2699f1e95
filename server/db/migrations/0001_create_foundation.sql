-- Foundation: organisations, users, memberships, sessions, login throttling, first-run setup,
-- and the tamper-evident audit log. PostgreSQL 15 dialect (PGlite is 18: nothing newer than 15).

create table organisations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  kind text not null check (kind in ('government', 'ngo', 'police', 'prosecution', 'labour_inspectorate', 'international_organisation')),
  created_at timestamptz not null default now()
);
-- Organisation names are unique regardless of case, so the switcher never shows two alike.
create unique index organisations_name_unique on organisations (lower(name));

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  display_name text not null,
  password_hash text not null,
  is_platform_admin boolean not null default false,
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);
-- Login looks users up by e-mail without regard to case.
create unique index users_email_unique on users (lower(email));

create table memberships (
  org_id uuid not null references organisations (id),
  user_id uuid not null references users (id),
  role text not null check (role in ('admin', 'coordinator', 'first_responder', 'case_worker', 'child_protection', 'investigator', 'prosecutor', 'analyst', 'auditor')),
  created_at timestamptz not null default now(),
  primary key (org_id, user_id)
);
-- "Which organisations does this user belong to" runs on every request.
create index memberships_user on memberships (user_id);

create table sessions (
  id uuid primary key default gen_random_uuid(),
  -- Only a SHA-256 of the cookie token is stored: a database dump cannot be replayed as cookies.
  token_hash text not null unique,
  user_id uuid not null references users (id),
  csrf_token text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id);

-- Failed logins per key ('email:…' or 'ip:…') within a window; a lock holds until locked_until.
create table login_throttles (
  throttle_key text primary key,
  failures integer not null,
  window_started_at timestamptz not null,
  locked_until timestamptz
);

-- One-time tokens that allow creating the first administrator from the browser.
create table setup_tokens (
  token_hash text primary key,
  created_at timestamptz not null
);

-- The newest link of each audit hash chain; its row lock serialises writers of one chain.
create table audit_chain_heads (
  chain_key text primary key,
  last_seq bigint not null,
  last_hash text not null
);

create table audit_events (
  -- Null for events that belong to no organisation (logins, platform administration).
  org_id uuid references organisations (id),
  id uuid primary key,
  chain_key text not null,
  seq bigint not null,
  action text not null,
  actor_type text not null check (actor_type in ('user', 'system', 'cli', 'anonymous')),
  actor_id uuid,
  actor_label text,
  subject_type text,
  subject_id text,
  case_id uuid,
  changes jsonb,
  metadata jsonb not null,
  ip text,
  user_agent text,
  request_id text,
  created_at timestamptz not null,
  prev_hash text not null,
  hash text not null,
  unique (chain_key, seq)
);
-- The audit page lists an organisation's newest events first.
create index audit_events_org_seq on audit_events (org_id, seq desc);
-- Per-case timelines read by case id.
create index audit_events_case on audit_events (case_id) where case_id is not null;

-- Append-only: the application never updates or deletes audit rows. Someone with database
-- superuser rights can still disable this trigger, which is why the rows are also hash-chained.
create function audit_events_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only';
end;
$$;

create trigger audit_events_append_only
  before update or delete on audit_events
  for each row execute function audit_events_refuse_change();
