-- Cross-organisation linkage projects (privacy-preserving record linkage through the server).
-- Nothing identifying is stored: a submission holds CLK encodings under random per-run ids (the
-- linkage secret is never stored) and each party's private map from those ids to its own persons.

create table linkage_projects (
  id uuid primary key default gen_random_uuid(),
  -- the organisation whose analyst created the project (it is also a party)
  owner_org_id uuid not null references organisations (id),
  name text not null,
  status text not null check (status in ('open', 'matching', 'matched', 'cancelled')),
  -- the CLK schema every party encodes with (core/linkage/clk/clk-schema.ts, persisted shape)
  clk_schema jsonb not null,
  -- Dice threshold of candidate pairs (the core default)
  threshold double precision not null,
  solve text not null check (solve in ('one-to-one', 'clusters')),
  delete_encodings_after_match boolean not null,
  stage text,
  progress double precision not null default 0 check (progress between 0 and 1),
  failure_reason text,
  -- raw counts of the last match (party ids and numbers only); published through suppression
  counts jsonb,
  party_pairs_skipped integer,
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  matched_at timestamptz,
  cancelled_at timestamptz
);
create index linkage_projects_owner on linkage_projects (owner_org_id, created_at desc);

create table linkage_project_parties (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references linkage_projects (id),
  -- an organisation of this deployment, or null for an external party (named, at another deployment)
  org_id uuid references organisations (id),
  external_name text,
  status text not null check (status in ('invited', 'accepted', 'declined', 'submitted')),
  record_count integer,
  -- fingerprint of the secret (HMAC): parties compare it to see they used the same secret
  key_check text,
  invited_at timestamptz not null,
  responded_by uuid references users (id),
  responded_at timestamptz,
  submitted_by uuid references users (id),
  submitted_at timestamptz,
  check ((org_id is null) <> (external_name is null)),
  unique (project_id, org_id)
);
create index linkage_project_parties_org on linkage_project_parties (org_id, invited_at desc);

-- One encodings file per submitted party (the exported JSON: ids, CLKs, keyed blocking keys).
-- CLKs are still personal data: deleted after the match unless the project keeps them.
create table linkage_project_encodings (
  party_id uuid primary key references linkage_project_parties (id),
  project_id uuid not null references linkage_projects (id),
  run_id text not null,
  encodings text not null,
  created_at timestamptz not null
);

-- The private map random id → person id, readable only by that party's organisation.
create table linkage_project_record_map (
  party_id uuid not null references linkage_project_parties (id),
  org_id uuid not null references organisations (id),
  record_id text not null,
  person_id uuid not null references persons (id),
  primary key (party_id, record_id)
);

-- Result per party: its own random ids with their cluster ids, and how many other parties
-- hold a record of the same cluster.
create table linkage_project_results (
  party_id uuid not null references linkage_project_parties (id),
  project_id uuid not null references linkage_projects (id),
  record_id text not null,
  cluster_id text not null,
  other_parties integer not null,
  primary key (party_id, record_id)
);
