-- Security hardening: two-factor sign-in (TOTP, RFC 6238) with recovery codes, the
-- organisation's security policy, and break-the-glass emergency access to a case.

-- One row per user who started enrolment. Users belong to no organisation, so the secret is
-- sealed under a platform key derived from the master key (never the org keys).
create table user_two_factor (
  user_id uuid primary key references users (id),
  secret_ciphertext text not null,
  -- Null while enrolment waits for its first valid code: an unconfirmed secret protects nothing.
  confirmed_at timestamptz,
  -- The last TOTP step accepted: a code of that step or earlier is never accepted again.
  last_used_step bigint,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

-- Single-use recovery codes; only a SHA-256 of each (salted with the user id) is stored.
create table two_factor_recovery_codes (
  user_id uuid not null references users (id),
  code_hash text not null,
  used_at timestamptz,
  primary key (user_id, code_hash)
);

-- The second step of a sign-in: a short-lived token handed out after a correct password.
create table two_factor_challenges (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  user_id uuid not null references users (id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  failures integer not null default 0,
  used_at timestamptz
);
create index two_factor_challenges_user on two_factor_challenges (user_id);

-- Per-organisation security policy; no row means the defaults (no 2FA requirement, 4 hours).
create table organisation_security_policies (
  org_id uuid primary key references organisations (id),
  two_factor_requirement text not null check (two_factor_requirement in ('none', 'all', 'identity_roles')),
  emergency_access_hours integer not null check (emergency_access_hours between 1 and 72),
  updated_at timestamptz not null
);

-- Break-the-glass: time-limited access to one case for a member who otherwise has none.
create table emergency_access_grants (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  user_id uuid not null references users (id),
  -- The written justification, sealed under the organisation key (it may name the person).
  justification_ciphertext text not null,
  key_version integer not null,
  granted_at timestamptz not null,
  expires_at timestamptz not null,
  ended_at timestamptz,
  ended_by uuid references users (id)
);
-- Every case read by a member without case.read asks "is there a live grant for me here".
create index emergency_access_grants_case_user on emergency_access_grants (case_id, user_id);
