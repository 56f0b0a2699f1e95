-- Monitoring and evaluation: programmes with a results framework (goal → outcomes → outputs),
-- indicators (computed through the statistics engine, or entered by hand with sealed evidence
-- and a second person's approval), targets per period, and needs assessments whose findings
-- point at outcomes. Progress reports are computed on request, never stored: a number that
-- leaves the system always passes disclosure control at that moment.

create table programmes (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('national_action_plan', 'project', 'nrm')),
  name text not null,
  description text,
  starts_on date not null,
  ends_on date not null check (ends_on >= starts_on),
  -- The built-in template a programme was created from ('nrm'), or null.
  template text,
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
-- The programmes list: an organisation's programmes, newest first.
create index programmes_org on programmes (org_id, created_at desc);

create table programme_nodes (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references programmes (id),
  parent_id uuid references programme_nodes (id),
  level text not null check (level in ('goal', 'outcome', 'output')),
  code text not null,
  title text not null,
  position integer not null,
  created_at timestamptz not null,
  unique (programme_id, code),
  check ((level = 'goal') = (parent_id is null))
);
create index programme_nodes_programme on programme_nodes (programme_id, position);

create table programme_indicators (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references programmes (id),
  node_id uuid not null references programme_nodes (id),
  code text not null,
  name text not null,
  kind text not null check (kind in ('computed', 'manual')),
  -- computed: { metric, filters, dimensions } of the metric catalog; manual: {}.
  definition jsonb not null,
  unit text not null check (unit in ('persons', 'cases', 'decisions', 'days', 'percent', 'number')),
  direction text not null check (direction in ('increase', 'decrease')),
  frequency text not null check (frequency in ('year', 'quarter', 'month')),
  disaggregations text[] not null,
  baseline numeric,
  baseline_period text,
  data_source text not null,
  position integer not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (programme_id, code)
);
create index programme_indicators_programme on programme_indicators (programme_id, position);

-- One target per indicator and reporting period.
create table indicator_targets (
  org_id uuid not null references organisations (id),
  indicator_id uuid not null references programme_indicators (id),
  period text not null,
  value numeric not null,
  primary key (indicator_id, period)
);

-- Manual values: pending until someone other than their author approves (or rejects) them.
-- A period may hold several (a rejected one, then a corrected one); the approved one counts.
create table indicator_values (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  indicator_id uuid not null references programme_indicators (id),
  period text not null,
  value numeric not null,
  status text not null check (status in ('pending', 'approved', 'rejected')),
  entered_by uuid references users (id),
  entered_at timestamptz not null,
  reviewed_by uuid references users (id),
  reviewed_at timestamptz,
  check ((status = 'pending') = (reviewed_at is null))
);
-- Progress reports read the values of an indicator for a period.
create index indicator_values_indicator on indicator_values (indicator_id, period);
-- At most one approved value per indicator and period.
create unique index indicator_values_one_approved on indicator_values (indicator_id, period) where status = 'approved';

-- Evidence files of manual values (attendance sheets, reports): may name people, so the name
-- and the bytes are sealed under the organisation's key, bound to the row.
create table indicator_evidence (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  value_id uuid not null references indicator_values (id),
  file_name_ciphertext text not null,
  content_type text not null,
  size_bytes integer not null,
  content_ciphertext text not null,
  key_version integer not null,
  uploaded_by uuid references users (id),
  uploaded_at timestamptz not null
);
create index indicator_evidence_value on indicator_evidence (value_id);

create table needs_assessments (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references programmes (id),
  scope text not null check (scope in ('region', 'sector')),
  area text not null,
  assessed_on date not null,
  -- [{ category, severity, summary, outcomeIds }]: structured findings, no personal data.
  findings jsonb not null,
  created_by uuid references users (id),
  created_at timestamptz not null
);
create index needs_assessments_programme on needs_assessments (programme_id, assessed_on desc);
