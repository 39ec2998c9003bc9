-- DMP / Mon espace santé (issue 6). Portable SQL for H2 and PostgreSQL; additive only.

-- Every consent decision of a care episode, as recorded (SC.DMP/CONF.06, 06.BIS, 13): the
-- care_episode row holds the state in force, this table the trace a consultation relies on.
create table dmp_consent_event (
  id                    uuid          not null primary key,
  episode_id            uuid          not null references care_episode (id),
  patient_id            uuid          not null references patient (id),
  recorded_at           timestamp with time zone not null,
  recorded_by           uuid          references user_account (id),
  actor_login           varchar(100)  not null,
  patient_informed      boolean       not null,
  feeding_opposition    boolean       not null,
  consultation_consent  varchar(12)   not null,
  break_glass           boolean       not null,
  reason                varchar(1000),
  -- Where the decision was taken: DESK (accueil), DICA (checklist window), PAM (HL7 flow).
  origin                varchar(12)   not null
);
create index dmp_consent_event_episode_ix on dmp_consent_event (episode_id, recorded_at);

-- Individual authorisation of a professional on a patient's DMP (TD0.4), set automatically once
-- consent is traced, technically valid 6 months, renewed while the episode lasts.
create table dmp_authorization (
  id            uuid          not null primary key,
  patient_id    uuid          not null references patient (id),
  user_id       uuid          not null references user_account (id),
  episode_id    uuid          references care_episode (id),
  rpps          varchar(11)   not null,
  -- ACTIVE, BLOCKED (the patient forbade this professional), ENDED
  status        varchar(12)   not null,
  set_at        timestamp with time zone,
  expires_at    timestamp with time zone,
  updated_at    timestamp with time zone not null,
  detail        varchar(1000),
  constraint dmp_authorization_uk unique (patient_id, user_id)
);
create index dmp_authorization_expiry_ix on dmp_authorization (status, expires_at);

-- What the DMP last said about a patient's record for one professional (TD0.2), for the DICA
-- checklist without a call, and when that professional last consulted it.
create table dmp_record_status (
  patient_id           uuid          not null references patient (id),
  user_id              uuid          not null references user_account (id),
  checked_at           timestamp with time zone not null,
  -- OPEN, CLOSED, ABSENT, UNAVAILABLE, REFUSED
  record_state         varchar(12)   not null,
  -- VALIDE, NON_EXISTANTE, EXPIREE, INTERDITE, or null when not asked
  authorization_state  varchar(16),
  detail               varchar(1000),
  last_consulted_at    timestamp with time zone,
  constraint dmp_record_status_pk primary key (patient_id, user_id)
);

-- A report's DMP feeding choices made before validation (SC.DMP/ALI/PROG.03, UX.51): held
-- (the send is created suspended) and hidden from the patient's legal representatives.
create table dmp_report_option (
  report_id               uuid          not null primary key references report (id),
  held                    boolean       not null,
  hidden_from_legal_reps  boolean       not null,
  updated_at              timestamp with time zone not null,
  updated_by              varchar(100)  not null
);

-- One row per document sent to (or removed from) the DMP by Opaline, written when the DMP
-- acknowledged it: what the statistics count and what "already in the DMP" means locally.
create table dmp_feed_record (
  id                 uuid          not null primary key,
  job_id             uuid          not null,
  patient_id         uuid          references patient (id),
  document_id        uuid          references clinical_document (id),
  unique_id          varchar(128)  not null,
  set_id             varchar(128),
  version_number     integer,
  action             varchar(12)   not null,
  -- SENT, INVISIBLE (sent invisible to the patient), FAILED, NO_DMP (not sent: no DMP, INS not
  -- qualified or opposition), DELETED
  outcome            varchar(12)   not null,
  type_code          varchar(20),
  site_id            varchar(20),
  detail             varchar(1000),
  occurred_at        timestamp with time zone not null
);
create index dmp_feed_record_uid_ix on dmp_feed_record (unique_id);
create index dmp_feed_record_time_ix on dmp_feed_record (occurred_at);
