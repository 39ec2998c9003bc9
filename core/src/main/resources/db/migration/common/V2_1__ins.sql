-- INS (issue 11): identity status history, trusted correspondents, COG referential.
-- Portable SQL for H2 and PostgreSQL; additive only.

-- Every change of an identity's RNIV status or attributes, with its reason (the audit trail
-- holds the same event, chained; this table is what the patient screen lists).
create table identity_status_change (
  id            uuid          not null primary key,
  patient_id    uuid          not null references patient (id),
  -- The patient's row version after the change: orders the history of one patient.
  patient_version integer     not null,
  changed_at    timestamp with time zone not null,
  from_status   varchar(12),
  to_status     varchar(12)   not null,
  ins_source    varchar(20),
  evidence      varchar(40),
  doubtful      boolean       not null,
  fictitious    boolean       not null,
  homonym       boolean       not null,
  reason        varchar(1000) not null,
  actor_login   varchar(100)  not null
);
create index identity_status_change_patient_ix on identity_status_change (patient_id, patient_version);

-- Where the INS of a récupérée/qualifiée identity came from (INSi by traits, carte Vitale,
-- appli carte Vitale…); ins_verified_at already says when INSi last confirmed it.
alter table patient add column ins_source varchar(20);

-- Correspondents with whom the practice has an identity trust contract (DSR 3.2.8).
create table trusted_correspondent (
  id               uuid          not null primary key,
  name             varchar(200)  not null,
  channel          varchar(20)   not null,
  identifier       varchar(200)  not null,
  contract_ref     varchar(200),
  active           boolean       not null,
  created_at       timestamp with time zone not null,
  created_by       varchar(100)  not null,
  constraint trusted_correspondent_uk unique (channel, identifier)
);

-- INSEE Code officiel géographique: communes (with history since 1943), communes déléguées
-- and associées, collectivités d'outre-mer, countries. One row per period of validity.
create table cog_place (
  id           uuid          not null primary key,
  code         varchar(5)    not null,
  kind         varchar(24)   not null,
  name         varchar(200)  not null,
  search_name  varchar(200)  not null,
  valid_from   date,
  valid_to     date,
  parent_code  varchar(5),
  source       varchar(40)   not null
);
create index cog_place_code_ix on cog_place (code);
create index cog_place_search_ix on cog_place (search_name);

-- Events on communes (INSEE "mouvements des communes"): merges, renamings, code changes.
create table cog_event (
  id             uuid         not null primary key,
  change_kind    integer      not null,
  effective_date date         not null,
  code_before    varchar(5)   not null,
  kind_before    varchar(5),
  name_before    varchar(200),
  code_after     varchar(5)   not null,
  kind_after     varchar(5),
  name_after     varchar(200)
);
create index cog_event_before_ix on cog_event (code_before);
create index cog_event_after_ix on cog_event (code_after);

-- Birthplace codes returned by INSi that the local referential lacks, accepted by a user.
create table cog_accepted_code (
  code         varchar(5)    not null primary key,
  name         varchar(200),
  accepted_at  timestamp with time zone not null,
  accepted_by  varchar(100)  not null,
  reason       varchar(1000)
);
