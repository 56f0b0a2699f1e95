-- An organisation may require a stated purpose (a code from core/security/access-purpose.ts)
-- before a member opens a person's identity; the code is recorded in the identityViewed audit row.
-- Off by default: existing organisations keep their behaviour.
alter table organisation_security_policies add column require_access_purpose boolean not null default false;
