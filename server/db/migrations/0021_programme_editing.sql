-- Editing programmes (issue 9): optimistic locking on every editable row (a version the client
-- sends back), archiving instead of deleting, a written definition and ratio indicators, and
-- the basis (persons or records behind) of a manual percentage or number of days.

alter table programmes add column version integer not null default 1;
-- Archived programmes stay readable (reports, audit) but refuse every change.
alter table programmes add column archived_at timestamptz;
alter table programmes add column archived_by uuid references users (id);

alter table programme_nodes add column description text;
alter table programme_nodes add column version integer not null default 1;
alter table programme_nodes add column updated_at timestamptz;

-- The written definition of an indicator (what is counted, how), beside its machine definition.
alter table programme_indicators add column definition_text text;
alter table programme_indicators add column version integer not null default 1;
-- ratio: { numerator: { metric, filters }, denominator: { metric, filters }, scale }.
alter table programme_indicators drop constraint programme_indicators_kind_check;
alter table programme_indicators add constraint programme_indicators_kind_check check (kind in ('computed', 'manual', 'ratio'));

-- Persons or records behind a manual percentage or days value: disclosure control hides the
-- value when too few stand behind it, as it does for computed shares and medians.
alter table indicator_values add column basis integer check (basis >= 0);

alter table needs_assessments add column version integer not null default 1;
alter table needs_assessments add column updated_at timestamptz;
