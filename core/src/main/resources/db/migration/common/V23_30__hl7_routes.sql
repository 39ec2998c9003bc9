-- Outbound HL7 routes (issue 23): a declared HL7 peer (trusted_correspondent of channel HL7 or
-- TELERADIOLOGIE) gets at most one route per kind: ADT (identity feed, IHE PAM FR A28/A31/A40),
-- ORM (orders to a PACS, ORM^O01) or PFI (validated CRs to a plateforme d'intégration, ORU^R01 of the
-- CI-SIS "Transmission de documents CDA en HL7v2"), each to host:port over MLLP, TLS optional.
create table hl7_route (
  id          uuid          not null primary key,
  peer_id     uuid          not null,
  kind        varchar(10)   not null,
  host        varchar(255)  not null,
  port        integer       not null,
  tls         boolean       default false not null,
  created_at  timestamp with time zone not null,
  created_by  varchar(100)  not null,
  constraint hl7_route_peer_fk foreign key (peer_id) references trusted_correspondent (id) on delete cascade,
  constraint hl7_route_uk unique (peer_id, kind)
);
