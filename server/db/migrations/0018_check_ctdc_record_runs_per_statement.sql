-- CTDC import speed: the foreign key from external_ctdc_records to import_runs ran one
-- referential-integrity query per inserted row (97,750 for the real file), about a third of the
-- import's time on the embedded database (bench/stats.ts, ctdc_import_vs_copy). The same rule is
-- now checked once per INSERT statement over its new rows (a transition table), and the
-- referenced side is guarded by a trigger on import_runs, so the integrity guarantee is unchanged:
-- no record without its run (same organisation), and no run removed or re-keyed under its records.
alter table external_ctdc_records drop constraint external_ctdc_records_org_id_import_run_id_fkey;

create function external_ctdc_records_check_runs() returns trigger language plpgsql as $$
declare
  wanted integer;
  found integer;
begin
  select count(*) into wanted from (select distinct org_id, import_run_id from new_rows) d;
  -- KEY SHARE, as a foreign key takes: the runs cannot be deleted or re-keyed until commit.
  select count(*) into found from (
    select 1 from import_runs r where (r.org_id, r.id) in (select org_id, import_run_id from new_rows) for key share of r
  ) k;
  if found <> wanted then
    raise exception 'external_ctdc_records reference an import run that does not exist' using errcode = '23503';
  end if;
  return null;
end;
$$;

create trigger external_ctdc_records_runs_exist_on_insert
  after insert on external_ctdc_records
  referencing new table as new_rows
  for each statement execute function external_ctdc_records_check_runs();

create trigger external_ctdc_records_runs_exist_on_update
  after update on external_ctdc_records
  referencing new table as new_rows
  for each statement execute function external_ctdc_records_check_runs();

create function import_runs_keep_ctdc_records() returns trigger language plpgsql as $$
begin
  if (tg_op = 'DELETE' or new.org_id <> old.org_id or new.id <> old.id)
    and exists (select 1 from external_ctdc_records e where e.org_id = old.org_id and e.import_run_id = old.id) then
    raise exception 'import run % still has CTDC records', old.id using errcode = '23503';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end;
$$;

create trigger import_runs_keep_ctdc_records
  before update of org_id, id or delete on import_runs
  for each row execute function import_runs_keep_ctdc_records();
