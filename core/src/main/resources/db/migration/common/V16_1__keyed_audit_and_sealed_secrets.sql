-- Keyed audit chain (issue 16): from keyed_from_seq on, each hash is an HMAC-SHA256 with a key
-- held outside the database (<home>/secrets/audit-chain.key); key_id is that key's public
-- fingerprint, so that a process holding another key is refused. Null on both: no keyed chain yet
-- (events written before the upgrade keep their plain SHA-256 and keep verifying).
alter table audit_head add column keyed_from_seq bigint;
alter table audit_head add column key_id varchar(32);

-- TOTP seeds are stored sealed with the vault key (AES-256-GCM, base64): longer than the clear seed.
alter table user_credential alter column totp_secret set data type varchar(200);
