-- Identify, refer, decide: encrypted persons, NRM cases, screenings, decisions, deadlines, the
-- child pathway, anonymous notifications and intake drafts. Identifying data lives only in the
-- *_ciphertext columns (AES-256-GCM under a per-organisation data key); every other column is a
-- statistical or procedural field that analysts may query.

-- Per-organisation data keys, wrapped by the master key (which never enters the database).
create table organisation_keys (
  org_id uuid not null references organisations (id),
  key_version integer not null,
  wrapped_key text not null,
  created_at timestamptz not null,
  primary key (org_id, key_version)
);

-- Which jurisdiction profile governs an organisation's cases (coe by default).
create table organisation_settings (
  org_id uuid primary key references organisations (id),
  jurisdiction_profile_id text not null,
  updated_at timestamptz not null
);

-- Admin-edited jurisdiction profiles; versions are immutable so old decisions stay reproducible.
create table jurisdiction_profiles (
  id text not null,
  version text not null,
  profile jsonb not null,
  created_at timestamptz not null,
  primary key (id, version)
);

-- Human-readable case references count per organisation and year.
create table organisation_counters (
  org_id uuid not null references organisations (id),
  counter_name text not null,
  value integer not null,
  primary key (org_id, counter_name)
);

create table persons (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  identity_ciphertext text not null,
  key_version integer not null,
  -- Keyed HMACs of normalised name tokens: name search without decrypting every row.
  name_index text[] not null,
  sex text not null check (sex in ('female', 'male', 'other', 'not_known')),
  age_years integer check (age_years between 0 and 130),
  age_status text not null check (age_status in ('confirmed', 'claimed', 'disputed', 'presumed_child')),
  citizenship text check (citizenship ~ '^[A-Z]{2}$'),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index persons_org on persons (org_id);
-- Name search: `name_index @> array[...]`.
create index persons_name_index on persons using gin (name_index);

create table cases (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  reference text not null,
  person_id uuid not null references persons (id),
  status text not null check (status in ('draft', 'referred', 'rg_positive', 'rg_negative', 'rg_reconsideration', 'cg_positive', 'cg_negative', 'cg_reconsideration', 'withdrawn', 'closed')),
  -- Optimistic locking: every change bumps it; a stale expectedVersion is a conflict.
  version integer not null,
  jurisdiction_profile_id text not null,
  jurisdiction_profile_version text not null,
  is_child boolean not null,
  child_basis text not null,
  is_unaccompanied boolean,
  country_of_exploitation text check (country_of_exploitation ~ '^[A-Z]{2}$'),
  exploitation_forms text[] not null,
  source text not null check (source in ('case_management', 'hotline', 'other')),
  year_of_registration integer not null,
  consent jsonb,
  referred_at timestamptz,
  rg_positive_at timestamptz,
  closed_at timestamptz,
  closure_reason text,
  child_protection_lead_id uuid references users (id),
  child_protection_lead_assigned_at timestamptz,
  guardian jsonb,
  age_assessment jsonb,
  best_interests_determination jsonb,
  protection jsonb not null,
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (org_id, reference)
);
-- The case list filters by organisation and status, newest first.
create index cases_org_status on cases (org_id, status, updated_at desc);
create index cases_person on cases (person_id);

create table screenings (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  list_id text not null,
  list_version text not null,
  rules_version text not null,
  observations jsonb not null,
  result jsonb not null,
  outcome text not null,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null
);
create index screenings_case on screenings (case_id);

create table decisions (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  kind text not null check (kind in ('RG', 'CG')),
  outcome text not null check (outcome in ('positive', 'negative')),
  -- Reasons narrate the person's story: encrypted like identity.
  reasons_ciphertext text not null,
  key_version integer not null,
  evidence_standard text not null,
  authority text not null,
  is_reconsideration boolean not null,
  decided_by uuid references users (id),
  decided_at timestamptz not null,
  jurisdiction_profile_id text not null,
  jurisdiction_profile_version text not null
);
create index decisions_case on decisions (case_id);

create table deadlines (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  kind text not null check (kind in ('rg_decision', 'recovery_period_end')),
  due_at timestamptz not null,
  status text not null check (status in ('open', 'met', 'breached', 'elapsed', 'cancelled')),
  breached_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null
);
-- The sweep reads open deadlines by due time; the partial index keeps it small.
create index deadlines_open_due on deadlines (due_at) where status = 'open';
create index deadlines_case on deadlines (case_id);

-- Adults who decline a referral are counted here; the table has no identifying column at all.
create table anonymous_notifications (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  jurisdiction_profile_id text not null,
  notified_on date not null,
  sex text not null,
  age_band text not null,
  age_at_exploitation text not null,
  nationality text not null,
  exploitation_types text[] not null,
  exploitation_location text not null,
  location_region text not null,
  referring_org_kind text not null
);
create index anonymous_notifications_org on anonymous_notifications (org_id, notified_on);

-- Half-finished referrals, saved by the intake form step by step; encrypted (they hold identity).
create table referral_drafts (
  org_id uuid not null references organisations (id),
  id uuid primary key,
  user_id uuid not null references users (id),
  step integer not null,
  data_ciphertext text not null,
  key_version integer not null,
  updated_at timestamptz not null
);
create index referral_drafts_user on referral_drafts (org_id, user_id);

-- A request to reconsider a negative decision, with its reasons (encrypted: they narrate the case).
create table reconsideration_requests (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  decision_kind text not null check (decision_kind in ('RG', 'CG')),
  reasons_ciphertext text not null,
  key_version integer not null,
  requested_by uuid references users (id),
  requested_at timestamptz not null
);
create index reconsideration_requests_case on reconsideration_requests (case_id);
