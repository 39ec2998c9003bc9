-- The trusted correspondents become the one HL7 peer registry (issue 20): for the MLLP channels
-- (HL7, TELERADIOLOGIE) each row also says from which source addresses the peer may connect
-- (comma-separated addresses, ranges or CIDR blocks; none declared = nothing accepted), the
-- SHA-256 fingerprint of the TLS client certificate it must present (optional), its MSH-4 (optional)
-- and the message types it may send (TYPE or TYPE^EVENT, comma-separated). identity_trust tells a
-- peer with an identity trust contract (DSR 3.2.8) from a peer merely allowed to send.
alter table trusted_correspondent add column sending_facility varchar(200);
alter table trusted_correspondent add column allowed_addresses varchar(1000);
alter table trusted_correspondent add column certificate_sha256 varchar(100);
alter table trusted_correspondent add column message_types varchar(500);
alter table trusted_correspondent add column identity_trust boolean default true not null;

-- Rows declared before this version were trust contracts: they keep it and get the message types
-- their channel sent until now (identity feeds for HL7, results for teleradiology); their source
-- addresses must be declared before their messages are accepted again.
update trusted_correspondent set message_types = 'ADT^A01,ADT^A04,ADT^A05,ADT^A08,ADT^A28,ADT^A31'
  where channel = 'HL7';
update trusted_correspondent set message_types = 'ORU^R01' where channel = 'TELERADIOLOGIE';
