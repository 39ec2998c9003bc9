-- Local credentials of a user account (SC.SSI/IAM.83/92): kept apart from user_account so that
-- accounts without a password (PSC only) need no row, and the account record stays unchanged.
create table user_credential (
  user_id              uuid         not null primary key references user_account (id),
  -- PHC string: $argon2id$v=19$m=…,t=…,p=…$salt$hash
  password_hash        varchar(300) not null,
  password_changed_at  timestamp with time zone not null,
  must_change_password boolean      not null,
  failed_attempts      integer      not null,
  locked_until         timestamp with time zone,
  -- RFC 6238 shared secret, base32; confirmed once the user has typed a first valid code.
  totp_secret          varchar(64),
  totp_confirmed       boolean      not null,
  totp_last_step       bigint,
  last_login_at        timestamp with time zone,
  row_version          integer      not null
);

-- Links between a local account and an identity at an OpenID Connect provider (PSC or the
-- practice's own IdP). SC.PSC.02: made at the first PSC login, by RPPS or by the user's choice.
create table user_external_identity (
  provider     varchar(40)  not null,
  subject      varchar(255) not null,
  user_id      uuid         not null references user_account (id),
  national_id  varchar(20),
  linked_at    timestamp with time zone not null,
  linked_by    varchar(100) not null,
  constraint user_external_identity_pk primary key (provider, subject)
);
create index user_external_identity_user_ix on user_external_identity (user_id);

-- The proxy e-santé's token vault: one row per PSC/OIDC session. Tokens are in token_blob,
-- encrypted (AES-256-GCM) with a key that only the practice server holds; the workstation knows
-- the session handle, of which only a SHA-256 is stored here.
create table psc_session (
  id                  uuid          not null primary key,
  handle_hash         varchar(64)   not null,
  provider            varchar(40)   not null,
  flow                varchar(10)   not null,
  subject             varchar(255)  not null,
  national_id         varchar(20),
  user_id             uuid          references user_account (id),
  client_address      varchar(64),
  professional_json   varchar(4000) not null,
  created_at          timestamp with time zone not null,
  refreshed_at        timestamp with time zone,
  access_expires_at   timestamp with time zone not null,
  refresh_expires_at  timestamp with time zone,
  ends_at             timestamp with time zone not null,
  ended_at            timestamp with time zone,
  end_reason          varchar(40),
  key_id              varchar(40)   not null,
  token_blob          bytea         not null,
  row_version         integer       not null,
  constraint psc_session_handle_uk unique (handle_hash)
);
create index psc_session_user_ix on psc_session (user_id);
create index psc_session_access_ix on psc_session (access_expires_at);
