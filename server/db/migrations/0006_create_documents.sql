-- Documents attached to cases (statements, certificates, photos of documents). The file name and
-- the content are sealed like identity; only type and size stay in clear for limits and display.
create table documents (
  org_id uuid not null references organisations (id),
  id uuid primary key,
  case_id uuid not null references cases (id),
  file_name_ciphertext text not null,
  content_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  content_ciphertext text not null,
  key_version integer not null,
  uploaded_by uuid references users (id),
  uploaded_at timestamptz not null
);
create index documents_case on documents (case_id);
