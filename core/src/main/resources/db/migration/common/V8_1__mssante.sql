-- MSSanté (issue 8): correspondents chosen on an order, the practice's mailboxes, one row per
-- message sent to one recipient (delivery and read receipts), the messages received on the BAL
-- applicative and the documents they carried (integration worklist), and the trace of every step.

-- Correspondents who receive the CR besides the referring physician of the order (whose address,
-- when not chosen here, is looked up in the directory by RPPS at sending time).
create table order_correspondent (
  id            uuid          not null primary key,
  order_id      uuid          not null references imaging_order (id),
  display_name  varchar(200)  not null,
  rpps          varchar(11),
  profession    varchar(100),
  mss_address   varchar(254)  not null,
  referring     boolean       not null,
  created_by    varchar(100)  not null,
  created_at    timestamp with time zone not null,
  constraint order_correspondent_uk unique (order_id, mss_address)
);
create index order_correspondent_order_ix on order_correspondent (order_id);

-- Mailboxes of the practice: APPLICATIVE (automatic sends, inbound integration), ORGANISATIONNELLE
-- (reply-to shown to correspondents), PERSONNELLE (a radiologist's own, PSC token).
create table mss_mailbox (
  id             uuid          not null primary key,
  kind           varchar(20)   not null,
  address        varchar(254)  not null,
  owner_user_id  uuid          references user_account (id),
  label          varchar(200),
  active         boolean       not null,
  created_at     timestamp with time zone not null,
  constraint mss_mailbox_address_uk unique (address)
);

-- One message to one recipient; message_id is fixed when the send is decided, so that a retry
-- sends the same message (idempotency towards the operator and the recipient).
create table mss_outbound (
  id                 uuid          not null primary key,
  message_id         varchar(250)  not null,
  purpose            varchar(16)   not null,
  document_uid       varchar(128),
  report_version_id  uuid          references report_version (id),
  patient_id         uuid          references patient (id),
  sender             varchar(254)  not null,
  recipient          varchar(254),
  recipient_rpps     varchar(11),
  recipient_name     varchar(200),
  recipient_kind     varchar(16)   not null,
  status             varchar(24)   not null,
  status_detail      varchar(1000),
  created_at         timestamp with time zone not null,
  submitted_at       timestamp with time zone,
  delivered_at       timestamp with time zone,
  read_at            timestamp with time zone,
  updated_at         timestamp with time zone not null,
  constraint mss_outbound_message_uk unique (message_id)
);
create index mss_outbound_patient_ix on mss_outbound (patient_id);
create index mss_outbound_version_ix on mss_outbound (report_version_id);

-- A message taken from the BAL applicative (once: unique per mailbox and Message-ID), kept whole
-- for the MDN that quotes it and for a later manual integration.
create table mss_received_message (
  id              uuid          not null primary key,
  mailbox         varchar(254)  not null,
  message_id      varchar(250)  not null,
  sender          varchar(254),
  reply_to        varchar(254),
  disposition_to  varchar(254),
  subject         varchar(500),
  sent_at         timestamp with time zone,
  received_at     timestamp with time zone not null,
  outcome         varchar(16)   not null,
  detail          varchar(2000),
  raw_message     bytea,
  constraint mss_received_message_uk unique (mailbox, message_id)
);

-- A CDA document found in a received XDM zip (or imported by hand): integrated, waiting in the
-- integration worklist with the identity the CDA gives (patient search pre-filled), or rejected.
create table mss_inbound_document (
  id                      uuid          not null primary key,
  received_message_id     uuid          references mss_received_message (id),
  source                  varchar(16)   not null,
  action                  varchar(16)   not null,
  document_uid            varchar(128)  not null,
  set_id                  varchar(128),
  version_number          integer       not null,
  replaces_document_uid   varchar(128),
  type_code               varchar(20),
  title                   varchar(300),
  effective_at            timestamp with time zone,
  author_name             varchar(200),
  ins_matricule           varchar(15),
  ins_oid                 varchar(64),
  birth_name              varchar(100),
  birth_first_names       varchar(200),
  first_birth_first_name  varchar(100),
  used_name               varchar(100),
  used_first_name         varchar(100),
  birth_date              date,
  sex                     varchar(1),
  birthplace_code         varchar(5),
  status                  varchar(16)   not null,
  error_code              varchar(8),
  error_label             varchar(500),
  patient_id              uuid          references patient (id),
  clinical_document_id    uuid          references clinical_document (id),
  cda                     bytea         not null,
  created_at              timestamp with time zone not null,
  handled_by              varchar(100),
  handled_at              timestamp with time zone
);
create index mss_inbound_document_status_ix on mss_inbound_document (status, created_at);
create index mss_inbound_document_uid_ix on mss_inbound_document (document_uid);

-- Trace of every step of MSSanté flows (SC.MSS/UX.37, SC.MSS/CONF.17/18), kept apart from the
-- audit trail so that the exchanges of a document can be followed end to end.
create table mss_trace (
  id            uuid          not null primary key,
  occurred_at   timestamp with time zone not null,
  direction     varchar(8)    not null,
  step          varchar(30)   not null,
  mailbox       varchar(254),
  message_id    varchar(250),
  document_uid  varchar(128),
  patient_id    uuid,
  actor_login   varchar(100)  not null,
  detail        varchar(2000)
);
create index mss_trace_message_ix on mss_trace (message_id);
create index mss_trace_document_ix on mss_trace (document_uid);
create index mss_trace_time_ix on mss_trace (occurred_at);
