-- Opaline foundation schema. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+,
-- and is parsed by jOOQ's DDLDatabase to generate the persistence classes.
-- Identifiers avoid the reserved words of both databases (user, order, key, value, end…).

create table practice_setting (
  setting_key   varchar(100)  not null primary key,
  setting_value varchar(4000) not null
);

-- Named monotonic counters (accession numbers, UIDs, IPP…), incremented under a row lock.
create table sequence_counter (
  counter_name varchar(60) not null primary key,
  next_value   bigint      not null
);

create table user_account (
  id              uuid         not null primary key,
  login           varchar(100) not null,
  display_name    varchar(200) not null,
  role            varchar(20)  not null,
  rpps            varchar(11),
  profession_code varchar(10),
  specialty_code  varchar(20),
  active          boolean      not null,
  created_at      timestamp with time zone not null,
  constraint user_account_login_uk unique (login)
);
create index user_account_rpps_ix on user_account (rpps);

create table patient (
  id                     uuid         not null primary key,
  ipp                    varchar(20)  not null,
  ipp_issuer             varchar(64)  not null,
  -- Strict INS traits, kept as the téléservice returns them (upper case, no diacritics)
  -- once récupérée; as entered at the desk while provisoire.
  birth_name             varchar(100) not null,
  birth_first_names      varchar(200) not null,
  first_birth_first_name varchar(100) not null,
  birth_date             date         not null,
  sex                    varchar(1)   not null,
  birthplace_code        varchar(5),
  -- Used name and first name, accents allowed, stored apart from the traits.
  used_name              varchar(100),
  used_first_name        varchar(100),
  ins_matricule          varchar(15),
  ins_oid                varchar(64),
  identity_status        varchar(12)  not null,
  doubtful               boolean      not null,
  fictitious             boolean      not null,
  homonym                boolean      not null,
  identity_evidence      varchar(40),
  ins_verified_at        timestamp with time zone,
  phone                  varchar(30),
  email                  varchar(200),
  address_line           varchar(200),
  postal_code            varchar(10),
  city                   varchar(100),
  -- Upper-case, diacritic-free copies of the names for prefix search.
  search_birth_name      varchar(100) not null,
  search_used_name       varchar(100),
  created_at             timestamp with time zone not null,
  updated_at             timestamp with time zone not null,
  row_version            integer      not null,
  constraint patient_ipp_uk unique (ipp_issuer, ipp)
);
create index patient_ins_ix on patient (ins_matricule);
create index patient_birth_date_ix on patient (birth_date);

create table care_episode (
  id                        uuid        not null primary key,
  patient_id                uuid        not null references patient (id),
  opened_at                 timestamp with time zone not null,
  closed_at                 timestamp with time zone,
  patient_informed          boolean     not null,
  dmp_feeding_opposition    boolean     not null,
  dmp_consultation_consent  varchar(12) not null,
  consent_recorded_at       timestamp with time zone,
  consent_recorded_by       uuid        references user_account (id),
  break_glass_at            timestamp with time zone,
  break_glass_by            uuid        references user_account (id),
  break_glass_reason        varchar(1000),
  row_version               integer     not null
);
create index care_episode_patient_ix on care_episode (patient_id);

create table room (
  id                uuid         not null primary key,
  code              varchar(20)  not null,
  name              varchar(100) not null,
  modality          varchar(4)   not null,
  station_ae_title  varchar(16)  not null,
  station_name      varchar(64),
  active            boolean      not null,
  constraint room_code_uk unique (code)
);

create table exam_type (
  id                       uuid         not null primary key,
  code                     varchar(20)  not null,
  label                    varchar(200) not null,
  modality                 varchar(4)   not null,
  anatomical_region_code   varchar(20),
  anatomical_region_label  varchar(100),
  ccam_code                varchar(13),
  duration_minutes         integer      not null,
  active                   boolean      not null,
  constraint exam_type_code_uk unique (code)
);

create table appointment (
  id            uuid        not null primary key,
  patient_id    uuid        not null references patient (id),
  room_id       uuid        not null references room (id),
  exam_type_id  uuid        not null references exam_type (id),
  starts_at     timestamp with time zone not null,
  ends_at       timestamp with time zone not null,
  status        varchar(12) not null,
  note          varchar(1000),
  created_by    uuid        references user_account (id),
  created_at    timestamp with time zone not null,
  row_version   integer     not null
);
create index appointment_room_time_ix on appointment (room_id, starts_at);
create index appointment_patient_ix on appointment (patient_id);

-- "Demande RIS" (SC.DB/RIS.04).
create table imaging_order (
  id                        uuid         not null primary key,
  patient_id                uuid         not null references patient (id),
  care_episode_id           uuid         references care_episode (id),
  appointment_id            uuid         references appointment (id),
  accession_number          varchar(16)  not null,
  placer_order_number       varchar(22)  not null,
  referring_physician_name  varchar(200),
  referring_physician_rpps  varchar(11),
  clinical_indication       varchar(4000),
  created_at                timestamp with time zone not null,
  constraint imaging_order_accession_uk unique (accession_number),
  constraint imaging_order_placer_uk unique (placer_order_number)
);
create index imaging_order_patient_ix on imaging_order (patient_id);

