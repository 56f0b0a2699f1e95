-- De-duplication inside an organisation: jobs, the review queue of candidate pairs, and merges
-- that can be undone exactly. No identifying value is stored here: pairs carry person ids, scores
-- and the per-field comparison levels with their weights, never the compared values.

create table linkage_jobs (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('dedupe')),
  status text not null check (status in ('running', 'succeeded', 'failed')),
  -- reading, training, blocking, scoring, writing, done
  stage text not null,
  progress double precision not null check (progress between 0 and 1),
  persons_read integer,
  candidate_pairs integer,
  review_pairs integer,
  clusters integer,
  -- 'organisation' (EM on the organisation's own persons) or 'reference' (too few persons for EM)
  model_source text check (model_source in ('organisation', 'reference')),
  -- m, u and λ only: term frequencies name names, so they are never stored.
  model jsonb,
  failure_reason text,
  started_by uuid references users (id),
  started_at timestamptz not null,
  finished_at timestamptz
);
-- The latest job of an organisation (job list, the model of the real-time check).
create index linkage_jobs_org on linkage_jobs (org_id, started_at desc);
-- One running job per organisation.
create unique index linkage_jobs_one_running on linkage_jobs (org_id) where status = 'running';

create table duplicate_candidates (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  job_id uuid not null references linkage_jobs (id),
  -- first_person_id < second_person_id, so a pair has one row whatever the order it was found in
  first_person_id uuid not null references persons (id),
  second_person_id uuid not null references persons (id),
  match_weight double precision not null,
  probability double precision not null,
  -- per comparison: name, level, label, m, u, weight, term-frequency adjustment (no values)
  explanation jsonb not null,
  cluster_key integer,
  status text not null check (status in ('pending', 'match', 'not_match', 'merged')),
  decided_by uuid references users (id),
  decided_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (first_person_id < second_person_id),
  unique (org_id, first_person_id, second_person_id)
);
-- The review queue: an organisation's pending pairs, most likely first.
create index duplicate_candidates_queue on duplicate_candidates (org_id, status, probability desc);

create table person_merges (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  candidate_id uuid references duplicate_candidates (id),
  surviving_person_id uuid not null references persons (id),
  merged_person_id uuid not null references persons (id),
  -- Everything an unmerge needs: the cases that moved, and the candidate as it was.
  moved_case_ids uuid[] not null,
  candidate_status_before text,
  candidate_decided_by_before uuid,
  candidate_decided_at_before timestamptz,
  status text not null check (status in ('merged', 'unmerged')),
  merged_by uuid references users (id),
  merged_at timestamptz not null,
  unmerged_by uuid references users (id),
  unmerged_at timestamptz
);
-- Is this person merged away? (excluded from jobs, checks and the queue)
create unique index person_merges_active on person_merges (org_id, merged_person_id) where status = 'merged';
create index person_merges_surviving on person_merges (org_id, surviving_person_id);
