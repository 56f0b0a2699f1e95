-- The national coordinator role: statistics over every organisation of the deployment
-- (core/authz/permissions.ts, stats.readNational). Widens the role check of memberships.
alter table memberships drop constraint memberships_role_check;
alter table memberships add constraint memberships_role_check
  check (role in ('admin', 'coordinator', 'first_responder', 'case_worker', 'child_protection', 'investigator', 'prosecutor', 'analyst', 'auditor', 'national_coordinator'));
