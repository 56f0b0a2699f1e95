-- Retention and erasure: a per-organisation rule to anonymise identifying data some time after a
-- person's cases are closed, legal holds that suspend it, and the mark left on an anonymised
-- person. Statistical columns (sex, age, citizenship, dates, statuses, forms of exploitation) are
-- kept, so statistics do not change when identities are erased.

create table retention_policies (
  org_id uuid primary key references organisations (id),
  -- Days after the last of a person's cases closed; null = never anonymise automatically.
  anonymise_after_days integer check (anonymise_after_days between 1 and 36500),
  updated_at timestamptz not null
);

create table case_legal_holds (
  org_id uuid not null references organisations (id),
  case_id uuid primary key references cases (id),
  reason text not null check (reason in ('litigation', 'investigation', 'prosecution', 'audit', 'other')),
  placed_by uuid references users (id),
  placed_at timestamptz not null
);

alter table persons add column anonymised_at timestamptz;
