-- CTDC import speed: the per-statement check of 0018 read its transition table twice (once to
-- count the runs the new rows name, once to find them). It now reads it once, and looks up and
-- locks each named run (one per import statement) as it goes. Same guarantee: no record without
-- its run in the same organisation, and the run is KEY SHARE locked until commit.
create or replace function external_ctdc_records_check_runs() returns trigger language plpgsql as $$
declare
  named record;
begin
  for named in select distinct org_id, import_run_id from new_rows loop
    perform 1 from import_runs r where r.org_id = named.org_id and r.id = named.import_run_id for key share of r;
    if not found then
      raise exception 'external_ctdc_records reference an import run that does not exist' using errcode = '23503';
    end if;
  end loop;
  return null;
end;
$$;
