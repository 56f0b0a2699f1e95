-- Population denominators for rates such as SDG 16.2.2 (victims per 100,000 population).
-- Deployment-wide public statistics (not organisation data): a platform administrator imports
-- them from CSV (core/populations); each committed import is one run (a dry run writes nothing),
-- and each figure remembers the run that last inserted or changed it.
create table population_imports (
  id uuid primary key default gen_random_uuid(),
  imported_by uuid references users (id),
  -- 'user' (web upload) or 'cli' (palermo import population; imported_by is null then).
  imported_by_type text not null check (imported_by_type in ('user', 'cli')),
  file_name text not null,
  -- The file itself is not kept (its figures are, row by row); the hash identifies it.
  file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  row_count integer not null check (row_count >= 0),
  rows_inserted integer not null check (rows_inserted >= 0),
  rows_updated integer not null check (rows_updated >= 0),
  rows_unchanged integer not null check (rows_unchanged >= 0),
  -- Where the figures come from, e.g. 'UN WPP 2024'.
  source_note text check (source_note is null or length(source_note) <= 500),
  warning_count integer not null default 0,
  created_at timestamptz not null default now()
);
create index population_imports_recent on population_imports (created_at desc);

create table population_denominators (
  -- ISO 3166-1 alpha-2, upper case, as in CTDC's region table (core/ctdc/countries.data.ts),
  -- which also has CTDC's own Y1 (Kosovo): hence a digit is allowed in the second place.
  country_code char(2) not null check (country_code ~ '^[A-Z][A-Z0-9]$'),
  year integer not null check (year between 1950 and 2100),
  sex text not null check (sex in ('total', 'female', 'male')),
  age_group text not null check (age_group in ('total', '0-17', '18+')),
  population bigint not null check (population > 0),
  -- The run that last inserted or changed this figure.
  import_id uuid not null references population_imports (id),
  updated_at timestamptz not null,
  primary key (country_code, year, sex, age_group)
);
-- The primary key serves lookups by country; rates by year across countries use this one.
create index population_denominators_year on population_denominators (year, country_code);
