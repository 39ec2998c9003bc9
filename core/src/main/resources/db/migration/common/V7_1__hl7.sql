-- HL7 v2 (issue 7). Every message received by MLLP is stored here before it is acknowledged,
-- with the acknowledgement that was returned: a repeated message (same sender, control id and
-- content) gets the same ACK again without being processed twice.
create table hl7_message (
  id                   uuid          not null primary key,
  received_at          timestamp with time zone not null,
  listener             varchar(40)   not null,
  remote_address       varchar(100),
  sending_application  varchar(200),
  sending_facility     varchar(200),
  control_id           varchar(200),
  message_type         varchar(40),
  hl7_version          varchar(10),
  charset              varchar(20),
  -- sender + control id + SHA-256 of the content; null when the header could not be read
  dedup_key            varchar(400),
  content              bytea         not null,
  content_size         integer       not null,
  -- RECEIVED (stored, not yet answered), PROCESSED (AA), REJECTED (AE/AR)
  state                varchar(12)   not null,
  ack_code             varchar(2),
  error_detail         varchar(2000),
  ack_content          bytea,
  patient_id           uuid          references patient (id),
  processed_at         timestamp with time zone,
  constraint hl7_message_dedup_uk unique (dedup_key)
);
create index hl7_message_received_ix on hl7_message (received_at);
create index hl7_message_control_ix on hl7_message (control_id);

-- Messages Opaline sent (DRIMbox, PFI, teleradiology) with the technical ACK received, and the
-- business acknowledgements (ZAM^Z01/Z02/Z03) that refer to them by control id.
create table hl7_sent_message (
  id                uuid          not null primary key,
  outbox_job_id     uuid,
  destination       varchar(40)   not null,
  control_id        varchar(64)   not null,
  message_type      varchar(40)   not null,
  document_uid      varchar(128),
  patient_id        uuid          references patient (id),
  sent_at           timestamp with time zone not null,
  ack_code          varchar(2),
  ack_detail        varchar(2000),
  constraint hl7_sent_message_control_uk unique (control_id)
);
create index hl7_sent_message_document_ix on hl7_sent_message (document_uid);

create table hl7_business_ack (
  id                uuid          not null primary key,
  hl7_message_id    uuid          not null references hl7_message (id),
  sent_control_id   varchar(64)   not null,
  kind              varchar(20)   not null,
  success           boolean       not null,
  recipient         varchar(300),
  error_code        varchar(100),
  error_text        varchar(1000),
  received_at       timestamp with time zone not null
);
create index hl7_business_ack_sent_ix on hl7_business_ack (sent_control_id);

-- A patient merged into another by an ADT^A40 (IHE PAM): kept for the trace, no longer offered.
alter table patient add column merged_into_id uuid references patient (id);

-- Identifiers other systems give our patients (PID-3 of ADT/PAM feeds), so that a later update
-- or merge (ADT^A40, MRG-1) naming the sender's identifier finds the local patient.
create table hl7_patient_identifier (
  assigning_authority  varchar(200)  not null,
  identifier           varchar(100)  not null,
  patient_id           uuid          not null references patient (id),
  recorded_at          timestamp with time zone not null,
  constraint hl7_patient_identifier_pk primary key (assigning_authority, identifier)
);
create index hl7_patient_identifier_patient_ix on hl7_patient_identifier (patient_id);
