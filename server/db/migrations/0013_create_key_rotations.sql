-- Rotation of an organisation's data key: a new key version is created at once (new writes use
-- it) and a resumable job re-encrypts every older ciphertext under it. The row records progress;
-- an unfinished job is resumed when the server starts.
create table key_rotations (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  to_version integer not null,
  status text not null check (status in ('running', 'finished', 'failed')),
  rows_reencrypted integer not null default 0,
  error text,
  started_by uuid references users (id),
  started_at timestamptz not null,
  finished_at timestamptz
);
create index key_rotations_org on key_rotations (org_id, started_at desc);
-- One running rotation per organisation.
create unique index key_rotations_one_running on key_rotations (org_id) where status = 'running';
