-- Blocking keys of the real-time duplicate check (issue 7): for each person, keyed HMACs of the
-- values the linkage core blocks on (phonetic keys of the transliterated names with the birth
-- year, date of birth with citizenship or sex, document number, phone) and of the exact
-- normalised names (term frequencies). Never plaintext, never an unkeyed hash: the HMAC key is
-- derived from the organisation's data key of `key_version`, so the keys of one organisation say
-- nothing to another and die with the key. The check looks candidates up here and decrypts only them.

create table person_blocking_keys (
  org_id uuid not null references organisations (id),
  person_id uuid not null references persons (id) on delete cascade,
  key_version integer not null,
  -- which blocking rule (or term-frequency value) the hash stands for: 'names_year', 'dob_citizenship',
  -- 'document', 'phone', 'dob_sex', 'names', 'given', 'surname'
  kind text not null,
  -- hex HMAC-SHA256 (128 bits) of kind and value under the key version's blocking key
  key_hash text not null,
  primary key (person_id, key_hash)
);
create index person_blocking_keys_lookup on person_blocking_keys (org_id, key_hash);

-- One row per person whose keys have been computed (and under which key version): a person
-- without a row has not been indexed yet, and the check then scans the whole register.
create table person_blocking_key_sets (
  org_id uuid not null references organisations (id),
  person_id uuid primary key references persons (id) on delete cascade,
  key_version integer not null,
  indexed_at timestamptz not null
);
create index person_blocking_key_sets_org on person_blocking_key_sets (org_id, key_version);
