-- Document numbers (R14): restart at 01 per document type, per issuer, per term; symbol like 12-TB/TU.
create table document_counter (
  issuer_org_id uuid not null references organization (id),
  doc_type text not null,
  term_id uuid not null references term (id),
  last_number integer not null,
  primary key (issuer_org_id, doc_type, term_id)
);

create table issued_document (
  id uuid primary key,
  org_id uuid not null references organization (id),
  term_id uuid not null references term (id),
  doc_type text not null,
  number integer not null,
  symbol text not null,
  title text not null,
  issued_on date not null,
  confidentiality smallint not null default 0,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  unique (org_id, doc_type, term_id, number)
);
create index issued_document_org_idx on issued_document (org_id, issued_on);