create table requested_procedure (
  id                uuid         not null primary key,
  order_id          uuid         not null references imaging_order (id),
  exam_type_id      uuid         not null references exam_type (id),
  procedure_id      varchar(16)  not null,
  description       varchar(200) not null,
  constraint requested_procedure_id_uk unique (procedure_id)
);
create index requested_procedure_order_ix on requested_procedure (order_id);

create table scheduled_procedure_step (
  id                      uuid         not null primary key,
  requested_procedure_id  uuid         not null references requested_procedure (id),
  step_id                 varchar(16)  not null,
  study_instance_uid      varchar(64)  not null,
  modality                varchar(4)   not null,
  room_id                 uuid         not null references room (id),
  station_ae_title        varchar(16)  not null,
  scheduled_start         timestamp with time zone not null,
  performing_physician    varchar(200),
  description             varchar(200) not null,
  status                  varchar(12)  not null,
  updated_at              timestamp with time zone not null,
  constraint sps_step_id_uk unique (step_id),
  constraint sps_study_uid_uk unique (study_instance_uid)
);
create index sps_start_ix on scheduled_procedure_step (scheduled_start);
create index sps_status_ix on scheduled_procedure_step (status, scheduled_start);
create index sps_rp_ix on scheduled_procedure_step (requested_procedure_id);

create table report (
  id               uuid        not null primary key,
  order_id         uuid        not null references imaging_order (id),
  set_id           varchar(64) not null,
  current_version  integer     not null,
  status           varchar(12) not null,
  created_at       timestamp with time zone not null,
  constraint report_set_id_uk unique (set_id)
);
create index report_order_ix on report (order_id);

create table report_version (
  id                      uuid         not null primary key,
  report_id               uuid         not null references report (id),
  version_number          integer      not null,
  document_uid            varchar(64)  not null,
  status                  varchar(12)  not null,
  indication              varchar(8000),
  technique               varchar(8000),
  results                 varchar(16000),
  conclusion              varchar(8000),
  author_id               uuid         not null references user_account (id),
  legal_authenticator_id  uuid         references user_account (id),
  validated_at            timestamp with time zone,
  created_at              timestamp with time zone not null,
  constraint report_version_uk unique (report_id, version_number),
  constraint report_version_doc_uk unique (document_uid)
);

-- Any clinical document the practice holds: produced here or received (DMP, MSSanté,
-- teleradiology, PFI). Dedupe key: document_uid (CDA id), with set_id + version_number.
create table clinical_document (
  id                       uuid          not null primary key,
  patient_id               uuid          references patient (id),
  document_uid             varchar(128)  not null,
  set_id                   varchar(128)  not null,
  version_number           integer       not null,
  type_code                varchar(20)   not null,
  title                    varchar(300)  not null,
  effective_at             timestamp with time zone not null,
  author_name              varchar(200),
  author_rpps              varchar(11),
  provenance               varchar(16)   not null,
  status                   varchar(12)   not null,
  invisible_to_patient     boolean       not null,
  hidden_from_legal_reps   boolean       not null,
  mime_type                varchar(100)  not null,
  content                  bytea         not null,
  report_version_id        uuid          references report_version (id),
  received_at              timestamp with time zone not null,
  constraint clinical_document_uid_uk unique (document_uid)
);
create index clinical_document_patient_ix on clinical_document (patient_id);
create index clinical_document_set_ix on clinical_document (set_id, version_number);

-- Append-only, hash-chained audit trail. The head row serialises appends across processes.
create table audit_event (
  seq          bigint        not null primary key,
  occurred_at  timestamp with time zone not null,
  actor_id     uuid,
  actor_login  varchar(100)  not null,
  action       varchar(60)   not null,
  patient_id   uuid,
  object_type  varchar(40),
  object_id    varchar(128),
  detail       varchar(2000),
  prev_hash    varchar(64)   not null,
  hash         varchar(64)   not null
);
create index audit_event_patient_ix on audit_event (patient_id);
create index audit_event_time_ix on audit_event (occurred_at);

create table audit_head (
  id         integer     not null primary key,
  last_seq   bigint      not null,
  last_hash  varchar(64) not null
);
insert into audit_head (id, last_seq, last_hash)
  values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Durable outbox: every send to an external system is a job here.
create table outbox_job (
  id               uuid          not null primary key,
  job_type         varchar(60)   not null,
  payload          varchar(1000000) not null,
  idempotency_key  varchar(200),
  state            varchar(12)   not null,
  due_at           timestamp with time zone not null,
  attempts         integer       not null,
  max_attempts     integer       not null,
  last_error       varchar(4000),
  lease_owner      varchar(100),
  lease_token      uuid,
  lease_until      timestamp with time zone,
  patient_id       uuid,
  subject          varchar(300),
  created_by       varchar(100)  not null,
  created_at       timestamp with time zone not null,
  updated_at       timestamp with time zone not null,
  finished_at      timestamp with time zone,
  constraint outbox_job_idem_uk unique (idempotency_key)
);
create index outbox_job_due_ix on outbox_job (state, due_at);
create index outbox_job_type_ix on outbox_job (job_type, state);
