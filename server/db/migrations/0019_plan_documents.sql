-- Documents attached to a case's recovery plan live in the same table as case documents: sealed
-- the same way, so key rotation and erasure (which work on `documents` by organisation and case)
-- cover them without change. `plan_id` null = a case document; set = a document of the plan.
alter table documents add column plan_id uuid;

-- A plan document belongs to the plan of the very case and organisation it is filed under: the
-- composite key makes a document filed under one case but pointing at another case's (or another
-- organisation's) plan impossible. `id` alone is already unique; the wider key exists to be referenced.
alter table plans add constraint plans_id_case_org unique (id, case_id, org_id);
alter table documents add constraint documents_plan_of_case
  foreign key (plan_id, case_id, org_id) references plans (id, case_id, org_id);

-- Serves the plan's document list (case documents keep using documents_case).
create index documents_plan on documents (plan_id, uploaded_at) where plan_id is not null;
