-- Hold traffickers accountable: operations, investigations, suspects (encrypted identity),
-- charges, prosecutions, court decisions, sentences, confiscation, compensation orders,
-- cross-border cooperation and need-to-know links to victims' NRM cases. Counting is per person
-- at every stage (domain.md e.1), so the attrition funnel can follow persons, not paperwork.

create table operations (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  -- A code name, never a person's name.
  code_name text not null,
  countries text[] not null,
  opened_on date not null,
  created_at timestamptz not null
);
create index operations_org on operations (org_id);

-- An operation shared explicitly with another organisation (e.g. a prosecution service): audited.
create table operation_shares (
  org_id uuid not null references organisations (id),
  operation_id uuid not null references operations (id),
  shared_with_org_id uuid not null references organisations (id),
  shared_at timestamptz not null,
  primary key (operation_id, shared_with_org_id)
);
create index operation_shares_with on operation_shares (shared_with_org_id);

create table investigations (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  operation_id uuid references operations (id),
  reference text not null,
  agency text not null,
  opened_on date not null,
  closed_on date,
  status text not null check (status in ('open', 'closed_charged', 'closed_no_further_action', 'suspended')),
  exploitation_forms text[] not null,
  techniques text[] not null,
  countries_involved text[] not null,
  joint_investigation_team boolean not null,
  version integer not null,
  created_at timestamptz not null,
  unique (org_id, reference)
);
create index investigations_org_opened on investigations (org_id, opened_on);
create index investigations_operation on investigations (operation_id);

create table cooperation_requests (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  investigation_id uuid not null references investigations (id),
  kind text not null check (kind in ('mutual_legal_assistance', 'extradition', 'joint_investigation_team')),
  country text not null check (country ~ '^[A-Z]{2}$'),
  sent_on date not null,
  status text not null check (status in ('pending', 'granted', 'refused', 'withdrawn')),
  responded_on date
);
create index cooperation_requests_investigation on cooperation_requests (investigation_id);

create table suspects (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  investigation_id uuid not null references investigations (id),
  identity_ciphertext text not null,
  key_version integer not null,
  name_index text[] not null,
  role text not null check (role in ('recruiter', 'transporter', 'exploiter', 'financier', 'other')),
  sex text not null check (sex in ('female', 'male', 'other', 'not_known')),
  age_band text,
  citizenship text check (citizenship ~ '^[A-Z]{2}$'),
  identified_on date not null,
  created_at timestamptz not null
);
create index suspects_investigation on suspects (investigation_id);

create table charges (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  suspect_id uuid not null references suspects (id),
  -- Trafficking, a related lesser offence, or other: attrition "out of trafficking" is not acquittal.
  offence_category text not null check (offence_category in ('trafficking', 'lesser_related', 'other')),
  offence_code text not null,
  charged_on date not null
);
create index charges_suspect on charges (suspect_id);

create table prosecutions (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  suspect_id uuid not null references suspects (id),
  court text not null,
  started_on date not null
);
create index prosecutions_suspect on prosecutions (suspect_id);

create table court_decisions (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  charge_id uuid not null references charges (id),
  outcome text not null check (outcome in ('convicted', 'acquitted', 'dismissed', 'withdrawn', 'pending')),
  is_appeal boolean not null,
  decided_on date not null
);
create index court_decisions_charge on court_decisions (charge_id);

create table sentences (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  suspect_id uuid not null references suspects (id),
  custodial_months integer check (custodial_months >= 0),
  is_suspended boolean not null,
  fine_amount numeric(14, 2),
  fine_currency text check (fine_currency ~ '^[A-Z]{3}$'),
  other_measure text,
  sentenced_on date not null
);
create index sentences_suspect on sentences (suspect_id);

create table confiscations (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  investigation_id uuid not null references investigations (id),
  suspect_id uuid references suspects (id),
  kind text not null check (kind in ('freeze', 'confiscation')),
  amount numeric(16, 2) not null check (amount >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  ordered_on date not null
);

create table compensation_orders (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  suspect_id uuid not null references suspects (id),
  victim_link_id uuid,
  amount numeric(14, 2) not null check (amount >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  ordered_on date not null
);

-- A victim (an NRM case, possibly of another organisation) linked to an investigation. Each side
-- sees only that the other exists: investigators the support contact, case workers the fact.
create table victim_links (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  investigation_id uuid not null references investigations (id),
  case_org_id uuid not null references organisations (id),
  case_id uuid not null references cases (id),
  role text not null check (role in ('victim', 'witness', 'victim_witness')),
  support_contact text not null,
  -- Recorded for statistics only: participation never gates assistance.
  participation text not null check (participation in ('none', 'statement', 'testified')),
  created_at timestamptz not null,
  unique (investigation_id, case_id)
);
create index victim_links_case on victim_links (case_id);
