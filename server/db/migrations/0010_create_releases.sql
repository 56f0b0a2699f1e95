-- Statistical releases and the privacy budget ledger. PostgreSQL 15 dialect.
-- A release is prepared by an analyst (draft), approved by a different coordinator (published)
-- and from then on never changes: the triggers below refuse any UPDATE or DELETE of a published
-- release, of any release file and of any budget spend, whatever the application does.

create table releases (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  -- tables = statistics-engine tables; record_level = k-anonymous CTDC records.
  kind text not null check (kind in ('tables', 'record_level')),
  status text not null check (status in ('draft', 'published', 'rejected')),
  title text not null,
  -- Language of the files (labels, PDF report).
  language text not null check (language in ('en', 'fr', 'es', 'ar')),
  -- The request as prepared: tables (metric, dimensions, filters) or the k-anonymity options.
  parameters jsonb not null,
  -- CTDC import runs counted, fixed at preparation so the release is reproducible.
  dataset_ids jsonb not null,
  disclosure_method text not null check (disclosure_method in ('suppression', 'rounding', 'differentialPrivacy', 'kAnonymity')),
  disclosure_parameters jsonb not null,
  -- Protected tables (or the k-anonymity summary). Differential privacy draws its noise only at
  -- publication, so a DP draft holds the table layout without values.
  result jsonb not null,
  -- Exact decimal / fraction strings, as recorded in the ledger; null for non-DP releases.
  epsilon_spent text,
  delta_spent text,
  prepared_by uuid not null references users (id),
  prepared_at timestamptz not null,
  approved_by uuid references users (id),
  published_at timestamptz,
  rejected_by uuid references users (id),
  rejected_at timestamptz,
  primary key (org_id, id),
  -- Four eyes: the approver is never the preparer.
  constraint releases_four_eyes check (approved_by is null or approved_by <> prepared_by),
  constraint releases_published_complete check ((status = 'published') = (approved_by is not null and published_at is not null))
);
create unique index releases_id on releases (id);
-- The releases page lists an organisation's releases, newest first.
create index releases_recent on releases (org_id, prepared_at desc);

-- Files generated once at publication; downloads serve these bytes (checksums recorded).
create table release_files (
  org_id uuid not null,
  release_id uuid not null,
  format text not null check (format in ('csv', 'xlsx', 'pdf')),
  file_name text not null,
  media_type text not null,
  -- Base64, so both engines store and return the same text.
  content_base64 text not null,
  byte_count integer not null,
  sha256 text not null,
  created_at timestamptz not null,
  primary key (org_id, release_id, format),
  foreign key (org_id, release_id) references releases (org_id, id)
);

-- One ledger per dataset (a CTDC import run; 'cases' is reserved for the organisation's own cases).
create table privacy_budgets (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  dataset_kind text not null check (dataset_kind in ('ctdcImport', 'ownCases')),
  import_run_id uuid,
  total_epsilon text not null,
  total_delta text not null,
  created_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, import_run_id) references import_runs (org_id, id),
  check ((dataset_kind = 'ctdcImport') = (import_run_id is not null))
);
-- Publication locks the ledger row of each dataset it spends on (found by import run).
create unique index privacy_budgets_run on privacy_budgets (org_id, import_run_id) where import_run_id is not null;
create unique index privacy_budgets_own_cases on privacy_budgets (org_id) where dataset_kind = 'ownCases';

create table privacy_budget_spends (
  org_id uuid not null,
  budget_id uuid not null,
  release_id uuid not null,
  mechanism text not null check (mechanism in ('discreteLaplace', 'discreteGaussian')),
  epsilon text not null,
  -- '0' for pure ε-DP mechanisms.
  delta text not null,
  spent_at timestamptz not null,
  primary key (org_id, budget_id, release_id),
  foreign key (org_id, budget_id) references privacy_budgets (org_id, id),
  foreign key (org_id, release_id) references releases (org_id, id)
);

create function releases_refuse_change_when_final() returns trigger language plpgsql as $$
begin
  if old.status <> 'draft' then
    raise exception 'release % is %: it can no longer change', old.id, old.status using errcode = 'P0001';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end;
$$;

create trigger releases_final_is_immutable
  before update or delete on releases
  for each row execute function releases_refuse_change_when_final();

create function release_files_insert_only_for_drafts() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    raise exception 'release files never change' using errcode = 'P0001';
  end if;
  if not exists (select 1 from releases r where r.org_id = new.org_id and r.id = new.release_id and r.status = 'draft') then
    raise exception 'files are added only while the release is being published' using errcode = 'P0001';
  end if;
  return new;
end;
$$;

create trigger release_files_are_immutable
  before insert or update or delete on release_files
  for each row execute function release_files_insert_only_for_drafts();

create function privacy_ledger_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = 'P0001';
end;
$$;

create trigger privacy_budgets_append_only
  before update or delete on privacy_budgets
  for each row execute function privacy_ledger_append_only();

create trigger privacy_budget_spends_append_only
  before update or delete on privacy_budget_spends
  for each row execute function privacy_ledger_append_only();
