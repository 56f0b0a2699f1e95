-- Cooperation between agencies: in-app notifications (with their e-mail delivery state) and the
-- transfer of case responsibility from one organisation to another.

-- A notification says that something needs the user's attention and where; it never carries
-- identifying data (payload: ids and codes only), so it is safe to show in a list or an e-mail.
create table notifications (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  kind text not null,
  subject_type text not null,
  subject_id uuid,
  payload jsonb not null,
  created_at timestamptz not null,
  read_at timestamptz,
  -- E-mail is sent only when SMTP is configured; older pending ones are skipped, not sent late.
  email_status text not null default 'pending' check (email_status in ('pending', 'sent', 'failed', 'skipped')),
  email_attempts integer not null default 0,
  email_sent_at timestamptz
);
create index notifications_user on notifications (user_id, created_at desc);
create index notifications_email_pending on notifications (created_at) where email_status = 'pending';

-- Whether the sending organisation keeps read access to a case it transferred (default: no).
create table case_transfer_policies (
  org_id uuid primary key references organisations (id),
  keep_read_access boolean not null,
  updated_at timestamptz not null
);

-- A request to hand a case over to another organisation. On acceptance the receiver gets its own
-- case (identity and plan re-sealed under its key) and the sender's case is closed as transferred.
create table case_transfers (
  org_id uuid not null references organisations (id),
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  receiving_org_id uuid not null references organisations (id),
  status text not null check (status in ('requested', 'accepted', 'rejected', 'cancelled')),
  -- Consent to the transfer: given by the person, or for a child by the guardian or a
  -- best-interests decision (the rules of core/protection/consent.ts).
  consent_basis text not null check (consent_basis in ('person', 'guardian', 'best_interests')),
  consent_language text not null,
  interpreter_used boolean not null,
  -- Why the case is handed over, for the receiver; sealed under the receiver's key.
  note_ciphertext text,
  note_key_version integer,
  reject_reason text,
  new_case_id uuid references cases (id),
  keeps_read_access boolean,
  version integer not null,
  requested_by uuid references users (id),
  requested_at timestamptz not null,
  responded_by uuid references users (id),
  responded_at timestamptz,
  updated_at timestamptz not null,
  check (receiving_org_id <> org_id)
);
create index case_transfers_case on case_transfers (case_id);
create index case_transfers_receiver on case_transfers (receiving_org_id, status);
-- At most one open request per case.
create unique index case_transfers_one_open on case_transfers (case_id) where status = 'requested';

-- Where a case came from or went to. The receiver's case is a new record: statistics count the
-- person once, at the organisation that identified them (transferred_from_case_id marks the copy).
alter table cases add column transferred_to_org_id uuid references organisations (id);
alter table cases add column transferred_to_case_id uuid references cases (id);
alter table cases add column transferred_from_org_id uuid references organisations (id);
alter table cases add column transferred_from_case_id uuid references cases (id);
