-- Protect and assist: the service directory (Open Referral HSDS 3.0 objects), consent to share a
-- case with another agency, service referrals with the shared fields sealed for the receiver,
-- the service delivery log, recovery plans with every version kept, and remedies (compensation
-- claims, awards, payments). Narrative and identifying content lives only in *_ciphertext
-- columns; the other columns are codes, dates and amounts that analysts may query.

-- HSDS `organization`: a provider listed by (and belonging to) a Palermo organisation.
create table directory_organizations (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  -- The HSDS id of the record this one was imported from (re-importing the same file updates it).
  external_id uuid,
  name text not null,
  alternate_name text,
  description text not null,
  email text,
  website text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index directory_organizations_org on directory_organizations (org_id);

-- HSDS `location`. A confidential location (a shelter) keeps its name, description, address and
-- coordinates sealed under the provider's key: only the provider organisation ever sees them.
create table directory_locations (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  external_id uuid,
  organization_id uuid not null references directory_organizations (id),
  location_type text not null check (location_type in ('physical', 'postal', 'virtual')),
  is_confidential boolean not null,
  name text,
  description text,
  address jsonb,
  latitude numeric(9, 6),
  longitude numeric(9, 6),
  confidential_ciphertext text,
  key_version integer,
  languages text[] not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (not is_confidential or (name is null and description is null and address is null and latitude is null and longitude is null and confidential_ciphertext is not null))
);
create index directory_locations_org on directory_locations (org_id);

-- HSDS `service`, with Palermo's service kinds (taxonomy terms), eligibility and capacity.
create table directory_services (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  external_id uuid,
  organization_id uuid not null references directory_organizations (id),
  name text not null,
  alternate_name text,
  description text,
  url text,
  email text,
  status text not null check (status in ('active', 'inactive', 'defunct', 'temporarily closed')),
  kinds text[] not null,
  interpretation_services text,
  application_process text,
  fees_description text,
  eligibility_description text,
  minimum_age integer check (minimum_age between 0 and 130),
  maximum_age integer check (maximum_age between 0 and 130),
  -- Empty arrays mean "anyone": restrictions are listed, never inferred.
  eligible_sexes text[] not null,
  eligible_nationalities text[] not null,
  languages text[] not null,
  capacity_maximum integer check (capacity_maximum >= 0),
  capacity_available integer check (capacity_available >= 0),
  capacity_updated_at timestamptz,
  version integer not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index directory_services_org on directory_services (org_id);
-- The directory search filters by kind across every organisation.
create index directory_services_kinds on directory_services using gin (kinds);

-- HSDS `service_at_location`.
create table directory_service_locations (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  external_id uuid,
  service_id uuid not null references directory_services (id),
  location_id uuid not null references directory_locations (id),
  description text,
  created_at timestamptz not null,
  unique (service_id, location_id)
);
create index directory_service_locations_location on directory_service_locations (location_id);

-- Consent to share a case with one receiving organisation, for purposes (service kinds) and
-- field groups. Records are never edited: a newer record or a withdrawal supersedes them.
create table service_consents (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  -- Orders records made in the same instant: the latest decision for an agency and purpose counts.
  seq bigint generated always as identity,
  case_id uuid not null references cases (id),
  receiving_org_id uuid not null references organisations (id),
  purposes text[] not null,
  field_groups text[] not null,
  decision text not null check (decision in ('given', 'declined')),
  basis text not null check (basis in ('person', 'guardian', 'best_interests')),
  language text not null,
  interpreter_used boolean not null,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null,
  withdrawn_at timestamptz,
  withdrawn_by uuid references users (id)
);
create index service_consents_case on service_consents (case_id);

-- A referral of a case to a service. org_id is the referring (case-owning) organisation. The
-- shared fields are a copy sealed under the receiving organisation's key, erased (set to null)
-- the moment sharing ends (declined, completed, revoked).
create table service_referrals (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  receiving_org_id uuid not null references organisations (id),
  service_id uuid not null references directory_services (id),
  service_at_location_id uuid references directory_service_locations (id),
  purpose text not null,
  field_groups text[] not null,
  status text not null check (status in ('sent', 'accepted', 'declined', 'completed', 'revoked')),
  consent_id uuid references service_consents (id),
  is_override boolean not null,
  -- Why consent was bypassed; sealed under the referrer's key.
  override_justification_ciphertext text,
  override_key_version integer,
  shared_ciphertext text,
  shared_key_version integer,
  decline_reason text,
  -- The receiver's optional note when declining; sealed under the referrer's key.
  response_note_ciphertext text,
  response_note_key_version integer,
  revoke_reason text,
  version integer not null,
  sent_by uuid references users (id),
  sent_at timestamptz not null,
  responded_by uuid references users (id),
  responded_at timestamptz,
  completed_at timestamptz,
  revoked_by uuid references users (id),
  revoked_at timestamptz,
  updated_at timestamptz not null,
  check (is_override = (consent_id is null)),
  check (is_override = (override_justification_ciphertext is not null))
);
-- Inboxes: "sent" by the referring organisation; "shared with me" / "action needed" by receiver and status.
create index service_referrals_org on service_referrals (org_id, sent_at desc);
create index service_referrals_receiver on service_referrals (receiving_org_id, status, sent_at desc);
create index service_referrals_case on service_referrals (case_id);
create index service_referrals_consent on service_referrals (consent_id);

-- What was provided, when, by whom and in what language. org_id is the organisation that
-- delivered (the provider through a referral, or the case owner itself); no free text.
create table service_deliveries (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  case_org_id uuid not null references organisations (id),
  case_id uuid not null references cases (id),
  referral_id uuid references service_referrals (id),
  service_id uuid references directory_services (id),
  service_kind text not null,
  delivered_on date not null,
  quantity numeric(10, 2) not null check (quantity > 0),
  unit text not null check (unit in ('session', 'night', 'hour', 'day', 'item', 'payment', 'other')),
  language text not null,
  interpreter_used boolean not null,
  delivered_by uuid references users (id),
  recorded_at timestamptz not null
);
-- Statistics on support received count deliveries by case and kind.
create index service_deliveries_case on service_deliveries (case_id, delivered_on);
create index service_deliveries_referral on service_deliveries (referral_id);

-- Per-organisation plan policy: whether a new plan version needs a supervisor's approval.
create table plan_settings (
  org_id uuid primary key references organisations (id),
  requires_approval boolean not null,
  updated_at timestamptz not null
);

create table plans (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null unique references cases (id),
  latest_version integer not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

-- Every saved version is kept. The content (needs, goals in the survivor's words) is sealed;
-- domains and a goal summary (domain, status, review date) stay queryable for statistics.
create table plan_versions (
  org_id uuid not null references organisations (id),
  plan_id uuid not null references plans (id),
  version integer not null,
  content_ciphertext text not null,
  key_version integer not null,
  domains text[] not null,
  goal_summary jsonb not null,
  approval_status text not null check (approval_status in ('not_required', 'pending', 'approved', 'returned')),
  created_by uuid references users (id),
  created_at timestamptz not null,
  reviewed_by uuid references users (id),
  reviewed_at timestamptz,
  primary key (plan_id, version)
);

create table remedy_claims (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  kind text not null check (kind in ('criminal_court', 'civil', 'state_fund', 'employment')),
  status text not null check (status in ('preparing', 'filed', 'awarded', 'rejected', 'withdrawn', 'closed')),
  forum text,
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  amount_claimed numeric(16, 3),
  unpaid_wages_claimed numeric(16, 3),
  filed_on date,
  version integer not null,
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index remedy_claims_case on remedy_claims (case_id);

-- Awards made on a claim and payments actually received (what is still owed is the difference).
create table remedy_entries (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  claim_id uuid not null references remedy_claims (id),
  kind text not null check (kind in ('award', 'payment')),
  amount numeric(16, 3) not null check (amount >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  payer text not null,
  occurred_on date not null,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null
);
create index remedy_entries_claim on remedy_entries (claim_id);
